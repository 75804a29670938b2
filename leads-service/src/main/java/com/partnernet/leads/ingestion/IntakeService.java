package com.partnernet.leads.ingestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.event.Traces;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.InputReader;
import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.campaign.CampaignRepository;
import com.partnernet.leads.consent.ConsentRepository;
import com.partnernet.leads.consent.LeadConsent;
import com.partnernet.leads.lead.Lead;
import com.partnernet.leads.lead.LeadConfig;
import com.partnernet.leads.lead.LeadEvents;
import com.partnernet.leads.lead.LeadMetrics;
import com.partnernet.leads.lead.LeadRepository;
import com.partnernet.leads.lead.LeadView;
import com.partnernet.leads.routing.RoutingDecision;
import com.partnernet.leads.routing.RoutingService;
import com.partnernet.leads.routing.RoutingSession;
import com.partnernet.leads.vocabulary.LeadStatus;

import io.quarkus.logging.Log;

/**
 * Intake: a lead checked, stored with its consent, linked to the same person's open lead or routed, once — the same
 * source and external id again returns the stored lead and changes nothing (a marketing system's retry, Kafka's
 * redelivery). Logs name leads by id only: no personal data in logs.
 */
@ApplicationScoped
public class IntakeService {

    private final LeadRepository leads;
    private final LeadCheck check;
    private final CampaignRepository campaigns;
    private final ConsentRepository consents;
    private final RoutingService routing;
    private final LeadEvents events;
    private final LeadConfig config;
    private final LeadMetrics metrics;

    public IntakeService(LeadRepository leads, LeadCheck check, CampaignRepository campaigns, ConsentRepository consents,
            RoutingService routing, LeadEvents events, LeadConfig config, LeadMetrics metrics) {
        this.leads = leads;
        this.check = check;
        this.campaigns = campaigns;
        this.consents = consents;
        this.routing = routing;
        this.events = events;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Takes in one lead (a REST submission).
     *
     * @return CREATED or EXISTING with the lead
     * @throws InvalidRequestException when {@link LeadCheck} finds the lead invalid
     */
    @Transactional
    public IntakeResult ingest(InputReader.Reading<InboundLead> inbound) {
        IntakeResult result = intake(List.of(inbound), inCurrentTrace(1)).get(0);
        if (result.outcome() == IntakeOutcome.REJECTED) {
            throw new InvalidRequestException(result.violations());
        }
        return result;
    }

    /**
     * {@link #ingest} for many leads in one transaction (a poll of leads.inbound): one commit, and what intake reads
     * (known leads, campaigns, the persons' open leads, the directory) read once for all of them. An invalid lead
     * changes nothing and is answered REJECTED with its violations; the others are stored.
     *
     * @param traceParents per lead, in order, the trace it arrived in (its record's), which its events continue
     * @return per lead, in order, what became of it
     */
    @Transactional
    public List<IntakeResult> ingestAll(List<InputReader.Reading<InboundLead>> inbound, List<String> traceParents) {
        return intake(inbound, traceParents);
    }

    /** {@link #ingestAll(List, List)} for leads that arrived in the current trace (a REST request). */
    @Transactional
    public List<IntakeResult> ingestAll(List<InputReader.Reading<InboundLead>> inbound) {
        return intake(inbound, inCurrentTrace(inbound.size()));
    }

    private static List<String> inCurrentTrace(int leads) {
        return Collections.nCopies(leads, Traces.currentTraceParent());
    }

    /** A checked lead that may be contacted, waiting for the duplicate check and routing. */
    private record Contactable(int index, Lead lead, LeadConsent consent, Campaign campaign) {
    }

    /** What is stored already of an intake's leads: each one known by its source key, and their campaigns. */
    private record Stored(Map<String, Lead> known, Map<String, Campaign> campaigns) {
    }

    /**
     * One intake's answers, per lead in order, and what it creates: the rows stored together at its end (each kind in
     * one batch, leads first) and the counts for the metrics once it committed.
     */
    private static final class Intake {

        final IntakeResult[] results;
        final List<Lead> leads = new ArrayList<>();
        final List<LeadConsent> consents = new ArrayList<>();
        final List<RoutingService.Routed> routings = new ArrayList<>();
        final LeadMetrics.Tally tally = new LeadMetrics.Tally();
        /** Leads sent again, by position: answered once the intake decided, as a lead sent twice in it may be routed. */
        final Map<Integer, Lead> resent = new HashMap<>();

        Intake(int size) {
            results = new IntakeResult[size];
        }

        void created(Lead lead, LeadConsent consent) {
            leads.add(lead);
            consents.add(consent);
        }
    }

    /**
     * The phases of an intake, each for all its leads at once: what is stored already, each lead checked and its
     * consent recorded, each contactable lead linked to the same person's open lead or routed, the new rows stored,
     * the resends answered with what is stored.
     */
    private List<IntakeResult> intake(List<InputReader.Reading<InboundLead>> inbound, List<String> traceParents) {
        Instant now = Timestamps.now();
        Intake intake = new Intake(inbound.size());
        Stored stored = lookUp(inbound);
        List<Contactable> contactable = admit(inbound, traceParents, stored, intake, now);
        linkOrRoute(contactable, intake, now);
        leads.insertAll(intake.leads);
        consents.insertAll(intake.consents);
        routing.recordAll(intake.routings);
        intake.resent.forEach((index, lead) -> {
            Log.debugf("Lead %s is known already", lead.id);
            intake.results[index] = IntakeResult.existing(LeadView.of(lead));
        });
        metrics.countOnCommit(intake.tally);
        return List.of(intake.results);
    }

    /** The leads stored already under the intake's source keys (locked until it commits) and the campaigns named. */
    private Stored lookUp(List<InputReader.Reading<InboundLead>> inbound) {
        // Only a lead read without fault is looked up by its key: a faulty one is rejected whatever is stored.
        List<InboundLead> readable = inbound.stream().filter(InputReader.Reading::valid).map(InputReader.Reading::value)
                .toList();
        leads.lockSourceKeys(readable.stream().map(lead -> Lead.sourceKey(lead.source(), lead.externalId())).toList());
        Map<String, Lead> known = leads.findBySourceKeys(readable.stream().map(InboundLead::source).toList(),
                readable.stream().map(InboundLead::externalId).toList());
        Map<String, Campaign> campaignsByCode = campaigns.byCodes(inbound.stream().map(InputReader.Reading::value)
                .filter(Objects::nonNull).map(InboundLead::campaign).filter(Objects::nonNull).collect(Collectors.toSet()));
        return new Stored(known, campaignsByCode);
    }

    /**
     * Each lead taken as far as it can be now: a resend put aside, an invalid one REJECTED, one without valid consent
     * stored unrouted; the others, with their consent, wait for the duplicate check and routing.
     */
    private List<Contactable> admit(List<InputReader.Reading<InboundLead>> inbound, List<String> traceParents,
            Stored stored, Intake intake, Instant now) {
        List<Contactable> contactable = new ArrayList<>();
        for (int i = 0; i < inbound.size(); i++) {
            InboundLead lead = inbound.get(i).value();
            String sourceKey = inbound.get(i).valid() ? Lead.sourceKey(lead.source(), lead.externalId()) : null;
            // A resend is answered with the stored lead even if its campaign has stopped since.
            if (sourceKey != null && stored.known().containsKey(sourceKey)) {
                intake.resent.put(i, stored.known().get(sourceKey));
                continue;
            }
            LeadCheck.CheckedLead checked;
            try {
                checked = check.check(inbound.get(i), stored.campaigns());
            } catch (InvalidRequestException invalid) {
                intake.results[i] = IntakeResult.rejected(invalid.violations());
                continue;
            }
            Lead received = Lead.received(new Lead.Arrival(lead.source(), lead.externalId(), lead.campaign(),
                    checked.campaign().id, lead.productLine(), checked.segment(), lead.postalCode(), lead.shopId()), now);
            received.traceParent = traceParents.get(i);
            // The same lead twice in one intake: the second is answered as a resend of the first.
            stored.known().put(sourceKey, received);
            LeadConsent consent = LeadConsent.recorded(received, lead.source(), lead.consent().granted(),
                    lead.consent().grantedAt(), lead.consent().expiresAt(), config.consentValidity(), now);
            if (!consent.isValidAt(now)) {
                received.rejectWithoutConsent(consent.granted ? "consent expired on " + consent.expiresAt
                        : "no consent to be contacted");
                intake.results[i] = storedUnrouted(received, consent, intake, "no_consent");
                continue;
            }
            received.consented(new Lead.Contact(lead.contact().name(), checked.emailNormalized(), lead.contact().phone(),
                    checked.phoneE164(), lead.latitude(), lead.longitude(), lead.message()), consent.grantedAt);
            contactable.add(new Contactable(i, received, consent, checked.campaign()));
        }
        return contactable;
    }

    /**
     * Each contactable lead linked to the same person's open lead about the same product line (a DUPLICATE), or
     * routed; persons and catchments are locked first, so that concurrent intakes decide one after the other.
     */
    private void linkOrRoute(List<Contactable> contactable, Intake intake, Instant now) {
        leads.lockPersons(contactable.stream().flatMap(pending -> personKeys(pending.lead()).stream()).toList());
        List<Lead> open = new ArrayList<>(leads.findOpenOfPersons(
                contactable.stream().map(pending -> pending.lead().emailNormalized).filter(Objects::nonNull).collect(Collectors.toSet()),
                contactable.stream().map(pending -> pending.lead().phoneE164).filter(Objects::nonNull).collect(Collectors.toSet()),
                now.minus(config.duplicateWindow())));
        RoutingSession session = routing.session();
        session.lockCatchmentsOf(contactable.stream().map(pending -> pending.lead().postalCode).collect(Collectors.toSet()), now);
        for (Contactable pending : contactable) {
            Lead lead = pending.lead();
            Optional<Lead> earlier = open.stream().filter(other -> isSamePersonAndLine(other, lead))
                    .min(Comparator.comparing((Lead other) -> other.receivedAt).thenComparing(other -> other.id));
            if (earlier.isPresent()) {
                lead.linkAsDuplicateOf(earlier.get());
                intake.results[pending.index()] = storedUnrouted(lead, pending.consent(), intake, "duplicate");
                continue;
            }
            intake.results[pending.index()] = routed(session, lead, pending.consent(), pending.campaign(), intake, now);
            if (lead.status() == LeadStatus.NEW) {
                open.add(lead);
            }
        }
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

    private IntakeResult routed(RoutingSession session, Lead lead, LeadConsent consent, Campaign campaign, Intake intake,
            Instant now) {
        RoutingService.Routed routed = routing.route(session, lead, campaign, RoutingDecision.Cause.INTAKE, now);
        intake.created(lead, consent);
        intake.routings.add(routed);
        LeadMetrics.Tally tally = intake.tally;
        events.received(lead);
        boolean assigned = lead.status() == LeadStatus.NEW;
        if (assigned) {
            events.assigned(lead);
        }
        tally.received(lead.campaign);
        if (assigned) {
            tally.assigned(lead.campaign, lead.shopId != null ? "shop" : "field_team");
        } else {
            tally.unrouted(lead.campaign);
        }
        // Per lead only at DEBUG: campaign bursts bring thousands a second; the intake counters and events tell the rest.
        Log.debugf("Lead %s: %s (%s)", lead.id, lead.status(), lead.routingReason);
        return IntakeResult.created(LeadView.of(lead));
    }

    /** A lead stored without routing (no consent, or a duplicate). */
    private IntakeResult storedUnrouted(Lead lead, LeadConsent consent, Intake intake, String rejection) {
        intake.created(lead, consent);
        events.received(lead);
        intake.tally.received(lead.campaign);
        intake.tally.rejected(lead.campaign, rejection);
        Log.debugf("Lead %s: %s", lead.id, lead.status());
        return IntakeResult.created(LeadView.of(lead));
    }
}
