package com.partnernet.chassis.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the outbox relay. */
@ConfigMapping(prefix = "chassis.outbox")
public interface OutboxConfig {

    /** How often the relay looks for rows no commit woke it for (read by the scheduler from the same key; at least 1 s). */
    Duration pollInterval();

    /** How often the backlog gauges read the table (read by the scheduler from the same key, see {@link OutboxBacklog}). */
    Duration backlogInterval();

    /** Rows published per Kafka transaction (a commit costs ~15 ms: bursts of thousands of events need large batches). */
    @WithDefault("1000")
    int batchSize();

    /** How long a batch may wait for the broker's acknowledgements before it is retried on the next poll. */
    @WithDefault("15s")
    Duration sendTimeout();

    /**
     * How long the relaying instance's lease lasts without renewal: another instance takes over the relay only after
     * it ran out (the holder renews it on every pass).
     */
    @WithDefault("5s")
    Duration lease();

    /** How long sent rows stay in the table (for audit and replay) before cleanup removes them. */
    @WithDefault("P7D")
    Duration retention();
}
