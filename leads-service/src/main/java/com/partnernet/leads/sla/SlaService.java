package com.partnernet.leads.sla;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.campaign.CampaignRepository;
import com.partnernet.leads.lead.Lead;
import com.partnernet.leads.lead.LeadConfig;
import com.partnernet.leads.lead.LeadEvents;
import com.partnernet.leads.lead.LeadMetrics;
import com.partnernet.leads.lead.LeadRepository;
import com.partnernet.leads.notification.Notifications;
import com.partnernet.leads.routing.LeadAssignment;
import com.partnernet.leads.routing.RoutingDecision;
import com.partnernet.leads.routing.RoutingService;
import com.partnernet.leads.vocabulary.LeadStatus;

import io.quarkus.logging.Log;

/**
 * The first-contact SLA's consequence: a NEW lead whose first contact is overdue is taken from the shop (or team) that
 * let it lapse and routed again without it; after {@link LeadConfig.Sla#maxReassignments()} such moves it goes to the
 * ops queue.
 */
@ApplicationScoped
public class SlaService {

    private final LeadRepository leads;
    private final CampaignRepository campaigns;
    private final RoutingService routing;
    private final LeadEvents events;
    private final LeadConfig config;
    private final LeadMetrics metrics;
    private final Notifications notifications;

    public SlaService(LeadRepository leads, CampaignRepository campaigns, RoutingService routing, LeadEvents events,
            LeadConfig config, LeadMetrics metrics, Notifications notifications) {
        this.leads = leads;
        this.campaigns = campaigns;
        this.routing = routing;
        this.events = events;
        this.config = config;
        this.metrics = metrics;
        this.notifications = notifications;
    }

    /** @return whether the lead was moved (false if it was contacted or moved meanwhile) */
    @Transactional
    public boolean reassignOverdue(UUID leadId, Instant now) {
        Lead lead = leads.findForUpdate(leadId).orElse(null);
        if (lead == null || !lead.isFirstContactOverdueAt(now)) {
            return false;
        }
        UUID previousShop = lead.shopId != null ? lead.shopId : lead.teamId;
        notifications.breached(lead.id, lead.assignedAt, lead.shopId, lead.teamId, now);
        routing.endAssignment(lead.id, LeadAssignment.SLA_BREACH, now);
        RoutingService.Routed routed;
        if (lead.reassignments >= config.sla().maxReassignments()) {
            routed = routing.park(lead, "first contact missed " + (lead.reassignments + 1) + " times; waits in the ops queue",
                    RoutingDecision.Cause.SLA_REASSIGNMENT, now);
        } else {
            Campaign campaign = lead.campaignId == null ? null : campaigns.findById(lead.campaignId);
            routed = routing.route(routing.session(), lead, campaign, RoutingDecision.Cause.SLA_REASSIGNMENT, now);
        }
        lead.firstContactMissed();
        routing.record(routed);
        events.reassigned(lead, previousShop);
        LeadMetrics.Tally tally = new LeadMetrics.Tally();
        boolean reassigned = lead.status() == LeadStatus.NEW;
        tally.slaBreached(reassigned ? "reassigned" : "unrouted");
        if (reassigned) {
            tally.reassigned("sla_breach");
        }
        metrics.countOnCommit(tally);
        Log.infof("Lead %s: first contact overdue at %s, now %s (%s)", lead.id, previousShop, lead.status(),
                lead.routingReason);
        return true;
    }
}
