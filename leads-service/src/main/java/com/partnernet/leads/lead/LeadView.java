package com.partnernet.leads.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.event.Traces;
import com.partnernet.chassis.security.PersonalData;
import com.partnernet.leads.vocabulary.LeadStatus;
import com.partnernet.leads.vocabulary.LostReason;
import com.partnernet.leads.vocabulary.ProductLine;
import com.partnernet.leads.vocabulary.Segment;

/**
 * A lead as the shop's frontend sees it; contact fields are null once the personal data is erased.
 *
 * @param slaBusinessMinutesLeft in a shop's pipeline, for a lead awaiting its first contact: the shop's business
 *        minutes until {@code slaDueAt} (negative once overdue); null elsewhere
 * @param traceId the trace the lead arrived in, which all its events continue across the services (W3C trace id, for
 *        the trace viewer); null for a lead taken in without one
 */
public record LeadView(
        UUID id,
        String source,
        String externalId,
        String campaign,
        @Nullable UUID campaignId,
        ProductLine productLine,
        Segment segment,
        String postalCode,
        @PersonalData @Nullable String contactName,
        @PersonalData @Nullable String contactEmail,
        @PersonalData @Nullable String contactPhone,
        @PersonalData @Nullable String message,
        LeadStatus status,
        @Nullable UUID duplicateOf,
        @Nullable UUID shopId,
        @Nullable UUID teamId,
        @Nullable UUID partnerId,
        String routingReason,
        int reassignments,
        @Nullable LostReason lostReason,
        Instant receivedAt,
        @Nullable Instant assignedAt,
        @Nullable Instant slaDueAt,
        @Nullable Long slaBusinessMinutesLeft,
        @Nullable Instant acceptedAt,
        @Nullable Instant firstContactAt,
        @Nullable Instant closedAt,
        @Nullable Instant erasedAt,
        Instant updatedAt,
        @Nullable String traceId) {

    public static LeadView of(Lead lead) {
        return of(lead, null);
    }

    /** @param businessTimeLeft until the first contact is due, in the assignee's business hours */
    public static LeadView of(Lead lead, Duration businessTimeLeft) {
        return new LeadView(lead.id, lead.source, lead.externalId, lead.campaign, lead.campaignId, lead.productLine,
                lead.segment, lead.postalCode, lead.contactName, lead.contactEmail, lead.phoneE164 != null ? lead.phoneE164
                        : lead.contactPhone, lead.message, lead.status(), lead.duplicateOf, lead.shopId, lead.teamId,
                lead.partnerId, lead.routingReason, lead.reassignments, lead.lostReason, lead.receivedAt, lead.assignedAt,
                lead.slaDueAt, businessTimeLeft == null ? null : businessTimeLeft.toMinutes(), lead.acceptedAt,
                lead.firstContactAt, lead.closedAt, lead.erasedAt, lead.updatedAt, Traces.traceId(lead.traceParent));
    }
}
