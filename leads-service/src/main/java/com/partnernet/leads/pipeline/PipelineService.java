package com.partnernet.leads.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.leads.directory.RoutingShop;
import com.partnernet.leads.directory.RoutingShopRepository;
import com.partnernet.leads.lead.LeadRepository;
import com.partnernet.leads.lead.LeadStatus;
import com.partnernet.leads.lead.LeadView;

@ApplicationScoped
public class PipelineService {

    private final RoutingShopRepository shops;
    private final LeadRepository leads;

    public PipelineService(RoutingShopRepository shops, LeadRepository leads) {
        this.shops = shops;
        this.leads = leads;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PipelineView pipeline(UUID shopId) {
        RoutingShop shop = shops.findByIdOptional(shopId).orElseThrow(() -> new ResourceNotFoundException("Shop", shopId));
        List<LeadView> shopLeads = leads.listByShop(shopId).stream().map(LeadView::of).toList();
        Map<LeadStatus, Long> stages = new EnumMap<>(LeadStatus.class);
        for (LeadStatus stage : List.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.WON, LeadStatus.LOST)) {
            stages.put(stage, shopLeads.stream().filter(lead -> lead.status() == stage).count());
        }
        return new PipelineView(shop.shopId, shop.name, shop.partnerId, stages, shopLeads);
    }
}
