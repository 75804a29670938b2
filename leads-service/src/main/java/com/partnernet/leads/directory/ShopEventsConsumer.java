package com.partnernet.leads.directory;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.event.EventEnvelope;
import com.partnernet.chassis.event.PoisonMessageException;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * partners.shop-events into the routing directory. A record that is not a valid shop event goes to the
 * dead-letter topic with the reason; a passing failure (database away) is
 * retried, backing off, for up to {@link PoisonMessageException#RETRY_MINUTES} minutes first.
 */
@ApplicationScoped
public class ShopEventsConsumer {

    private final DirectoryService directory;
    private final ObjectMapper mapper;

    public ShopEventsConsumer(DirectoryService directory, ObjectMapper mapper) {
        this.directory = directory;
        this.mapper = mapper;
    }

    @Incoming("shop-events")
    @Blocking
    @Retry(maxRetries = -1, maxDuration = PoisonMessageException.RETRY_MINUTES, durationUnit = ChronoUnit.MINUTES,
            delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonMessageException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void onShopEvent(String record) {
        directory.apply(EventEnvelope.parse(mapper, record));
    }
}
