package com.partnernet.leads.lead;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Problem;
import com.partnernet.chassis.web.Sorting;
import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.campaign.CampaignRepository;
import com.partnernet.leads.consent.LeadConsent;
import com.partnernet.leads.ingestion.InboundLead;
import com.partnernet.leads.ingestion.LeadCheck;
import com.partnernet.leads.routing.LeadAssignment;
import com.partnernet.leads.routing.Router;
import com.partnernet.leads.routing.RoutingDecision;
import com.partnernet.leads.routing.RoutingRepository;
import com.partnernet.leads.routing.RoutingSession;

import io.quarkus.logging.Log;

/**
 * Leads from intake to outcome: idempotent intake, consent, duplicate people, routing, the shop's status moves and
 * reassignment after a missed first contact. Logs name leads by id only: no personal data in logs.
 */
@ApplicationScoped
public class LeadService {

    private static final Map<String, String> SORT_KEYS = Map.of("receivedAt", "receivedAt", "status", "status",
            "slaDueAt", "slaDueAt", "updatedAt", "updatedAt");

    private final LeadRepository leads;
    private final LeadCheck check;
    private final CampaignRepository campaigns;
    private final Router router;
    private final RoutingRepository routing;
    private final LeadEvents events;
    private final LeadConfig config;
    private final LeadMetrics metrics;

    public LeadService(LeadRepository leads, LeadCheck check, CampaignRepository campaigns, Router router,
            RoutingRepository routing, LeadEvents events, LeadConfig config, LeadMetrics metrics) {
        this.leads = leads;
        this.check = check;
        this.campaigns = campaigns;
        this.router = router;
        this.routing = routing;
        this.events = events;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Checks, stores and routes a lead, once: the same source and external id again returns the stored lead and
     * changes nothing (a marketing system's retry, or Kafka's redelivery).
     *
     * @throws InvalidRequestException when {@link LeadCheck} finds the lead invalid
     */
    @Transactional
    public IntakeResult ingest(InboundLead inbound) {
        Outcome outcome = intake(List.of(inbound)).get(0);
        if (!outcome.violations().isEmpty()) {
            throw new InvalidRequestException(outcome.violations());
        }
        return outcome.result();
    }

    /**
     * {@link #ingest} for many leads in one transaction (a poll of leads.inbound): one commit, and what intake reads
     * (known leads, campaigns, the persons' open leads, the directory) read once for all of them. An invalid lead
     * changes nothing and is answered with its violations; the others are stored.
     *
     * @return per lead, in order: its violations (empty when it was stored or known)
     */
    @Transactional
    public List<List<Problem.Violation>> ingestAll(List<InboundLead> inbound) {
        return intake(inbound).stream().map(Outcome::violations).toList();
    }

    /** A lead's outcome in an intake: stored or known already, or invalid. */
    private record Outcome(IntakeResult result, List<Problem.Violation> violations) {
    }

    /** A checked lead that may be contacted, waiting for the duplicate check and routing. */
    private record Contactable(int index, Lead lead, LeadConsent consent, Campaign campaign) {
    }

    private List<Outcome> intake(List<InboundLead> inbound) {
        Instant now = Timestamps.now();
        leads.lockSourceKeys(inbound.stream().map(lead -> Lead.sourceKey(lead.source(), lead.externalId())).toList());
        Map<String, Lead> known = leads.findBySourceKeys(inbound.stream().map(InboundLead::source).toList(),
                inbound.stream().map(InboundLead::externalId).toList());
        Map<String, Campaign> campaignsByCode = campaigns.byCodes(inbound.stream().map(InboundLead::campaign)
                .collect(Collectors.toSet()));
        Outcome[] outcomes = new Outcome[inbound.size()];
        LeadMetrics.Tally tally = new LeadMetrics.Tally();
        Map<Integer, Lead> resent = new HashMap<>();
        List<Contactable> contactable = new ArrayList<>();
        for (int i = 0; i < inbound.size(); i++) {
            InboundLead lead = inbound.get(i);
            String sourceKey = Lead.sourceKey(lead.source(), lead.externalId());
            // A resend is answered with the stored lead even if its campaign has stopped since.
            if (known.containsKey(sourceKey)) {
                resent.put(i, known.get(sourceKey));
                continue;
            }
            LeadCheck.CheckedLead checked;
            try {
                checked = check.check(lead, campaignsByCode);
            } catch (InvalidRequestException invalid) {
                outcomes[i] = new Outcome(null, invalid.violations());
                continue;
            }
            Lead stored = newLead(lead, checked, now);
            known.put(sourceKey, stored);
            LeadConsent consent = consent(stored, lead, now);
            if (!consent.isValidAt(now)) {
                // Without consent nobody may contact the person: keep no contact data and never route it.
                stored.status = LeadStatus.REJECTED_NO_CONSENT;
                stored.routingReason = consent.granted ? "consent expired on " + consent.expiresAt : "no consent to be contacted";
                outcomes[i] = stored(stored, consent, tally, "no_consent");
                continue;
            }
            withContact(stored, lead, checked, consent);
            contactable.add(new Contactable(i, stored, consent, checked.campaign()));
        }

        leads.lockPersons(contactable.stream().flatMap(pending -> personKeys(pending.lead()).stream()).toList());
        List<Lead> open = new ArrayList<>(leads.findOpenOfPersons(
                contactable.stream().map(pending -> pending.lead().emailNormalized).filter(Objects::nonNull).collect(Collectors.toSet()),
                contactable.stream().map(pending -> pending.lead().phoneE164).filter(Objects::nonNull).collect(Collectors.toSet()),
                now.minus(config.duplicateWindow())));
        RoutingSession session = router.session();
        session.lockCatchmentsOf(contactable.stream().map(pending -> pending.lead().postalCode).collect(Collectors.toSet()),
                Router.weekStart(now));
        for (Contactable pending : contactable) {
            Lead lead = pending.lead();
            Optional<Lead> earlier = open.stream().filter(other -> isSamePersonAndLine(other, lead))
                    .min(Comparator.comparing((Lead other) -> other.receivedAt).thenComparing(other -> other.id));
            if (earlier.isPresent()) {
                lead.status = LeadStatus.DUPLICATE;
                lead.duplicateOf = earlier.get().id;
                lead.routingReason = "the same person has an open " + lead.productLine + " lead since "
                        + earlier.get().receivedAt + " (" + earlier.get().id + "): linked to it, not assigned again";
                outcomes[pending.index()] = stored(lead, pending.consent(), tally, "duplicate");
                continue;
            }
            outcomes[pending.index()] = routed(session, lead, pending.consent(), pending.campaign(), tally, now);
            if (lead.status == LeadStatus.NEW) {
                open.add(lead);
            }
        }
        resent.forEach((index, lead) -> {
            Log.debugf("Lead %s is known already", lead.id);
            outcomes[index] = new Outcome(new IntakeResult(LeadView.of(lead), false), List.of());
        });
        metrics.countOnCommit(tally);
        return List.of(outcomes);
    }

    private Lead newLead(InboundLead inbound, LeadCheck.CheckedLead checked, Instant now) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.source = inbound.source();
        lead.externalId = inbound.externalId();
        lead.campaign = inbound.campaign();
        lead.campaignId = checked.campaign().id;
        lead.productLine = inbound.productLine();
        lead.segment = checked.segment();
        lead.postalCode = inbound.postalCode();
        lead.namedShopId = inbound.shopId();
        lead.receivedAt = now;
        lead.updatedAt = now;
        return lead;
    }

    private static void withContact(Lead lead, InboundLead inbound, LeadCheck.CheckedLead checked, LeadConsent consent) {
        lead.consentGranted = true;
        lead.consentAt = consent.grantedAt;
        lead.latitude = inbound.latitude();
        lead.longitude = inbound.longitude();
        lead.contactName = inbound.contact().name().strip();
        lead.contactEmail = checked.emailNormalized();
        lead.contactPhone = inbound.contact().phone();
        lead.emailNormalized = checked.emailNormalized();
        lead.phoneE164 = checked.phoneE164();
        lead.message = inbound.message();
    }

    /** The keys a person's intake is serialised on (see {@link LeadRepository#lockPersons}). */
    private static List<String> personKeys(Lead lead) {
        List<String> keys = new ArrayList<>(2);
        if (lead.emailNormalized != null) {
            keys.add("email:" + lead.emailNormalized);
        }
        if (lead.phoneE164 != null) {
            keys.add("phone:" + lead.phoneE164);
        }
        return keys;
    }

    /** An open lead about the same product line by the same person (same e-mail or phone): {@code lead} duplicates it. */
    private static boolean isSamePersonAndLine(Lead open, Lead lead) {
        return open.productLine == lead.productLine
                && ((lead.emailNormalized != null && lead.emailNormalized.equals(open.emailNormalized))
                        || (lead.phoneE164 != null && lead.phoneE164.equals(open.phoneE164)));
    }

    private Outcome routed(RoutingSession session, Lead lead, LeadConsent consent, Campaign campaign,
            LeadMetrics.Tally tally, Instant now) {
        Router.Decision decision = router.route(session, new Router.Request(campaign, lead.namedShopId, lead.productLine,
                lead.segment, lead.postalCode, lead.latitude, lead.longitude, Set.of(), now));
        List<Object> records = apply(lead, decision, RoutingDecision.Cause.INTAKE, now);
        leads.persist(lead);
        routing.persist(consent);
        records.forEach(routing::persist);
        events.publish(LeadEvents.Type.LeadReceived, lead, null, null);
        if (lead.status == LeadStatus.NEW) {
            events.publish(LeadEvents.Type.LeadAssigned, lead, null, null);
        }
        tally.received(lead.campaign);
        if (lead.status == LeadStatus.NEW) {
            tally.assigned(lead.campaign, lead.shopId != null ? "shop" : "field_team");
        } else {
            tally.unrouted(lead.campaign);
        }
        // Per lead only at DEBUG: campaign bursts bring thousands a second; the intake counters and events tell the rest.
        Log.debugf("Lead %s: %s (%s)", lead.id, lead.status, lead.routingReason);
        return new Outcome(new IntakeResult(LeadView.of(lead), true), List.of());
    }

    /** A shop's move of its lead; only the moves in {@link LeadStatus#next()} are allowed. */
    @Transactional
    public LeadView changeStatus(UUID leadId, StatusChange change) {
        Lead lead = require(leadId);
        LeadStatus target = change.status();
        if (!lead.status.next().contains(target)) {
            throw new ConflictException("Lead " + leadId + " is " + lead.status + " and cannot become " + target
                    + (lead.status.next().isEmpty() ? "" : "; allowed: " + lead.status.next()));
        }
        Instant now = Timestamps.now();
        LeadStatus previous = lead.status;
        if (previous == LeadStatus.NEW) {
            lead.firstContactAt = now;
            lead.slaDueAt = null;
        }
        lead.status = target;
        lead.lostReason = change.lostReason();
        if (target == LeadStatus.WON || target == LeadStatus.LOST) {
            lead.closedAt = now;
        }
        lead.updatedAt = now;
        events.statusChanged(lead, previous);
        Log.infof("Lead %s of shop %s: %s -> %s", lead.id, lead.shopId, previous, target);
        return LeadView.of(lead);
    }

    /**
     * A NEW lead whose first contact is overdue: the shop (or team) that let it lapse loses it, and routing runs
     * again without it; after {@link LeadConfig.Sla#maxReassignments()} such moves the lead goes to the ops queue.
     *
     * @return whether the lead was moved (false if it was contacted or moved meanwhile)
     */
    @Transactional
    public boolean reassignOverdue(UUID leadId, Instant now) {
        Lead lead = leads.findForUpdate(leadId).orElse(null);
        if (lead == null || lead.status != LeadStatus.NEW || lead.slaDueAt == null || lead.slaDueAt.isAfter(now)) {
            return false;
        }
        UUID previousShop = lead.shopId != null ? lead.shopId : lead.teamId;
        routing.currentAssignment(lead.id).ifPresent(assignment -> {
            assignment.endedAt = now;
            assignment.endReason = LeadAssignment.SLA_BREACH;
        });
        Router.Decision decision;
        if (lead.reassignments >= config.sla().maxReassignments()) {
            decision = new Router.Decision(RoutingDecision.Outcome.UNROUTED, null, null, "first contact missed "
                    + (lead.reassignments + 1) + " times; waits in the ops queue", List.of());
        } else {
            Set<UUID> excluded = routing.breachedBy(lead.id);
            Campaign campaign = lead.campaignId == null ? null : campaigns.findById(lead.campaignId);
            decision = router.route(router.session(), new Router.Request(campaign, lead.namedShopId, lead.productLine, lead.segment,
                    lead.postalCode, lead.latitude, lead.longitude, excluded, now));
        }
        lead.reassignments++;
        apply(lead, decision, RoutingDecision.Cause.SLA_REASSIGNMENT, now).forEach(routing::persist);
        events.publish(LeadEvents.Type.LeadReassigned, lead, LeadStatus.NEW, previousShop);
        LeadMetrics.Tally tally = new LeadMetrics.Tally();
        tally.slaBreached(lead.status == LeadStatus.NEW ? "reassigned" : "unrouted");
        if (lead.status == LeadStatus.NEW) {
            tally.reassigned("sla_breach");
        }
        metrics.countOnCommit(tally);
        Log.infof("Lead %s: first contact overdue at %s, now %s (%s)", lead.id, previousShop, lead.status,
                lead.routingReason);
        return true;
    }

    /**
     * A lead whose personal data was just erased: if a shop was still to work it (or ops to route it), it is closed as
     * LOST ({@link LostReason#PERSONAL_DATA_ERASED}), so its first-contact clock stops and it leaves the pipeline and
     * the queue; then downstream copies learn that the personal data is gone (the lead's figures stay).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(Lead lead, Instant now) {
        if (lead.status.isOpen() || lead.status == LeadStatus.UNROUTED) {
            LeadStatus previous = lead.status;
            lead.status = LeadStatus.LOST;
            lead.lostReason = LostReason.PERSONAL_DATA_ERASED;
            lead.closedAt = now;
            lead.slaDueAt = null;
            lead.updatedAt = now;
            events.statusChanged(lead, previous);
            Log.infof("Lead %s: %s -> LOST, its personal data erased", lead.id, previous);
        }
        events.publish(LeadEvents.Type.LeadErased, lead, null, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LeadView get(UUID leadId) {
        return LeadView.of(require(leadId));
    }

    /** Leads by status (the ops queue is status UNROUTED), campaign, shop or team; newest first by default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<LeadView> search(LeadStatus status, String campaign, UUID shopId, UUID teamId, UUID partnerId,
            PageParams paging) {
        var query = leads.search(status, campaign, shopId, teamId, partnerId,
                Sorting.parse(paging.sort, SORT_KEYS, "-receivedAt", "id")).page(paging.page, paging.size);
        return Page.of(query.list(), paging, query.count()).map(LeadView::of);
    }

    /** Leads per minute over the last {@code minutes} (the current minute included) and the unrouted queue. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LeadFlow flow(int minutes, String campaign) {
        Instant to = Timestamps.now().truncatedTo(ChronoUnit.MINUTES);
        Instant from = to.minus(minutes - 1L, ChronoUnit.MINUTES);
        Map<Long, Map<LeadStatus, Long>> counted = new HashMap<>();
        for (Object[] row : leads.countPerMinuteAndStatus(from, campaign)) {
            counted.computeIfAbsent(((Number) row[0]).longValue(), minute -> new EnumMap<>(LeadStatus.class))
                    .put(LeadStatus.valueOf((String) row[1]), ((Number) row[2]).longValue());
        }
        List<LeadFlow.Minute> perMinute = new ArrayList<>(minutes);
        for (Instant minute = from; !minute.isAfter(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            Map<LeadStatus, Long> statuses = counted.getOrDefault(minute.getEpochSecond(), Map.of());
            long routed = LeadStatus.PIPELINE.stream().mapToLong(status -> statuses.getOrDefault(status, 0L)).sum();
            long unrouted = statuses.getOrDefault(LeadStatus.UNROUTED, 0L);
            long rejected = statuses.getOrDefault(LeadStatus.REJECTED_NO_CONSENT, 0L)
                    + statuses.getOrDefault(LeadStatus.DUPLICATE, 0L);
            perMinute.add(new LeadFlow.Minute(minute, routed + unrouted + rejected, routed, unrouted, rejected));
        }
        long queue = campaign == null ? leads.count("status", LeadStatus.UNROUTED)
                : leads.count("status = ?1 and campaign = ?2", LeadStatus.UNROUTED, campaign);
        return new LeadFlow(from, to.plus(1, ChronoUnit.MINUTES), campaign, perMinute, queue);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Lead require(UUID leadId) {
        return leads.findByIdOptional(leadId).orElseThrow(() -> new ResourceNotFoundException("Lead", leadId));
    }

    /** A lead stored without routing (no consent, or a duplicate). */
    private Outcome stored(Lead lead, LeadConsent consent, LeadMetrics.Tally tally, String rejection) {
        leads.persist(lead);
        routing.persist(consent);
        events.publish(LeadEvents.Type.LeadReceived, lead, null, null);
        tally.received(lead.campaign);
        tally.rejected(lead.campaign, rejection);
        Log.debugf("Lead %s: %s", lead.id, lead.status);
        return new Outcome(new IntakeResult(LeadView.of(lead), true), List.of());
    }

    private LeadConsent consent(Lead lead, InboundLead inbound, Instant now) {
        LeadConsent consent = new LeadConsent();
        consent.id = UUID.randomUUID();
        consent.leadId = lead.id;
        consent.purpose = LeadConsent.CONTACT_ABOUT_PRODUCT_LINE;
        consent.recipient = LeadConsent.ASSIGNED_PARTNER;
        consent.productLine = lead.productLine;
        consent.granted = inbound.consent().granted();
        consent.grantedAt = consent.granted ? (inbound.consent().grantedAt() != null ? inbound.consent().grantedAt() : now) : null;
        consent.expiresAt = !consent.granted ? null : inbound.consent().expiresAt() != null ? inbound.consent().expiresAt()
                : consent.grantedAt.plus(config.consentValidity());
        consent.source = inbound.source();
        consent.recordedAt = now;
        return consent;
    }

    /**
     * Gives the lead to its new shop or team, or to the ops queue.
     *
     * @return the decision record and the assignment, to be stored after the lead they refer to
     */
    private List<Object> apply(Lead lead, Router.Decision decision, RoutingDecision.Cause cause, Instant now) {
        lead.routingReason = decision.reason();
        lead.updatedAt = now;
        lead.shopId = decision.shop() != null ? decision.shop().shopId : null;
        lead.teamId = decision.team() != null ? decision.team().teamId : null;
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
        if (decision.outcome() == RoutingDecision.Outcome.UNROUTED) {
            lead.status = LeadStatus.UNROUTED;
            lead.partnerId = null;
            lead.assignedAt = null;
            lead.slaDueAt = null;
            return List.of(record);
        }
        lead.partnerId = decision.shop() != null ? decision.shop().partnerId : decision.team().partnerId;
        lead.status = LeadStatus.NEW;
        lead.assignedAt = now;
        lead.slaDueAt = now.plus(config.sla().firstContact());
        LeadAssignment assignment = new LeadAssignment();
        assignment.id = UUID.randomUUID();
        assignment.leadId = lead.id;
        assignment.shopId = lead.shopId;
        assignment.teamId = lead.teamId;
        assignment.assignedAt = now;
        return List.of(record, assignment);
    }
}
