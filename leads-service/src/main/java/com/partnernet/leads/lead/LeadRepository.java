package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.partnernet.chassis.persistence.Conditions;
import com.partnernet.chassis.persistence.NewRows;
import com.partnernet.chassis.persistence.PerId;
import com.partnernet.leads.vocabulary.LeadStatus;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** Stores new leads at once ({@link NewRows}): an intake's. */
    public void insertAll(List<Lead> leads) {
        NewRows.insert(getEntityManager(), leads);
    }

    /**
     * The stored leads among these (source, external id) pairs, given as two lists of one length, by
     * {@link Lead#sourceKey}.
     */
    public Map<String, Lead> findBySourceKeys(List<String> sources, List<String> externalIds) {
        Map<String, Lead> found = new HashMap<>();
        if (!sources.isEmpty()) {
            leadsOf("""
                    select l.* from unnest(cast(:sources as text[]), cast(:externalIds as text[])) k(source, external_id)
                    join lead l on l.source = k.source and l.external_id = k.external_id""",
                    Map.of("sources", sources.toArray(String[]::new), "externalIds", externalIds.toArray(String[]::new)))
                    .forEach(lead -> found.put(Lead.sourceKey(lead.source, lead.externalId), lead));
        }
        return found;
    }

    /** How many leads are in each status (statuses without leads are left out). */
    public Map<LeadStatus, Long> countByStatus() {
        Map<LeadStatus, Long> counts = new EnumMap<>(LeadStatus.class);
        getEntityManager().createQuery("select l.status, count(l) from Lead l group by l.status", Object[].class)
                .getResultList().forEach(row -> counts.put((LeadStatus) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * Leads received since {@code since} (of one campaign, or of all when null) per minute and status, as rows of
     * (minute as epoch seconds, status, count). Every status is named so PostgreSQL reads the (status, received_at)
     * index, a short range per status, rather than the whole table.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> countPerMinuteAndStatus(Instant since, String campaign) {
        var query = getEntityManager().createNativeQuery("""
                select cast(extract(epoch from date_trunc('minute', received_at)) as bigint), status, count(*)
                from lead where status in (:statuses) and received_at >= :since"""
                + (campaign != null ? " and campaign = :campaign" : "") + " group by 1, 2");
        query.setParameter("statuses", List.of(LeadStatus.values()).stream().map(Enum::name).toList());
        query.setParameter("since", since);
        if (campaign != null) {
            query.setParameter("campaign", campaign);
        }
        return query.getResultList();
    }

    /** The ops queue's length: leads waiting unrouted, of one campaign or (null) all. */
    public long countUnrouted(String campaign) {
        return campaign == null ? count("status", LeadStatus.UNROUTED)
                : count("status = ?1 and campaign = ?2", LeadStatus.UNROUTED, campaign);
    }

    public Optional<Lead> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Open leads received since {@code since} of anyone with one of these e-mail addresses or phone numbers. Each key
     * is looked up on its index (a join with the keys): as "in (...)" lists, PostgreSQL's default costs preferred
     * reading every recent lead once a poll brought a few hundred keys.
     */
    public List<Lead> findOpenOfPersons(Collection<String> emails, Collection<String> phones, Instant since) {
        // The same lead found by both keys is one entity of the session, kept once.
        Set<Lead> found = new LinkedHashSet<>(openLeadsBy("email_normalized", emails, since));
        found.addAll(openLeadsBy("phone_e164", phones, since));
        return List.copyOf(found);
    }

    private List<Lead> openLeadsBy(String keyColumn, Collection<String> keys, Instant since) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return leadsOf("select l.* from unnest(cast(:keys as text[])) k join lead l on l." + keyColumn + " = k "
                + "where l.status in (:open) and l.received_at >= :since",
                Map.of("keys", keys.toArray(String[]::new), "open", LeadStatus.OPEN.stream().map(Enum::name).toList(),
                        "since", since));
    }

    @SuppressWarnings("unchecked")
    private List<Lead> leadsOf(String sql, Map<String, Object> parameters) {
        var query = getEntityManager().createNativeQuery(sql, Lead.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * Serialises intake per person: a second lead of the same e-mail or phone waits until the first is committed, so
     * both are never assigned.
     */
    public void lockPersons(Collection<String> personKeys) {
        lock(PERSON_LOCKS, personKeys);
    }

    /**
     * Serialises intake per {@link Lead#sourceKey}: the same lead submitted twice at once (a marketing system's retry
     * after a timeout) waits until the first is committed and then finds it, instead of failing on the unique key.
     * Taken before {@link #lockPersons}, by every intake in that order.
     */
    public void lockSourceKeys(Collection<String> sourceKeys) {
        lock(SOURCE_KEY_LOCKS, sourceKeys);
    }

    /** Advisory lock spaces (the first key of PostgreSQL's two-key advisory locks), so the two kinds never collide. */
    private static final int PERSON_LOCKS = 1;
    private static final int SOURCE_KEY_LOCKS = 2;

    /**
     * Transaction-scoped advisory locks on these keys, taken in a fixed order in one statement, so two intakes never
     * wait for each other.
     */
    private void lock(int space, Collection<String> keys) {
        if (!keys.isEmpty()) {
            getEntityManager().createNativeQuery("select count(*) from (select k, pg_advisory_xact_lock(:space, hashtext(k)) "
                    + "from (select distinct k from unnest(cast(:keys as text[])) k order by k) sorted) locked")
                    .setParameter("space", space)
                    .setParameter("keys", keys.toArray(String[]::new))
                    .getSingleResult();
        }
    }

    public PanacheQuery<Lead> search(LeadStatus status, String campaign, UUID shopId, UUID teamId, UUID partnerId,
            Sort sort) {
        return new Conditions()
                .where("status = :status", "status", status)
                .where("campaign = :campaign", "campaign", campaign)
                .where("shopId = :shopId", "shopId", shopId)
                .where("teamId = :teamId", "teamId", teamId)
                .where("partnerId = :partnerId", "partnerId", partnerId)
                .find(this, sort);
    }

    /**
     * Leads being worked (NEW, CONTACTED, APPOINTMENT) per shop, or with {@code ofTeams} per field team; read without
     * flushing pending writes ({@link PerId}): routing keeps its own assignments.
     */
    public Map<UUID, Long> openLeadsPer(boolean ofTeams, Collection<UUID> targets) {
        String column = ofTeams ? "team_id" : "shop_id";
        return PerId.read(getEntityManager(), "select " + column + " as id, count(*) as value from lead where " + column
                + " = any(cast(:ids as uuid[])) and status = any(cast(:open as text[])) group by " + column, targets,
                Long.class, Map.of("open", LeadStatus.OPEN.stream().map(Enum::name).toArray(String[]::new)));
    }

    /**
     * Leads whose personal data the retention purge erases: not erased yet, and won, lost or rejected as spam (by when they closed) or
     * parked as duplicate or unrouted (by when they arrived) before {@code cutoff}.
     */
    public List<Lead> findDueForErasure(Instant cutoff, int limit) {
        return find("erasedAt is null and ((status in ?1 and closedAt < ?2) or (status in ?3 and receivedAt < ?2))",
                List.of(LeadStatus.WON, LeadStatus.LOST, LeadStatus.REJECTED_AS_SPAM), cutoff, List.of(LeadStatus.DUPLICATE, LeadStatus.UNROUTED))
                .page(0, limit).list();
    }

    /** Leads awaiting their first contact whose due time has passed. */
    public List<UUID> slaBreachedIds(Instant now, int limit) {
        return find("status in ?1 and slaDueAt < ?2", Sort.by("slaDueAt").and("id"), LeadStatus.AWAITING_FIRST_CONTACT, now)
                .page(0, limit).project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Projection of a lead to its id. */
    public record IdOnly(UUID id) {
    }
}
