package com.partnernet.chassis.shutdown;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a stopping service hands its work over ({@link Drain}). */
@ConfigMapping(prefix = "chassis.drain")
public interface DrainConfig {

    /**
     * How long a stop waits for the work in hand: a poll's transaction takes milliseconds; one retrying against a
     * database that is away is given up (its records are read again by whoever takes the partitions over).
     */
    @WithDefault("5s")
    Duration timeout();
}
