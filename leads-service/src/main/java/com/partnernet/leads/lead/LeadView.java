package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.UUID;

import com.partnernet.chassis.security.PersonalData;
import com.partnernet.leads.vocabulary.LeadStatus;
import com.partnernet.leads.vocabulary.LostReason;
import com.partnernet.leads.vocabulary.ProductLine;
import com.partnernet.leads.vocabulary.Segment;

/** A lead as the shop's frontend sees it; contact fields are null once the personal data is erased. */
public record LeadView(
        UUID id,
        String source,
        String externalId,
        String campaign,
        UUID campaignId,
        ProductLine productLine,
        Segment segment,
        String postalCode,
        @PersonalData String contactName,
        @PersonalData String contactEmail,
        @PersonalData String contactPhone,
        @PersonalData String message,
        LeadStatus status,
        UUID duplicateOf,
        UUID shopId,
        UUID teamId,
        UUID partnerId,
        String routingReason,
        int reassignments,
        LostReason lostReason,
        Instant receivedAt,
        Instant assignedAt,
        Instant slaDueAt,
        Instant firstContactAt,
        Instant closedAt,
        Instant erasedAt,
        Instant updatedAt) {

    public static LeadView of(Lead lead) {
        return new LeadView(lead.id, lead.source, lead.externalId, lead.campaign, lead.campaignId, lead.productLine,
                lead.segment, lead.postalCode, lead.contactName, lead.contactEmail, lead.phoneE164 != null ? lead.phoneE164
                        : lead.contactPhone, lead.message, lead.status(), lead.duplicateOf, lead.shopId, lead.teamId,
                lead.partnerId, lead.routingReason, lead.reassignments, lead.lostReason, lead.receivedAt, lead.assignedAt,
                lead.slaDueAt, lead.firstContactAt, lead.closedAt, lead.erasedAt, lead.updatedAt);
    }
}
