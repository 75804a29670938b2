package com.partnernet.leads.gdpr;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.leads.lead.Lead;
import com.partnernet.leads.lead.LeadService;
import com.partnernet.leads.lead.LeadStatus;
import com.partnernet.leads.lead.LeadView;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * GDPR: a lead's personal data (name, e-mail, phone, location, free text) is erased on request or after the retention
 * of closed leads; what the statistics need (campaign, product line, postal code, shop, status, times) stays, and a
 * LeadErased event lets downstream copies follow. The source and external id stay too: they are what keeps a
 * resent copy of the lead from being stored again.
 */
@ApplicationScoped
public class ErasureService {

    /** What erased free text reads as. */
    public static final String ERASED = "[erased]";
    private static final int PURGE_BATCH = 500;

    private final LeadService leads;
    private final EntityManager entityManager;
    private final RetentionConfig config;

    public ErasureService(LeadService leads, EntityManager entityManager, RetentionConfig config) {
        this.leads = leads;
        this.entityManager = entityManager;
        this.config = config;
    }

    /** Erases on request; erasing an erased lead again changes nothing but is audited. */
    @Transactional
    public LeadView erase(UUID leadId, String requestedBy, String reason) {
        Lead lead = leads.require(leadId);
        erase(lead, requestedBy, reason, Timestamps.now());
        return LeadView.of(lead);
    }

    @Scheduled(identity = "retention-purge", every = "${leads.retention.purge-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPurge() {
        purge(Timestamps.now());
    }

    /**
     * Erases the personal data of every lead closed before {@code now} minus the retention, in batches.
     *
     * @return how many leads were erased
     */
    public int purge(Instant now) {
        Instant cutoff = now.minus(config.closedLeads());
        int erased = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Lead> due = entityManager.createQuery("from Lead l where l.erasedAt is null and ("
                        + "(l.status in :closed and l.closedAt < :cutoff) or (l.status in :parked and l.receivedAt < :cutoff))",
                        Lead.class)
                        .setParameter("closed", List.of(LeadStatus.WON, LeadStatus.LOST))
                        .setParameter("parked", List.of(LeadStatus.DUPLICATE, LeadStatus.UNROUTED))
                        .setParameter("cutoff", cutoff).setMaxResults(PURGE_BATCH).getResultList();
                due.forEach(lead -> erase(lead, LeadErasure.RETENTION_PURGE, "closed before " + cutoff + " (retention "
                        + config.closedLeads() + ")", now));
                return due.size();
            });
            erased += batch;
        } while (batch == PURGE_BATCH);
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
        entityManager.persist(audit);
        if (lead.erasedAt != null) {
            return;
        }
        lead.contactName = lead.contactName == null ? null : ERASED;
        lead.contactEmail = null;
        lead.contactPhone = null;
        lead.emailNormalized = null;
        lead.phoneE164 = null;
        lead.message = lead.message == null ? null : ERASED;
        lead.latitude = null;
        lead.longitude = null;
        lead.erasedAt = now;
        lead.updatedAt = now;
        leads.erased(lead, now);
        // Who asked stays in the audit row: a caller's name is personal data too, kept out of the log.
        Log.infof("Lead %s: personal data erased", lead.id);
    }
}
