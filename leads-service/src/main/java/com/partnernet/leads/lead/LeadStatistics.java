package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.partnernet.leads.vocabulary.LeadStatus;

/** The read side of the lead table for pipelines and evaluations: figures counted by the database, not lead by lead. */
@ApplicationScoped
public class LeadStatistics {

    /**
     * Per status of a shop's leads: how many (kept up to date by the database as leads arrive and move, V9), their
     * average and longest wait since assignment in minutes, and how many waited under 1, 1–3, 3–7 and over 7 days; and
     * (on every row) how many of its leads await their first contact past its time. The ages are read for open
     * statuses only, and only as far as needed: the oldest lead by one index probe, the buckets from the last seven
     * days' leads, the overdue ones from an index of those awaiting a first contact; so the summary costs no more as a
     * shop's backlog grows. (The statuses are {@link LeadStatus#OPEN} and {@link LeadStatus#AWAITING_FIRST_CONTACT},
     * spelt out for the planner to use the partial indexes.)
     */
    private static final String STAGES_SQL = """
            select stage.status, stage.leads,
                   (extract(epoch from cast(:now as timestamptz)) - stage.assigned_seconds / stage.leads) / 60,
                   coalesce(floor(extract(epoch from (cast(:now as timestamptz) - (
                       select min(oldest.assigned_at) from lead oldest
                       where oldest.shop_id = stage.shop_id and oldest.status = stage.status
                         and oldest.status in ('NEW', 'ACCEPTED', 'CONTACTED', 'APPOINTMENT')))) / 60), 0),
                   recent.within1Day, recent.within3Days, recent.within7Days, overdue.leads
            from shop_pipeline_stage stage
            cross join lateral (
                select count(*) filter (where assigned_at > cast(:now as timestamptz) - interval '24 hours') as within1Day,
                       count(*) filter (where assigned_at > cast(:now as timestamptz) - interval '72 hours') as within3Days,
                       count(*) as within7Days
                from lead
                where shop_id = stage.shop_id and status = stage.status
                  and status in ('NEW', 'ACCEPTED', 'CONTACTED', 'APPOINTMENT')
                  and assigned_at > cast(:now as timestamptz) - interval '168 hours') recent
            cross join (
                select count(*) as leads from lead
                where shop_id = :shop and status in ('NEW', 'ACCEPTED') and sla_due_at < cast(:now as timestamptz)) overdue
            where stage.shop_id = :shop and stage.leads > 0""";

    /**
     * A shop's pipeline: its statuses (those it holds no leads in left out), and how many of its leads await their
     * first contact past its time.
     */
    public record ShopPipeline(List<Stage> stages, long overdueFirstContacts) {
    }

    /**
     * A status of a shop's pipeline.
     *
     * @param averageAgeMinutes since assignment (open statuses only, else 0)
     * @param ageBuckets leads that waited under 1 day, 1–3 days, 3–7 days and over 7 days (open statuses only)
     */
    public record Stage(LeadStatus status, long leads, double averageAgeMinutes, double maxAgeMinutes, long[] ageBuckets) {
    }

    /** A lead a shop holds: where it stands, when it was assigned and first contacted. */
    public record ShopLead(UUID shopId, LeadStatus status, Instant assignedAt, Instant firstContactAt) {
    }

    private final EntityManager entityManager;

    public LeadStatistics(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A shop's pipeline, counted and aged by the database in one statement. */
    public ShopPipeline pipeline(UUID shopId, Instant now) {
        // Rows of Object[]: with a scalar result class (Long.class), Hibernate 7.2 caches each execution's plan under a
        // key that hashes like the last one's but never equals it, and every lookup compared the whole cache (JFR: a
        // quarter of leads-service's CPU under pipeline reads).
        List<Object[]> rows = entityManager.createNativeQuery(STAGES_SQL, Object[].class)
                .setParameter("shop", shopId).setParameter("now", now).getResultList();
        return new ShopPipeline(rows.stream().map(row -> stage(LeadStatus.valueOf((String) row[0]), number(row[1]),
                ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue(), number(row[4]), number(row[5]),
                number(row[6]))).toList(), rows.isEmpty() ? 0 : number(rows.get(0)[7]));
    }

    private static Stage stage(LeadStatus status, long leads, double averageAgeMinutes, double maxAgeMinutes,
            long within1Day, long within3Days, long within7Days) {
        if (!status.isOpen()) {
            return new Stage(status, leads, 0, 0, new long[4]);
        }
        return new Stage(status, leads, averageAgeMinutes, maxAgeMinutes,
                new long[] { within1Day, within3Days - within1Day, within7Days - within3Days, leads - within7Days });
    }

    /**
     * Leads received in [{@code start}, {@code end}) that a shop holds, lead by lead (an evaluation's few thousand): of
     * one campaign, or (campaign null) all.
     */
    public List<ShopLead> shopLeads(Collection<UUID> shopIds, Instant start, Instant end, UUID campaignId) {
        if (shopIds.isEmpty()) {
            return List.of();
        }
        var query = entityManager.createQuery("select l.shopId, l.status, l.assignedAt, l.firstContactAt from Lead l"
                + " where l.shopId in :shops and l.receivedAt >= :start and l.receivedAt < :end"
                + (campaignId != null ? " and l.campaignId = :campaign" : ""), Object[].class)
                .setParameter("shops", shopIds).setParameter("start", start).setParameter("end", end);
        if (campaignId != null) {
            query.setParameter("campaign", campaignId);
        }
        return query.getResultList().stream()
                .map(row -> new ShopLead((UUID) row[0], (LeadStatus) row[1], (Instant) row[2], (Instant) row[3])).toList();
    }

    /** A campaign's leads per status (statuses without leads left out). */
    public Map<LeadStatus, Long> perStatus(UUID campaignId) {
        Map<LeadStatus, Long> counts = new EnumMap<>(LeadStatus.class);
        entityManager.createQuery("select l.status, count(l) from Lead l where l.campaignId = :campaign group by l.status",
                Object[].class).setParameter("campaign", campaignId).getResultList()
                .forEach(row -> counts.put((LeadStatus) row[0], (Long) row[1]));
        return counts;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
