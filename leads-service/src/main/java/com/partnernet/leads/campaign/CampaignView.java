package com.partnernet.leads.campaign;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.leads.vocabulary.Segment;

public record CampaignView(
        UUID id,
        String code,
        String name,
        Channel channel,
        @Nullable String targetingModel,
        @Nullable String targetingVersion,
        Set<String> productFocus,
        Segment segment,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        CampaignStatus status,
        @Nullable UUID namedShopId,
        Set<UUID> pilotShops,
        Set<UUID> controlShops,
        long version) {

    static CampaignView of(Campaign campaign) {
        return new CampaignView(campaign.id, campaign.code, campaign.name, campaign.channel, campaign.targetingModel,
                campaign.targetingVersion, new TreeSet<>(campaign.productFocus), campaign.segment, campaign.startsOn,
                campaign.endsOn, campaign.status, campaign.namedShopId, campaign.shopsIn(ShopGroup.PILOT),
                campaign.shopsIn(ShopGroup.CONTROL), campaign.version);
    }
}
