package com.partnernet.chassis.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.shutdown.Drain;
import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.chassis.time.Timestamps;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Idempotent consumption: a consumer records each event id in the same transaction as the event's effect, so a
 * redelivered event is recognised and changes nothing — for {@link ProcessedEventsConfig#retention()}, longer than any
 * redelivery can come; then the id is forgotten, so the table holds about a month of events, not every event ever.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** Ids removed per transaction: a first prune after an upgrade may meet a year of them. */
    private static final int PRUNE_BATCH = 10_000;

    private final EntityManager entityManager;
    private final ProcessedEventsConfig config;
    private final Drain drain;

    public ProcessedEvents(EntityManager entityManager, ProcessedEventsConfig config, Drain drain) {
        this.entityManager = entityManager;
        this.config = config;
        this.drain = drain;
    }

    /**
     * Records that {@code consumer} handles {@code eventId} now.
     *
     * @return true on first delivery (apply the effect), false for a redelivery (skip it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        // A concurrent transaction inserting the same id blocks here until it ends, so two instances never both win.
        return entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at)
                values (:consumer, :eventId, now())
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate() == 1;
    }

    @Drained
    @Scheduled(identity = "processed-events-prune", every = "${chassis.processed-events.prune-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPrune() {
        prune(Timestamps.now().minus(config.retention()));
    }

    /**
     * Forgets the events processed before {@code cutoff}, oldest first, a batch per transaction; a stopping service
     * ends with the batch in hand.
     *
     * @return how many were forgotten
     */
    public int prune(Instant cutoff) {
        int pruned = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                    delete from processed_event where (consumer, event_id) in (
                        select consumer, event_id from processed_event where processed_at < :cutoff
                        order by processed_at limit :batch)""")
                    .setParameter("cutoff", cutoff)
                    .setParameter("batch", PRUNE_BATCH)
                    .executeUpdate());
            pruned += batch;
        } while (batch == PRUNE_BATCH && !drain.stopping());
        if (pruned > 0) {
            Log.infof("Processed events: %d id(s) of events processed before %s forgotten", pruned, cutoff);
        }
        return pruned;
    }
}
