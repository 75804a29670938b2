package com.partnernet.leads.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.shutdown.Drain;
import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.leads.lead.LeadRepository;
import com.partnernet.leads.notification.Notifications;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The first-contact SLA: a scheduled check reminds shops whose leads' first contacts are due soon (by mail) and hands
 * every lead whose first contact is overdue to the next eligible shop. The moment to check against is a parameter, so tests run it with a clock of their choosing.
 */
@ApplicationScoped
public class SlaCheck {

    private static final int BATCH = 200;

    private final LeadRepository leads;
    private final SlaService sla;
    private final Notifications notifications;
    private final Drain drain;

    public SlaCheck(LeadRepository leads, SlaService sla, Notifications notifications, Drain drain) {
        this.leads = leads;
        this.sla = sla;
        this.notifications = notifications;
        this.drain = drain;
    }

    @Drained
    @Scheduled(identity = "sla-check", every = "${leads.sla.check-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Instant now = Timestamps.now();
        notifications.remindDueFirstContacts(now);
        reassignOverdue(now);
    }

    /**
     * Moves every lead overdue at {@code now}, each in its own transaction; a stopping service ends with the lead in
     * hand.
     *
     * @return how many leads were moved
     */
    public int reassignOverdue(Instant now) {
        int moved = 0;
        List<UUID> overdue;
        int movedInBatch;
        do {
            overdue = QuarkusTransaction.requiringNew().call(() -> leads.slaBreachedIds(now, BATCH));
            movedInBatch = 0;
            for (UUID leadId : overdue) {
                if (drain.stopping()) {
                    break;
                }
                try {
                    movedInBatch += sla.reassignOverdue(leadId, now) ? 1 : 0;
                } catch (RuntimeException e) {
                    Log.warnf("Lead %s: reassignment after a missed first contact failed, retried next time: %s", leadId, e);
                }
            }
            moved += movedInBatch;
        } while (overdue.size() == BATCH && movedInBatch > 0 && !drain.stopping());
        if (moved > 0) {
            Log.infof("First-contact SLA: %d overdue lead(s) moved", moved);
        }
        return moved;
    }
}
