package com.partnernet.leads.pipeline;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;
import com.partnernet.leads.businesstime.BusinessCalendar;
import com.partnernet.leads.businesstime.BusinessCalendars;
import com.partnernet.leads.directory.RoutingShop;
import com.partnernet.leads.directory.RoutingShopRepository;
import com.partnernet.leads.lead.LeadRepository;
import com.partnernet.leads.lead.LeadStatistics;
import com.partnernet.leads.vocabulary.LeadStatus;
import com.partnernet.leads.lead.LeadView;

@ApplicationScoped
public class PipelineService {

    private static final Map<String, String> SORT_KEYS = Map.of("receivedAt", "receivedAt", "assignedAt", "assignedAt",
            "status", "status", "slaDueAt", "slaDueAt", "updatedAt", "updatedAt");
    /** Age buckets of open leads, upper bounds in hours ({@link LeadStatistics#stages}' buckets). */
    private static final Map<String, Long> AGE_BUCKETS = bucketBounds();
    private final RoutingShopRepository shops;
    private final LeadRepository leads;
    private final LeadStatistics statistics;
    private final BusinessCalendars calendars;

    public PipelineService(RoutingShopRepository shops, LeadRepository leads, LeadStatistics statistics,
            BusinessCalendars calendars) {
        this.shops = shops;
        this.leads = leads;
        this.statistics = statistics;
        this.calendars = calendars;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PipelineView pipeline(UUID shopId, LeadStatus status, PageParams paging, Optional<UUID> ofPartner) {
        RoutingShop shop = requireShop(shopId, ofPartner);
        Instant now = Timestamps.now();
        Map<LeadStatus, Long> stages = new EnumMap<>(LeadStatus.class);
        LeadStatus.PIPELINE.forEach(stage -> stages.put(stage, 0L));
        Map<LeadStatus, PipelineView.StageAge> ageing = new EnumMap<>(LeadStatus.class);
        LeadStatus.OPEN.forEach(stage -> ageing.put(stage, new PipelineView.StageAge(0, 0, 0)));
        Map<String, Long> byAge = new LinkedHashMap<>();
        AGE_BUCKETS.keySet().forEach(bucket -> byAge.put(bucket, 0L));
        long total = 0;
        LeadStatistics.ShopPipeline counted = statistics.pipeline(shopId, now);
        for (LeadStatistics.Stage stage : counted.stages()) {
            total += stage.leads();
            stages.computeIfPresent(stage.status(), (known, zero) -> stage.leads());
            if (stage.status().isOpen()) {
                ageing.put(stage.status(), new PipelineView.StageAge(stage.leads(), round(stage.averageAgeMinutes() / 60),
                        round(stage.maxAgeMinutes() / 60)));
                int bucket = 0;
                for (String name : AGE_BUCKETS.keySet()) {
                    byAge.merge(name, stage.ageBuckets()[bucket++], Long::sum);
                }
            }
        }
        var page = leads.search(status, null, shopId, null, null, Sorting.parse(paging.sort, SORT_KEYS, "-receivedAt", "id"))
                .page(paging.page, paging.size);
        long totalItems = status == null ? total : stages.getOrDefault(status, 0L);
        BusinessCalendar calendar = calendars.ofShop(shop.openingHours, shop.state);
        Page<LeadView> leadsPage = Page.of(page.list().stream().map(lead -> LeadView.of(lead,
                lead.status().awaitsFirstContact() && lead.slaDueAt != null ? calendar.between(now, lead.slaDueAt) : null))
                .toList(), paging, totalItems);
        return new PipelineView(shop.shopId, shop.name, shop.partnerId, stages, ageing, byAge,
                counted.overdueFirstContacts(), leadsPage.page(),
                leadsPage.size(), leadsPage.totalItems(), leadsPage.totalPages(), leadsPage.items());
    }

    /**
     * The shop of a pipeline, if the caller may see it: any shop, or one of its partner's ({@code ofPartner}); a 404
     * otherwise, as for an unknown shop.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RoutingShop requireShop(UUID shopId, Optional<UUID> ofPartner) {
        return shops.findByIdOptional(shopId)
                .filter(found -> ofPartner.map(partner -> partner.equals(found.partnerId)).orElse(true))
                .orElseThrow(() -> new ResourceNotFoundException("Shop", shopId));
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
