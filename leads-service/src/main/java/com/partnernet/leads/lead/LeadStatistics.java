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
     * Per status of a shop's leads: how many, their average and longest wait since assignment in whole minutes, how
     * many waited under 1, 1–3, 3–7 and over 7 days, and how many are past their first-contact time (a due time is kept
     * while the first contact is awaited only) (the age
     * columns are read for open statuses only).
     */
    private static final String STAGES_SQL = """
            select status, count(*), coalesce(avg(age), 0), coalesce(max(age), 0),
                   count(*) filter (where age < 24 * 60), count(*) filter (where age >= 24 * 60 and age < 72 * 60),
                   count(*) filter (where age >= 72 * 60 and age < 168 * 60), count(*) filter (where age >= 168 * 60),
                   count(*) filter (where sla_due_at < :now)
            from (select status, sla_due_at, floor(extract(epoch from (cast(:now as timestamptz) - assigned_at)) / 60) as age
                  from lead where shop_id = :shop) shop_leads
            group by status""";

    /**
     * A status of a shop's pipeline.
     *
     * @param averageAgeMinutes since assignment (open statuses only, else 0)
     * @param ageBuckets leads that waited under 1 day, 1–3 days, 3–7 days and over 7 days
     * @param overdue leads awaiting their first contact past its time
     */
    public record Stage(LeadStatus status, long leads, double averageAgeMinutes, double maxAgeMinutes, long[] ageBuckets,
            long overdue) {
    }

    /** A lead a shop holds: where it stands, when it was assigned and first contacted. */
    public record ShopLead(UUID shopId, LeadStatus status, Instant assignedAt, Instant firstContactAt) {
    }

    private final EntityManager entityManager;

    public LeadStatistics(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A shop's pipeline by status, counted and aged by the database in one pass over the shop's leads. */
    public List<Stage> stages(UUID shopId, Instant now) {
        List<Object[]> rows = entityManager.createNativeQuery(STAGES_SQL, Object[].class)
                .setParameter("shop", shopId).setParameter("now", now).getResultList();
        return rows.stream().map(row -> new Stage(LeadStatus.valueOf((String) row[0]), number(row[1]),
                ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue(),
                new long[] { number(row[4]), number(row[5]), number(row[6]), number(row[7]) }, number(row[8]))).toList();
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
