package com.partnernet.chassis.shutdown;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a stopping service hands its work over ({@link Drain}). */
@ConfigMapping(prefix = "chassis.drain")
public interface DrainConfig {

    /**
     * How long a stop waits for the work in hand: a poll's transaction takes milliseconds, a job's batch a second or
     * two. A poll still retrying against a database that is away is not waited for: when the stop interrupts its
     * retries it is dead-lettered (for a replay, which the consumers deduplicate).
     */
    @WithDefault("5s")
    Duration timeout();
}
