package com.partnernet.chassis.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.chassis.time.Timestamps;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox's unsent rows as gauges: how many, and how long the oldest has waited. A growing age means events stop
 * reaching Kafka (broker away, relay stuck) although the service's own writes commit. Read on a schedule rather than
 * at scrape time, so a scrape never waits for the database; every instance of a service reports the same table.
 */
@ApplicationScoped
public class OutboxBacklog {

    private final EntityManager entityManager;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    public OutboxBacklog(EntityManager entityManager, MeterRegistry metrics) {
        this.entityManager = entityManager;
        Gauge.builder("partnernet.outbox.backlog", unsent, AtomicLong::get)
                .description("Outbox rows committed but not yet published to Kafka").register(metrics);
        Gauge.builder("partnernet.outbox.oldest.age", oldestAgeMillis, millis -> millis.get() / 1000.0)
                .description("How long the oldest unpublished outbox row has waited (0 when none waits)")
                .baseUnit("seconds").register(metrics);
    }

    @Drained
    @Scheduled(identity = "outbox-backlog", every = "${chassis.outbox.backlog-interval}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        Tuple backlog = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select count(e) as unsent, min(e.createdAt) as oldest from OutboxEvent e where e.sentAt is null",
                Tuple.class).getSingleResult());
        Instant oldest = backlog.get("oldest", Instant.class);
        unsent.set(backlog.get("unsent", Long.class));
        oldestAgeMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, Timestamps.now()).toMillis()));
    }
}
