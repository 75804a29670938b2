package com.partnernet.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.event.ProcessedEvents;
import com.partnernet.chassis.event.ProcessedEventsConfig;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The chassis' memory of processed events (idempotent consumption) is bounded by its retention, and only by it. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class ProcessedEventRetentionIT {

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    ProcessedEventsConfig config;

    @Inject
    EntityManager entityManager;

    @Test
    void aRedeliveryWithinTheRetentionIsStillSkippedAndThePruneForgetsOnlyOlderEvents() {
        String consumer = "retention-" + UUID.randomUUID();
        UUID older = UUID.randomUUID();
        UUID within = UUID.randomUUID();
        assertTrue(firstDelivery(consumer, older));
        assertTrue(firstDelivery(consumer, within));
        processedAgo(consumer, older, config.retention().plusHours(1));
        processedAgo(consumer, within, config.retention().minusHours(1));

        processedEvents.prune(Timestamps.now().minus(config.retention()));

        assertEquals(1, remembered(consumer), "only the event processed before the retention is forgotten");
        assertFalse(firstDelivery(consumer, within), "a redelivery within the retention is still recognised");
        assertTrue(firstDelivery(consumer, older), "an event older than the retention is forgotten");
    }

    private boolean firstDelivery(String consumer, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> processedEvents.firstDelivery(consumer, eventId));
    }

    private void processedAgo(String consumer, UUID eventId, Duration ago) {
        Instant then = Timestamps.now().minus(ago);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update processed_event set processed_at = :then where consumer = :consumer and event_id = :eventId")
                .setParameter("then", then).setParameter("consumer", consumer).setParameter("eventId", eventId)
                .executeUpdate());
    }

    private long remembered(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from processed_event where consumer = :consumer")
                .setParameter("consumer", consumer).getSingleResult()).longValue());
    }
}
