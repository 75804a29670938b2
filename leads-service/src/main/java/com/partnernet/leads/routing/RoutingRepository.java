package com.partnernet.leads.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import com.partnernet.chassis.persistence.NewRows;
import com.partnernet.chassis.persistence.PerId;
import com.partnernet.leads.vocabulary.DeclineReason;

/**
 * The assignments and decisions of leads, and the targets' load they make. The load is read without flushing the
 * transaction's pending writes first: routing reads a target's load before it assigns to it in this transaction and
 * keeps it from then on ({@link RoutingSession}), so pending writes cannot change what it reads,
 * and a flush per lead would check every entity the transaction holds (quadratic in a poll of leads).
 */
@ApplicationScoped
public class RoutingRepository {

    /** Which kind of target a count is about. */
    public enum Kind {
        SHOP("shop_id"),
        TEAM("team_id");

        final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    private final EntityManager entityManager;

    public RoutingRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Assignments in the week starting {@code weekStart} per shop or team, as counted when they were stored (the
     * {@code routing_week_load} table, kept by a trigger on {@code lead_assignment}).
     */
    public Map<UUID, Long> assignedInWeek(Collection<UUID> targets, Instant weekStart) {
        return PerId.read(entityManager, "select target_id as id, assigned as value from routing_week_load"
                + " where target_id = any(cast(:ids as uuid[])) and week_start = :week", targets, Long.class,
                Map.of("week", weekStart));
    }

    /** When each shop or team last got a lead (round robin among equals: the longest waiting first). */
    public Map<UUID, Instant> lastAssigned(Kind kind, Collection<UUID> targets) {
        return PerId.read(entityManager, "select " + kind.column + " as id, max(assigned_at) as value from lead_assignment "
                + "where " + kind.column + " = any(cast(:ids as uuid[])) group by " + kind.column, targets, Instant.class,
                Map.of());
    }

    /**
     * Locks these shops' directory rows until the transaction ends, in the order of their ids (one order for all), so
     * two leads never take a shop's last free place.
     */
    public void lockShops(List<UUID> shopIds) {
        entityManager.createNativeQuery("select shop_id from routing_shop where shop_id = any(cast(:targets as uuid[])) "
                + "order by shop_id for update").setFlushMode(FlushModeType.COMMIT).setParameter("targets", PerId.array(shopIds))
                .getResultList();
    }

    /** Locks the field team's directory row until the transaction ends, so two leads never take its last free place. */
    public void lockTeam(UUID teamId) {
        entityManager.createNativeQuery("select team_id from routing_team where team_id = :team for update")
                .setFlushMode(FlushModeType.COMMIT).setParameter("team", teamId).getResultList();
    }

    /** The lead's current assignment, if it has one. */
    public Optional<LeadAssignment> currentAssignment(UUID leadId) {
        return entityManager.createQuery("from LeadAssignment a where a.leadId = :lead and a.endedAt is null", LeadAssignment.class)
                .setParameter("lead", leadId).getResultStream().findFirst();
    }

    /** The lead's assignments that ended because the shop (or team) let the SLA lapse or declined. */
    public List<LeadAssignment> passedOn(UUID leadId) {
        return entityManager.createQuery("from LeadAssignment a where a.leadId = :lead and a.endReason in :passed"
                + " order by a.assignedAt", LeadAssignment.class).setParameter("lead", leadId)
                .setParameter("passed", List.of(LeadAssignment.SLA_BREACH, LeadAssignment.DECLINED)).getResultList();
    }

    /** How often a shop declined leads, per reason. */
    public record DeclineCount(UUID shopId, DeclineReason reason, long declines) {
    }

    /**
     * Declines by these shops between {@code start} and {@code end}, per shop and reason: of one campaign's leads, or
     * (campaign null) of all leads.
     */
    public List<DeclineCount> declinesPerShop(Collection<UUID> shopIds, Instant start, Instant end, UUID campaignId) {
        if (shopIds.isEmpty()) {
            return List.of();
        }
        var query = entityManager.createQuery("select a.shopId, a.declineReason, count(a) from LeadAssignment a"
                + (campaignId != null ? ", Lead l where l.id = a.leadId and l.campaignId = :campaign and" : " where")
                + " a.shopId in :shops and a.endReason = :declined and a.endedAt >= :start and a.endedAt < :end"
                + " group by a.shopId, a.declineReason", Object[].class)
                .setParameter("shops", shopIds).setParameter("declined", LeadAssignment.DECLINED)
                .setParameter("start", start).setParameter("end", end);
        if (campaignId != null) {
            query.setParameter("campaign", campaignId);
        }
        return query.getResultList().stream()
                .map(row -> new DeclineCount((UUID) row[0], (DeclineReason) row[1], (Long) row[2])).toList();
    }

    /** Erases what the lead's shops wrote about declining it (personal data may be in free text). */
    public void eraseDeclineNotes(UUID leadId) {
        entityManager.createQuery("update LeadAssignment a set a.declineNote = null where a.leadId = :lead"
                + " and a.declineNote is not null").setParameter("lead", leadId).executeUpdate();
    }

    public List<RoutingDecision> decisions(UUID leadId) {
        return entityManager.createQuery("from RoutingDecision d where d.leadId = :lead order by d.decidedAt, d.id",
                RoutingDecision.class).setParameter("lead", leadId).getResultList();
    }

    /** Stores new decisions and then the assignments they made, each kind at once ({@link NewRows}), after their leads. */
    public void insertAll(List<RoutingDecision> decisions, List<LeadAssignment> assignments) {
        NewRows.insert(entityManager, decisions);
        NewRows.insert(entityManager, assignments);
    }
}
