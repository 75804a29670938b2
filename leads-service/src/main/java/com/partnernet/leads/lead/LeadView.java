package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.UUID;

/** A lead as the shop's frontend sees it. */
public record LeadView(
        UUID id,
        String source,
        String externalId,
        String campaign,
        ProductLine productLine,
        String postalCode,
        String contactName,
        String contactEmail,
        String contactPhone,
        LeadStatus status,
        UUID shopId,
        UUID partnerId,
        String routingReason,
        Instant receivedAt,
        Instant updatedAt) {

    public static LeadView of(Lead lead) {
        return new LeadView(lead.id, lead.source, lead.externalId, lead.campaign, lead.productLine, lead.postalCode,
                lead.contactName, lead.contactEmail, lead.contactPhone, lead.status, lead.shopId, lead.partnerId,
                lead.routingReason, lead.receivedAt, lead.updatedAt);
    }
}
