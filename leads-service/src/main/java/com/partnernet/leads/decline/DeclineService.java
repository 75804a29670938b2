package com.partnernet.leads.decline;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.campaign.CampaignRepository;
import com.partnernet.leads.lead.Lead;
import com.partnernet.leads.lead.LeadEvents;
import com.partnernet.leads.lead.LeadMetrics;
import com.partnernet.leads.lead.LeadRepository;
import com.partnernet.leads.routing.RoutingDecision;
import com.partnernet.leads.routing.RoutingService;
import com.partnernet.leads.vocabulary.DeclineReason;
import com.partnernet.leads.vocabulary.LeadStatus;

import io.quarkus.logging.Log;

/**
 * A shop's decline of a lead it was given: the assignment ends with the reason, and the lead goes on at once to the
 * next eligible shop or team (never back to one that passed it on) — or, declined as spam or fake, is closed.
 */
@ApplicationScoped
public class DeclineService {

    private final LeadRepository leads;
    private final CampaignRepository campaigns;
    private final RoutingService routing;
    private final LeadEvents events;
    private final LeadMetrics metrics;
    private final Caller caller;

    public DeclineService(LeadRepository leads, CampaignRepository campaigns, RoutingService routing, LeadEvents events,
            LeadMetrics metrics, Caller caller) {
        this.leads = leads;
        this.campaigns = campaigns;
        this.routing = routing;
        this.events = events;
        this.metrics = metrics;
        this.caller = caller;
    }

    @Transactional
    public void decline(UUID leadId, Decline decline) {
        Lead lead = leads.findForUpdate(leadId).orElseThrow(() -> new ResourceNotFoundException("Lead", leadId));
        caller.requireAccess(lead.partnerId, "Lead", leadId);
        Instant now = Timestamps.now();
        UUID declinedBy = lead.shopId != null ? lead.shopId : lead.teamId;
        lead.decline(decline.reason(), now);
        String note = decline.note() == null || decline.note().isBlank() ? null : decline.note().strip();
        routing.endAssignmentDeclined(lead.id, decline.reason(), note, now);
        LeadMetrics.Tally tally = new LeadMetrics.Tally();
        tally.declined(declinedBy, decline.reason());
        if (decline.reason() == DeclineReason.SPAM_OR_FAKE) {
            routing.record(routing.closed(lead, RoutingDecision.Cause.DECLINE, now));
        } else {
            Campaign campaign = lead.campaignId == null ? null : campaigns.findById(lead.campaignId);
            routing.record(routing.route(routing.session(), lead, campaign, RoutingDecision.Cause.DECLINE, now));
            tally.reassigned(lead.status() == LeadStatus.NEW ? "decline" : "decline_unrouted");
        }
        events.declined(lead, declinedBy, decline.reason());
        metrics.countOnCommit(tally);
        Log.infof("Lead %s declined by %s (%s): now %s", lead.id, declinedBy, decline.reason(), lead.status());
    }
}
