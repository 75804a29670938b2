package com.partnernet.leads.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.leads.businesstime.BusinessCalendar;
import com.partnernet.leads.businesstime.BusinessCalendars;
import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.lead.Lead;
import com.partnernet.leads.lead.LeadConfig;
import com.partnernet.leads.lead.LeadService;
import com.partnernet.leads.notification.NotificationCause;
import com.partnernet.leads.notification.Notifications;
import com.partnernet.leads.vocabulary.DeclineReason;

/**
 * Gives leads to shops and field teams: runs {@link Router} for a lead, applies its decision to the lead and keeps
 * the decision (with its trail) and the assignment. Intake routes a new lead; the SLA check routes an overdue one again.
 */
@ApplicationScoped
public class RoutingService {

    private final Router router;
    private final RoutingRepository routing;
    private final LeadService leads;
    private final LeadConfig config;
    private final BusinessCalendars calendars;
    private final Notifications notifications;

    public RoutingService(Router router, RoutingRepository routing, LeadService leads, LeadConfig config,
            BusinessCalendars calendars, Notifications notifications) {
        this.router = router;
        this.routing = routing;
        this.leads = leads;
        this.config = config;
        this.calendars = calendars;
        this.notifications = notifications;
    }

    /**
     * A routing decision applied to its lead, and what is to be stored after the lead: the decision record and, unless
     * the lead went to the ops queue, its assignment (and the assignee's mailbox for the mail about it, if it has one).
     */
    public record Routed(RoutingDecision decision, Optional<LeadAssignment> assignment, String recipient) {
    }

    /** The reads of one transaction's routing: start one per transaction and route all its leads with it. */
    public RoutingSession session() {
        return router.session();
    }

    /**
     * Chooses who works the lead and gives it to them (or to the ops queue); store the result with {@link #record}
     * once the lead itself is stored. A lead routed again never goes back to a shop or team that declined it or let
     * its first-contact SLA lapse.
     */
    public Routed route(RoutingSession session, Lead lead, Campaign campaign, RoutingDecision.Cause cause, Instant now) {
        Map<UUID, String> passedOn = new HashMap<>();
        if (cause != RoutingDecision.Cause.INTAKE) {
            routing.passedOn(lead.id).forEach(ended -> passedOn.put(ended.shopId != null ? ended.shopId : ended.teamId,
                    ended.whyNotAgain()));
        }
        return apply(lead, router.route(session, new Router.Request(campaign, lead.namedShopId, lead.productLine,
                lead.segment, lead.postalCode, lead.latitude, lead.longitude, passedOn, now)), cause, now);
    }

    /** Sends the lead to the ops queue without asking routing, for {@code reason}. */
    public Routed park(Lead lead, String reason, RoutingDecision.Cause cause, Instant now) {
        return apply(lead, new Router.Decision(RoutingDecision.Outcome.UNROUTED, null, null, reason, List.of()), cause, now);
    }

    /** A lead closed by {@code cause} without routing it on (declined as spam), with the reason on the lead. */
    public Routed closed(Lead lead, RoutingDecision.Cause cause, Instant now) {
        return new Routed(record(lead, new Router.Decision(RoutingDecision.Outcome.CLOSED, null, null, lead.routingReason,
                List.of()), cause, now), Optional.empty(), null);
    }

    /**
     * Stores a routing's decision and assignment (once its lead is stored: they refer to it), and the mail that tells
     * the assignee: a new lead, or one from another shop.
     */
    public void record(Routed routed) {
        recordAll(List.of(routed));
    }

    /** {@link #record} for many routings at once (an intake's): each kind of row in one batch. */
    public void recordAll(List<Routed> routings) {
        List<LeadAssignment> assignments = routings.stream().flatMap(routed -> routed.assignment().stream()).toList();
        routing.insertAll(routings.stream().map(Routed::decision).toList(), assignments);
        notifications.assigned(routings.stream().flatMap(routed -> routed.assignment().map(assignment ->
                new Notifications.Assignment(assignment.leadId, routed.decision().cause == RoutingDecision.Cause.INTAKE
                        ? NotificationCause.ASSIGNED : NotificationCause.REASSIGNED, assignment.assignedAt,
                        assignment.shopId, assignment.teamId, routed.recipient())).stream()).toList());
    }

    /** Ends the lead's current assignment, if it has one, for {@code reason} (e.g. {@link LeadAssignment#SLA_BREACH}). */
    public void endAssignment(UUID leadId, String reason, Instant now) {
        routing.currentAssignment(leadId).ifPresent(assignment -> {
            assignment.endedAt = now;
            assignment.endReason = reason;
        });
    }

    /** The assigned shop (or team) declined the lead: its assignment ends and it is not offered the lead again. */
    public void endAssignmentDeclined(UUID leadId, DeclineReason reason, String note, Instant now) {
        routing.currentAssignment(leadId).ifPresent(assignment -> {
            assignment.endedAt = now;
            assignment.endReason = LeadAssignment.DECLINED;
            assignment.declineReason = reason;
            assignment.declineNote = note;
        });
    }

    /** Erases what shops wrote about declining the lead, with the lead's personal data. */
    public void eraseDeclineNotes(UUID leadId) {
        routing.eraseDeclineNotes(leadId);
    }

    /** Why the lead went where it went: every decision, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RoutingTrailView trail(UUID leadId) {
        leads.require(leadId);
        return RoutingTrailView.of(leadId, routing.decisions(leadId));
    }

    private Routed apply(Lead lead, Router.Decision decision, RoutingDecision.Cause cause, Instant now) {
        if (decision.outcome() == RoutingDecision.Outcome.UNROUTED) {
            lead.park(decision.reason(), now);
        } else {
            BusinessCalendar calendar = decision.shop() != null
                    ? calendars.ofShop(decision.shop().openingHours, decision.shop().state)
                    : calendars.ofTeam(decision.team().workingHours);
            // Each assignee gets its own full allowance, counted in its own business hours.
            lead.assign(decision.shop() != null ? decision.shop().shopId : null,
                    decision.team() != null ? decision.team().teamId : null,
                    decision.shop() != null ? decision.shop().partnerId : decision.team().partnerId, decision.reason(), now,
                    calendar.plus(now, config.sla().firstContact()), calendar.plus(now, reminderAfter()));
        }
        RoutingDecision record = record(lead, decision, cause, now);
        if (decision.outcome() == RoutingDecision.Outcome.UNROUTED) {
            return new Routed(record, Optional.empty(), null);
        }
        LeadAssignment assignment = new LeadAssignment();
        assignment.id = UUID.randomUUID();
        assignment.leadId = lead.id;
        assignment.shopId = lead.shopId;
        assignment.teamId = lead.teamId;
        assignment.assignedAt = now;
        return new Routed(record, Optional.of(assignment),
                decision.shop() != null ? decision.shop().email : decision.team().email);
    }

    /** The business time after assignment when the shop is reminded: at once if the reminder spans the allowance. */
    private Duration reminderAfter() {
        Duration after = config.sla().firstContact().minus(config.sla().reminderBefore());
        return after.isNegative() ? Duration.ZERO : after;
    }

    private static RoutingDecision record(Lead lead, Router.Decision decision, RoutingDecision.Cause cause, Instant now) {
        RoutingDecision record = new RoutingDecision();
        record.id = UUID.randomUUID();
        record.leadId = lead.id;
        record.decidedAt = now;
        record.cause = cause;
        record.outcome = decision.outcome();
        record.reason = decision.reason();
        record.trail = decision.trail();
        record.shopId = lead.shopId;
        record.teamId = lead.teamId;
        return record;
    }
}
