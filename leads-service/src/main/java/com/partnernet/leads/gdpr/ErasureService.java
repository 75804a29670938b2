package com.partnernet.leads.gdpr;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.shutdown.Drain;
import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.leads.lead.Lead;
import com.partnernet.leads.lead.LeadEvents;
import com.partnernet.leads.lead.LeadRepository;
import com.partnernet.leads.lead.LeadService;
import com.partnernet.leads.lead.LeadView;
import com.partnernet.leads.routing.RoutingService;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * GDPR: a lead's personal data (name, e-mail, phone, location, free text) is erased on request or after the retention
 * of closed leads ({@link Lead#erase}); what the statistics need (campaign, product line, postal code, shop, status,
 * times) stays, and a LeadErased event lets downstream copies follow. The source and external id stay too: they are
 * what keeps a resent copy of the lead from being stored again.
 */
@ApplicationScoped
public class ErasureService {

    private static final int PURGE_BATCH = 500;

    private final LeadService leadService;
    private final LeadRepository leads;
    private final LeadErasureRepository audits;
    private final LeadEvents events;
    private final RetentionConfig config;
    private final RoutingService routing;
    private final Drain drain;

    public ErasureService(LeadService leadService, LeadRepository leads, LeadErasureRepository audits, LeadEvents events,
            RetentionConfig config, RoutingService routing, Drain drain) {
        this.leadService = leadService;
        this.leads = leads;
        this.audits = audits;
        this.events = events;
        this.config = config;
        this.routing = routing;
        this.drain = drain;
    }

    /** Erases on request; erasing an erased lead again changes nothing but is audited. */
    @Transactional
    public LeadView erase(UUID leadId, String requestedBy, String reason) {
        Lead lead = leadService.require(leadId);
        erase(lead, requestedBy, reason, Timestamps.now());
        return LeadView.of(lead);
    }

    @Drained
    @Scheduled(identity = "retention-purge", every = "${leads.retention.purge-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPurge() {
        purge(Timestamps.now());
    }

    /**
     * Erases the personal data of every lead closed before {@code now} minus the retention, in batches; a stopping
     * service ends with the batch in hand.
     *
     * @return how many leads were erased
     */
    public int purge(Instant now) {
        Instant cutoff = now.minus(config.closedLeads());
        int erased = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Lead> due = leads.findDueForErasure(cutoff, PURGE_BATCH);
                due.forEach(lead -> erase(lead, LeadErasure.RETENTION_PURGE, "closed before " + cutoff + " (retention "
                        + config.closedLeads() + ")", now));
                return due.size();
            });
            erased += batch;
        } while (batch == PURGE_BATCH && !drain.stopping());
        if (erased > 0) {
            Log.infof("Retention purge: personal data of %d closed lead(s) erased", erased);
        }
        return erased;
    }

    private void erase(Lead lead, String requestedBy, String reason, Instant now) {
        LeadErasure audit = new LeadErasure();
        audit.id = UUID.randomUUID();
        audit.leadId = lead.id;
        audit.erasedAt = now;
        audit.requestedBy = requestedBy;
        audit.reason = reason;
        audits.persist(audit);
        if (lead.isErased()) {
            return;
        }
        routing.eraseDeclineNotes(lead.id);
        lead.erase(now).ifPresent(previous -> {
            events.statusChanged(lead, previous);
            Log.infof("Lead %s: %s -> LOST, its personal data erased", lead.id, previous);
        });
        events.erased(lead);
        // Who asked stays in the audit row: a caller's name is personal data too, kept out of the log.
        Log.infof("Lead %s: personal data erased", lead.id);
    }
}
