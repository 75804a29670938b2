package com.partnernet.chassis.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Idempotent consumption: a consumer records each event id in the same transaction as the event's effect, so a
 * redelivered event is recognised and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
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
}
