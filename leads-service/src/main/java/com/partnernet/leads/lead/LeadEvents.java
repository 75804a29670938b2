package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.outbox.Outbox;
import com.partnernet.leads.vocabulary.LeadStatus;
import com.partnernet.leads.vocabulary.LostReason;
import com.partnernet.leads.vocabulary.ProductLine;
import com.partnernet.leads.vocabulary.Segment;

/**
 * What the lead domain publishes on {@value #TOPIC}, through the outbox. The aggregate is the pipeline a lead is in:
 * events are keyed by its shop id (team id for field-team leads, the lead's own id while it has neither), so one
 * pipeline's events stay in order. Payloads hold no personal data.
 */
@ApplicationScoped
public class LeadEvents {

    public static final String TOPIC = "leads.events";
    static final String AGGREGATE = "ShopPipeline";

    public enum Type {
        LeadReceived,
        LeadAssigned,
        LeadStatusChanged,
        LeadReassigned,
        LeadWon,
        LeadLost,
        LeadErased
    }

    /**
     * The payload of every lead event.
     *
     * @param previousShopId for LeadReassigned: the shop that let the first-contact SLA lapse
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
            Instant at) {
    }

    private final Outbox outbox;

    public LeadEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void received(Lead lead) {
        publish(Type.LeadReceived, lead, null, null);
    }

    public void assigned(Lead lead) {
        publish(Type.LeadAssigned, lead, null, null);
    }

    /** @param previousShopId the shop (or team) that let the first-contact SLA lapse */
    public void reassigned(Lead lead, UUID previousShopId) {
        publish(Type.LeadReassigned, lead, LeadStatus.NEW, previousShopId);
    }

    /** LeadWon and LeadLost for the outcomes (targets count wins), LeadStatusChanged for the steps in between. */
    public void statusChanged(Lead lead, LeadStatus previous) {
        Type type = switch (lead.status()) {
            case WON -> Type.LeadWon;
            case LOST -> Type.LeadLost;
            default -> Type.LeadStatusChanged;
        };
        publish(type, lead, previous, null);
    }

    public void erased(Lead lead) {
        publish(Type.LeadErased, lead, null, null);
    }

    private void publish(Type type, Lead lead, LeadStatus previousStatus, UUID previousShopId) {
        LeadEvent payload = new LeadEvent(lead.id, lead.shopId, lead.teamId, lead.partnerId, lead.campaign, lead.campaignId,
                lead.productLine, lead.segment, lead.status(), previousStatus, previousShopId, lead.routingReason,
                lead.lostReason, lead.updatedAt);
        outbox.publish(TOPIC, AGGREGATE, lead.eventKey(), type.name(), 1, payload);
    }
}
