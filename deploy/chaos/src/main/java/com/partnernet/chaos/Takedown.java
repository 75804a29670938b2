package com.partnernet.chaos;

import java.time.Duration;

/**
 * A service taken down once a scenario's progress reaches {@code at}: a crash (SIGKILL) or a stop as every rolling
 * deploy and node drain does it (SIGTERM), which must hand the service's work over within {@link #STOP_WITHIN}.
 */
record Takedown(long at, boolean graceful) {

    /**
     * How long a graceful stop may take: well inside Kubernetes' grace period (preStop and quarkus.shutdown.timeout),
     * so that a deploy replaces pods at its own pace and none is killed mid-handover.
     */
    static final Duration STOP_WITHIN = Duration.ofSeconds(10);

    static Takedown crash(long at) {
        return new Takedown(at, false);
    }

    static Takedown stop(long at) {
        return new Takedown(at, true);
    }

    String signal() {
        return graceful ? "SIGTERM" : "SIGKILL";
    }
}
