package com.partnernet.leads.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.persistence.NewRows;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<LeadNotification, UUID> {

    /** Stores new mails at once ({@link NewRows}), after their leads. */
    public void insertAll(List<LeadNotification> mails) {
        NewRows.insert(getEntityManager(), mails);
    }

    /**
     * Writes a DUE_SOON mail for every lead awaiting its first contact whose reminder time has come, to its shop's (or
     * team's) mailbox, unless that assignment has one: one statement, safe to run on several instances at once.
     *
     * @return how many were written
     */
    public int writeDueReminders(Instant now) {
        return getEntityManager().createNativeQuery("""
                insert into lead_notification (id, lead_id, cause, assigned_at, shop_id, team_id, recipient, created_at,
                                               next_attempt_at)
                select gen_random_uuid(), l.id, 'DUE_SOON', l.assigned_at, l.shop_id, l.team_id,
                       coalesce(s.email, t.email), :now, :now
                from lead l
                left join routing_shop s on s.shop_id = l.shop_id
                left join routing_team t on t.team_id = l.team_id
                where l.status in ('NEW', 'ACCEPTED') and l.sla_reminder_at <= :now and l.sla_due_at > :now
                  and coalesce(s.email, t.email) is not null
                on conflict (lead_id, cause, assigned_at) do nothing""")
                .setParameter("now", now).executeUpdate();
    }

    /**
     * Locks up to {@code limit} mails due by {@code now} for this transaction, oldest first; mails another instance
     * has locked are passed over, so no mail is sent twice at once.
     */
    @SuppressWarnings("unchecked")
    public List<LeadNotification> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                select * from lead_notification
                where sent_at is null and given_up_at is null and dropped_at is null and next_attempt_at <= :now
                order by next_attempt_at, id
                limit :limit
                for update skip locked""", LeadNotification.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    /** Mails not sent yet (and not given up): the gauge ops watch. */
    public long countWaiting() {
        return count("sentAt is null and givenUpAt is null and droppedAt is null");
    }
}
