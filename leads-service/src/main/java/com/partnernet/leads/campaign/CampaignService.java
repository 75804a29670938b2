package com.partnernet.leads.campaign;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;

import io.quarkus.logging.Log;

/** Campaigns, their pilot and control shops. */
@ApplicationScoped
public class CampaignService {

    private static final Map<String, String> SORT_KEYS = Map.of("code", "code", "name", "name", "startsOn", "startsOn",
            "status", "status", "channel", "channel");

    private final CampaignRepository campaigns;

    public CampaignService(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Transactional
    public CampaignView create(CampaignRequest request) {
        campaigns.findByCode(request.code()).ifPresent(existing -> {
            throw new ConflictException("Campaign code " + request.code() + " is taken by campaign " + existing.id);
        });
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.createdAt = Timestamps.now();
        apply(request, campaign);
        campaigns.persist(campaign);
        Log.infof("Campaign %s (%s) created: %s", campaign.code, campaign.id, campaign.status);
        return CampaignView.of(campaign);
    }

    @Transactional
    public CampaignView update(UUID id, String ifMatch, CampaignRequest request) {
        Campaign campaign = require(id);
        ETags.requireMatch(ifMatch, campaign.version, "campaign");
        if (!campaign.code.equals(request.code())) {
            throw new ConflictException("A campaign keeps its code (" + campaign.code
                    + "): marketing systems send leads with it");
        }
        apply(request, campaign);
        campaigns.flush();
        return CampaignView.of(campaign);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignView get(UUID id) {
        return CampaignView.of(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CampaignView> search(CampaignStatus status, Channel channel, PageParams paging) {
        var query = campaigns.search(status, channel, Sorting.parse(paging.sort, SORT_KEYS, "code", "id"))
                .page(paging.page, paging.size);
        return Page.of(query.list(), paging, query.count()).map(CampaignView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Campaign require(UUID id) {
        return campaigns.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Campaign", id));
    }

    private static void apply(CampaignRequest request, Campaign campaign) {
        campaign.code = request.code();
        campaign.name = request.name().strip();
        campaign.channel = request.channel();
        campaign.targetingModel = blankToNull(request.targetingModel());
        campaign.targetingVersion = blankToNull(request.targetingVersion());
        campaign.productFocus.clear();
        request.productFocus().forEach(line -> campaign.productFocus.add(line.name()));
        campaign.segment = request.segment();
        campaign.startsOn = request.startsOn();
        campaign.endsOn = request.endsOn();
        campaign.status = request.status() != null ? request.status() : CampaignStatus.PILOT;
        campaign.namedShopId = request.namedShopId();
        campaign.shops.clear();
        orEmpty(request.pilotShops()).forEach(shop -> campaign.shops.put(shop, ShopGroup.PILOT));
        orEmpty(request.controlShops()).forEach(shop -> campaign.shops.put(shop, ShopGroup.CONTROL));
        campaign.updatedAt = Timestamps.now();
    }

    private static Set<UUID> orEmpty(Set<UUID> shops) {
        return shops == null ? Set.of() : shops;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
