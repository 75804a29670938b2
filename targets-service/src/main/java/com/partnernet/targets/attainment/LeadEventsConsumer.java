package com.partnernet.targets.attainment;

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
 * leads.events into attainment. A record that is not a valid event goes to targets.lead-events.dlq with the
 * reason; a passing failure (database away) is
 * retried, backing off, for up to {@link PoisonMessageException#RETRY_MINUTES} minutes first.
 */
@ApplicationScoped
public class LeadEventsConsumer {

    private final AttainmentService attainment;
    private final ObjectMapper mapper;

    public LeadEventsConsumer(AttainmentService attainment, ObjectMapper mapper) {
        this.attainment = attainment;
        this.mapper = mapper;
    }

    @Incoming("lead-events")
    @Blocking
    @Retry(maxRetries = -1, maxDuration = PoisonMessageException.RETRY_MINUTES, durationUnit = ChronoUnit.MINUTES,
            delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonMessageException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void onLeadEvent(String record) {
        attainment.onLeadEvent(EventEnvelope.parse(mapper, record));
    }
}
