package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.event.Traces;
import com.partnernet.chassis.outbox.Outbox;
import com.partnernet.leads.vocabulary.DeclineReason;
import com.partnernet.leads.vocabulary.LeadStatus;
import com.partnernet.leads.vocabulary.LostReason;
import com.partnernet.leads.vocabulary.ProductLine;
import com.partnernet.leads.vocabulary.Segment;

/**
 * What the lead domain publishes on {@value #TOPIC}, through the outbox. The aggregate is the pipeline a lead is in:
 * events are keyed by its shop id (team id for field-team leads, the lead's own id while it has neither), so one
 * pipeline's events stay in order. Payloads hold no personal data. Each event continues the lead's own trace
 * ({@link Lead#traceParent}).
 */
@ApplicationScoped
public class LeadEvents {

    public static final String TOPIC = "leads.events";
    public static final String AGGREGATE = "ShopPipeline";

    public enum Type {
        LeadReceived,
        LeadAssigned,
        LeadStatusChanged,
        LeadReassigned,
        LeadAccepted,
        LeadDeclined,
        LeadWon,
        LeadLost,
        LeadErased
    }

    /**
     * The payload of every lead event.
     *
     * @param previousShopId for LeadReassigned: the shop (or team) that let the first-contact SLA lapse; for
     *        LeadDeclined: the one that declined
     * @param slaDueAt when first contact is due, in the assignee's business time (while it is awaited)
     * @param declineReason for LeadDeclined
     * @param at when it happened (for LeadWon: when the lead was won)
     */
    public record LeadEvent(
            UUID leadId,
            UUID shopId,
            UUID teamId,
            UUID partnerId,
            String campaign,
            UUID campaignId,
            ProductLine productLine,
            Segment segment,
            LeadStatus status,
            LeadStatus previousStatus,
            UUID previousShopId,
            String routingReason,
            LostReason lostReason,
            Instant slaDueAt,
            DeclineReason declineReason,
            Instant at) {
    }

    private final Outbox outbox;
    private final Traces traces;

    public LeadEvents(Outbox outbox, Traces traces) {
        this.outbox = outbox;
        this.traces = traces;
    }

    public void received(Lead lead) {
        publish(Type.LeadReceived, lead, null, null, null);
    }

    public void assigned(Lead lead) {
        publish(Type.LeadAssigned, lead, null, null, null);
    }

    /** @param previousShopId the shop (or team) that let the first-contact SLA lapse */
    public void reassigned(Lead lead, UUID previousShopId) {
        publish(Type.LeadReassigned, lead, LeadStatus.NEW, previousShopId, null);
    }

    /** @param declinedBy the shop (or team) that declined it; the lead is where the decline sent it */
    public void declined(Lead lead, UUID declinedBy, DeclineReason reason) {
        publish(Type.LeadDeclined, lead, LeadStatus.NEW, declinedBy, reason);
    }

    /**
     * LeadAccepted when the shop takes it on, LeadWon and LeadLost for the outcomes (targets count wins),
     * LeadStatusChanged for the steps in between.
     */
    public void statusChanged(Lead lead, LeadStatus previous) {
        Type type = switch (lead.status()) {
            case ACCEPTED -> Type.LeadAccepted;
            case WON -> Type.LeadWon;
            case LOST -> Type.LeadLost;
            default -> Type.LeadStatusChanged;
        };
        publish(type, lead, previous, null, null);
    }

    public void erased(Lead lead) {
        publish(Type.LeadErased, lead, null, null, null);
    }

    private void publish(Type type, Lead lead, LeadStatus previousStatus, UUID previousShopId, DeclineReason declineReason) {
        LeadEvent payload = new LeadEvent(lead.id, lead.shopId, lead.teamId, lead.partnerId, lead.campaign, lead.campaignId,
                lead.productLine, lead.segment, lead.status(), previousStatus, previousShopId, lead.routingReason,
                lead.lostReason, lead.slaDueAt, declineReason, lead.updatedAt);
        traces.inTraceOf(lead.traceParent, "lead event " + type.name(),
                () -> outbox.publish(TOPIC, AGGREGATE, lead.eventKey(), type.name(), 1, payload));
    }
}
