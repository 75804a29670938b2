package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.leads.ingestion.InboundLead;
import com.partnernet.leads.routing.Router;

import io.quarkus.logging.Log;

/** Leads from ingestion to outcome: idempotent intake, consent, routing, and the shop's status moves. */
@ApplicationScoped
public class LeadService {

    private final LeadRepository leads;
    private final Router router;
    private final LeadEvents events;

    public LeadService(LeadRepository leads, Router router, LeadEvents events) {
        this.leads = leads;
        this.router = router;
        this.events = events;
    }

    /**
     * Stores and routes a lead, once: the same source and external id again returns the stored lead and changes
     * nothing (a marketing system's retry, or Kafka's redelivery).
     */
    @Transactional
    public LeadView ingest(InboundLead inbound) {
        Optional<Lead> known = leads.findBySource(inbound.source(), inbound.externalId());
        if (known.isPresent()) {
            Log.debugf("Lead %s:%s is known already as %s", inbound.source(), inbound.externalId(), known.get().id);
            return LeadView.of(known.get());
        }
        Instant now = Timestamps.now();
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.source = inbound.source();
        lead.externalId = inbound.externalId();
        lead.campaign = inbound.campaign();
        lead.productLine = inbound.productLine();
        lead.postalCode = inbound.postalCode();
        lead.receivedAt = now;
        lead.updatedAt = now;
        lead.consentGranted = inbound.consent().granted();
        if (!lead.consentGranted) {
            // Without consent nobody may contact the person: keep no contact data and never route it.
            lead.status = LeadStatus.REJECTED_NO_CONSENT;
            lead.routingReason = "no consent to be contacted";
            leads.persist(lead);
            Log.infof("Lead %s rejected: no consent", lead.id);
            return LeadView.of(lead);
        }
        lead.consentAt = inbound.consent().grantedAt() != null ? inbound.consent().grantedAt() : now;
        lead.latitude = inbound.latitude();
        lead.longitude = inbound.longitude();
        lead.contactName = inbound.contact().name();
        lead.contactEmail = inbound.contact().email();
        lead.contactPhone = inbound.contact().phone();
        Optional<Router.Route> route = router.route(lead.postalCode, lead.latitude, lead.longitude);
        if (route.isEmpty()) {
            lead.status = LeadStatus.UNROUTED;
            lead.routingReason = "no open shop in the directory";
            leads.persist(lead);
            Log.warnf("Lead %s unrouted: no open shop", lead.id);
            return LeadView.of(lead);
        }
        lead.status = LeadStatus.NEW;
        lead.shopId = route.get().shop().shopId;
        lead.partnerId = route.get().shop().partnerId;
        lead.routingReason = route.get().reason();
        leads.persist(lead);
        events.assigned(lead);
        Log.infof("Lead %s assigned to shop %s: %s", lead.id, lead.shopId, lead.routingReason);
        return LeadView.of(lead);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LeadView get(UUID leadId) {
        return LeadView.of(require(leadId));
    }

    /** A shop's move of its lead; only the transitions in {@link LeadStatus#next()} are allowed. */
    @Transactional
    public LeadView changeStatus(UUID leadId, LeadStatus target) {
        Lead lead = require(leadId);
        if (!lead.status.next().contains(target)) {
            throw new ConflictException("Lead " + leadId + " is " + lead.status + " and cannot become " + target
                    + (lead.status.next().isEmpty() ? "" : "; allowed: " + lead.status.next()));
        }
        LeadStatus previous = lead.status;
        lead.status = target;
        lead.updatedAt = Timestamps.now();
        events.statusChanged(lead, previous);
        Log.infof("Lead %s of shop %s: %s -> %s", lead.id, lead.shopId, previous, target);
        return LeadView.of(lead);
    }

    private Lead require(UUID leadId) {
        return leads.findByIdOptional(leadId).orElseThrow(() -> new ResourceNotFoundException("Lead", leadId));
    }
}
