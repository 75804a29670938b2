package com.partnernet.leads.pipeline;

import java.time.Instant;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.leads.vocabulary.DeclineReason;
import com.partnernet.leads.vocabulary.LeadStatus;

/**
 * What changed in a pipeline, as the live stream tells a frontend: the lead event's facts without the customer (a
 * frontend reads the lead or the pipeline for more, under its own rights).
 *
 * @param type the lead event's type, e.g. LeadAssigned, LeadDeclined, LeadWon
 * @param previousShopId the shop (or team) the lead left: reassigned after a missed first contact, or declined there
 * @param previousPartnerId that shop's partner
 */
public record PipelineChange(
        UUID eventId,
        String type,
        UUID leadId,
        @Nullable UUID shopId,
        @Nullable UUID teamId,
        @Nullable UUID partnerId,
        @Nullable UUID previousShopId,
        @Nullable UUID previousPartnerId,
        LeadStatus status,
        @Nullable LeadStatus previousStatus,
        @Nullable DeclineReason declineReason,
        @Nullable Instant slaDueAt,
        Instant at) {

    /** Whether the change is news for this shop's (or team's) pipeline: a lead came, moved or left. */
    boolean concernsShop(UUID id) {
        return id.equals(shopId) || id.equals(teamId) || id.equals(previousShopId);
    }

    boolean concernsPartner(UUID id) {
        return id.equals(partnerId) || id.equals(previousPartnerId);
    }
}
