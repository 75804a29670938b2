package com.partnernet.targets.closure;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.event.EventEnvelope;
import com.partnernet.chassis.event.PoisonMessageException;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** partners.shop-events into shop closures; a record that is not a valid event goes to targets.shop-events.dlq. */
@ApplicationScoped
public class ShopEventsConsumer {

    private final ClosureService closures;
    private final ObjectMapper mapper;

    public ShopEventsConsumer(ClosureService closures, ObjectMapper mapper) {
        this.closures = closures;
        this.mapper = mapper;
    }

    @Incoming("shop-events")
    @Blocking
    @Retry(maxRetries = -1, maxDuration = PoisonMessageException.RETRY_MINUTES, durationUnit = ChronoUnit.MINUTES,
            delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonMessageException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void onShopEvent(String record) {
        closures.apply(EventEnvelope.parse(mapper, record));
    }
}
