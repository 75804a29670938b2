package com.partnernet.chassis.event;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a consumer remembers the events it processed ({@link ProcessedEvents}). */
@ConfigMapping(prefix = "chassis.processed-events")
public interface ProcessedEventsConfig {

    /**
     * How long an event's id is kept: longer than a redelivery can come. The consumed topics keep records 30 days at
     * most (deploy/k8s kafka-topics.yaml; partners.shop-events forever, but every shop event carries its version and
     * the version guard skips a stale one), and a consumer lagging days behind has alerted long before.
     */
    @WithDefault("P35D")
    Duration retention();

    /** How often the ids older than the retention are removed (read by the scheduler from the same key). */
    Duration pruneInterval();
}
