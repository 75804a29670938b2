package com.partnernet.leads.lead;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;
import com.partnernet.leads.vocabulary.LeadStatus;

import io.quarkus.logging.Log;

/**
 * Leads as the shops and ops see them: reading and finding them, the shop's status moves, and the intake per minute.
 * Intake is {@code ingestion}'s, routing {@code routing}'s, the SLA's reassignment {@code sla}'s, erasure
 * {@code gdpr}'s; every one of them changes a lead through {@link Lead}'s transitions. Logs name leads by id only.
 */
@ApplicationScoped
public class LeadService {

    private static final Map<String, String> SORT_KEYS = Map.of("receivedAt", "receivedAt", "status", "status",
            "slaDueAt", "slaDueAt", "updatedAt", "updatedAt");

    private final LeadRepository leads;
    private final LeadEvents events;
    private final Caller caller;

    public LeadService(LeadRepository leads, LeadEvents events, Caller caller) {
        this.leads = leads;
        this.events = events;
        this.caller = caller;
    }

    /** A shop's move of its lead; only the moves in {@link LeadStatus#next()} are allowed. */
    @Transactional
    public LeadView changeStatus(UUID leadId, StatusChange change) {
        Lead lead = requireVisible(leadId);
        LeadStatus previous = lead.moveTo(change.status(), change.lostReason(), Timestamps.now());
        events.statusChanged(lead, previous);
        Log.infof("Lead %s of shop %s: %s -> %s", lead.id, lead.shopId, previous, lead.status());
        return LeadView.of(lead);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LeadView get(UUID leadId) {
        return LeadView.of(requireVisible(leadId));
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
            // Routed at intake: in a pipeline now, or declined as spam by the shop it went to since.
            long routed = LeadStatus.PIPELINE.stream().mapToLong(status -> statuses.getOrDefault(status, 0L)).sum()
                    + statuses.getOrDefault(LeadStatus.REJECTED_AS_SPAM, 0L);
            long unrouted = statuses.getOrDefault(LeadStatus.UNROUTED, 0L);
            long rejected = statuses.getOrDefault(LeadStatus.REJECTED_NO_CONSENT, 0L)
                    + statuses.getOrDefault(LeadStatus.DUPLICATE, 0L);
            perMinute.add(new LeadFlow.Minute(minute, routed + unrouted + rejected, routed, unrouted, rejected));
        }
        return new LeadFlow(from, to.plus(1, ChronoUnit.MINUTES), campaign, perMinute, leads.countUnrouted(campaign));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Lead require(UUID leadId) {
        return leads.findByIdOptional(leadId).orElseThrow(() -> new ResourceNotFoundException("Lead", leadId));
    }

    /** The lead, if it exists and the caller may see it: one of its partner's (a 404 otherwise, as for an unknown id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Lead requireVisible(UUID leadId) {
        Lead lead = require(leadId);
        caller.requireAccess(lead.partnerId, "Lead", leadId);
        return lead;
    }
}
