package com.partnernet.leads.pipeline;

import java.time.Duration;
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
        entityManager.createQuery("select l.status, count(l) from Lead l where l.shopId = :shop group by l.status", Object[].class)
                .setParameter("shop", shopId).getResultList()
                .forEach(row -> stages.computeIfPresent((LeadStatus) row[0], (stage, zero) -> (Long) row[1]));

        List<Object[]> open = entityManager.createQuery("select l.status, l.assignedAt, l.slaDueAt from Lead l"
                + " where l.shopId = :shop and l.status in :open", Object[].class)
                .setParameter("shop", shopId).setParameter("open", LeadStatus.OPEN).getResultList();
        Map<LeadStatus, PipelineView.StageAge> ageing = new EnumMap<>(LeadStatus.class);
        Map<String, Long> byAge = new LinkedHashMap<>();
        AGE_BUCKETS.keySet().forEach(bucket -> byAge.put(bucket, 0L));
        long overdue = 0;
        for (LeadStatus stage : LeadStatus.OPEN) {
            List<Double> hours = open.stream().filter(row -> row[0] == stage)
                    .map(row -> Duration.between((Instant) row[1], now).toMinutes() / 60.0).toList();
            ageing.put(stage, new PipelineView.StageAge(hours.size(),
                    round(hours.stream().mapToDouble(Double::doubleValue).average().orElse(0)),
                    round(hours.stream().mapToDouble(Double::doubleValue).max().orElse(0))));
            for (double age : hours) {
                byAge.merge(bucketOf(age), 1L, Long::sum);
            }
        }
        for (Object[] row : open) {
            if (row[0] == LeadStatus.NEW && row[2] != null && ((Instant) row[2]).isBefore(now)) {
                overdue++;
            }
        }
        var page = leads.search(status, null, shopId, null, null, Sorting.parse(paging.sort, SORT_KEYS, "-receivedAt", "id"))
                .page(paging.page, paging.size);
        return new PipelineView(shop.shopId, shop.name, shop.partnerId, stages, ageing, byAge, overdue, paging.page,
                paging.size, page.count(), page.list().stream().map(LeadView::of).toList());
    }

    private static String bucketOf(double hours) {
        return AGE_BUCKETS.entrySet().stream().filter(bucket -> hours < bucket.getValue()).findFirst().orElseThrow().getKey();
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
