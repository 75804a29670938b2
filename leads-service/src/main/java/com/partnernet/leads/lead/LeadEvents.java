package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.outbox.Outbox;

/**
 * What the lead domain publishes on {@value #TOPIC}, through the outbox. The aggregate is the shop's pipeline:
 * events are keyed by shop id so one shop's events stay in order; the lead is named in the payload.
 */
@ApplicationScoped
public class LeadEvents {

    public static final String TOPIC = "leads.events";
    static final String AGGREGATE = "ShopPipeline";

    /** The payload of every lead event. */
    public record LeadEvent(
            UUID leadId,
            UUID shopId,
            UUID partnerId,
            String campaign,
            ProductLine productLine,
            LeadStatus status,
            LeadStatus previousStatus,
            String routingReason,
            Instant at) {
    }

    private final Outbox outbox;

    public LeadEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void assigned(Lead lead) {
        publish("LeadAssigned", lead, null);
    }

    /** LeadWon and LeadLost for the outcomes (targets count wins), LeadStatusChanged for steps in between. */
    void statusChanged(Lead lead, LeadStatus previous) {
        String type = switch (lead.status) {
            case WON -> "LeadWon";
            case LOST -> "LeadLost";
            default -> "LeadStatusChanged";
        };
        publish(type, lead, previous);
    }

    private void publish(String type, Lead lead, LeadStatus previous) {
        LeadEvent payload = new LeadEvent(lead.id, lead.shopId, lead.partnerId, lead.campaign, lead.productLine,
                lead.status, previous, lead.routingReason, lead.updatedAt);
        outbox.publish(TOPIC, AGGREGATE, lead.shopId.toString(), type, 1, payload);
    }
}
