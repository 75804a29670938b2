package com.partnernet.chassis.event;

/**
 * A record that can never be processed, however often it is retried: it belongs in the dead-letter topic,
 * with this message as the reason, and the consumer moves on.
 */
public class PoisonMessageException extends RuntimeException {

    /**
     * How long a consumer retries a failure that is not the record's fault (database or broker restarting, a
     * failover) before it dead-letters the record after all: long enough to outlast a restart, short enough that
     * a bug does not stop the partition for good.
     */
    public static final long RETRY_MINUTES = 5;

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
