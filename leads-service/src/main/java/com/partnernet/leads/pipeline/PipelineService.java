package com.partnernet.leads.pipeline;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;
import com.partnernet.leads.directory.RoutingShop;
import com.partnernet.leads.directory.RoutingShopRepository;
import com.partnernet.leads.lead.LeadRepository;
import com.partnernet.leads.lead.LeadStatus;
import com.partnernet.leads.lead.LeadView;

@ApplicationScoped
public class PipelineService {

    private static final Map<String, String> SORT_KEYS = Map.of("receivedAt", "receivedAt", "assignedAt", "assignedAt",
            "status", "status", "slaDueAt", "slaDueAt", "updatedAt", "updatedAt");
    /** Age buckets of open leads, upper bounds in hours. */
    private static final Map<String, Long> AGE_BUCKETS = bucketBounds();
    /**
     * Per status of a shop's leads: how many, their average and longest wait since assignment in whole minutes, how
     * many waited under 1, 1–3, 3–7 and over 7 days, and how many NEW ones are past their first-contact time (the age
     * columns are read for open statuses only). The bounds are AGE_BUCKETS'.
     */
    static final String STAGES_SQL = """
            select status, count(*), coalesce(avg(age), 0), coalesce(max(age), 0),
                   count(*) filter (where age < 24 * 60), count(*) filter (where age >= 24 * 60 and age < 72 * 60),
                   count(*) filter (where age >= 72 * 60 and age < 168 * 60), count(*) filter (where age >= 168 * 60),
                   count(*) filter (where status = 'NEW' and sla_due_at < :now)
            from (select status, sla_due_at, floor(extract(epoch from (cast(:now as timestamptz) - assigned_at)) / 60) as age
                  from lead where shop_id = :shop) shop_leads
            group by status""";

    private final RoutingShopRepository shops;
    private final LeadRepository leads;
    private final EntityManager entityManager;

    public PipelineService(RoutingShopRepository shops, LeadRepository leads, EntityManager entityManager) {
        this.shops = shops;
        this.leads = leads;
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PipelineView pipeline(UUID shopId, LeadStatus status, PageParams paging, Optional<UUID> ofPartner) {
        RoutingShop shop = shops.findByIdOptional(shopId)
                .filter(found -> ofPartner.map(partner -> partner.equals(found.partnerId)).orElse(true))
                .orElseThrow(() -> new ResourceNotFoundException("Shop", shopId));
        Instant now = Timestamps.now();
        Map<LeadStatus, Long> stages = new EnumMap<>(LeadStatus.class);
        LeadStatus.PIPELINE.forEach(stage -> stages.put(stage, 0L));
        Map<LeadStatus, PipelineView.StageAge> ageing = new EnumMap<>(LeadStatus.class);
        LeadStatus.OPEN.forEach(stage -> ageing.put(stage, new PipelineView.StageAge(0, 0, 0)));
        Map<String, Long> byAge = new LinkedHashMap<>();
        AGE_BUCKETS.keySet().forEach(bucket -> byAge.put(bucket, 0L));
        long overdue = 0;
        long total = 0;
        // Counted and aged by the database in one pass over the shop's leads, not shipped here lead by lead.
        List<Object[]> rows = entityManager.createNativeQuery(STAGES_SQL, Object[].class)
                .setParameter("shop", shopId).setParameter("now", now).getResultList();
        for (Object[] row : rows) {
            LeadStatus stage = LeadStatus.valueOf((String) row[0]);
            long leads = ((Number) row[1]).longValue();
            total += leads;
            stages.computeIfPresent(stage, (known, zero) -> leads);
            if (stage.isOpen()) {
                ageing.put(stage, new PipelineView.StageAge(leads, round(((Number) row[2]).doubleValue() / 60),
                        round(((Number) row[3]).doubleValue() / 60)));
                int bucket = 4;
                for (String name : AGE_BUCKETS.keySet()) {
                    byAge.merge(name, ((Number) row[bucket++]).longValue(), Long::sum);
                }
                overdue += ((Number) row[8]).longValue();
            }
        }
        var page = leads.search(status, null, shopId, null, null, Sorting.parse(paging.sort, SORT_KEYS, "-receivedAt", "id"))
                .page(paging.page, paging.size);
        long totalLeads = status == null ? total : stages.getOrDefault(status, 0L);
        return new PipelineView(shop.shopId, shop.name, shop.partnerId, stages, ageing, byAge, overdue, paging.page,
                paging.size, totalLeads, page.list().stream().map(LeadView::of).toList());
    }

    private static Map<String, Long> bucketBounds() {
        Map<String, Long> bounds = new LinkedHashMap<>();
        bounds.put("under1Day", 24L);
        bounds.put("from1To3Days", 72L);
        bounds.put("from3To7Days", 168L);
        bounds.put("over7Days", Long.MAX_VALUE);
        return bounds;
    }

    private static double round(double hours) {
        return Math.round(hours * 10) / 10.0;
    }
}
