package com.partnernet.targets.attainment;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.event.EventEnvelope;
import com.partnernet.chassis.event.PoisonMessageException;

import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * A record of leads.events counted in its own transaction ({@link AttainmentService#onLeadEvent}); a passing failure
 * (database away) is retried, backing off, for up to {@link PoisonMessageException#RETRY_MINUTES} minutes.
 */
@ApplicationScoped
public class WonLeadIntake {

    private final AttainmentService attainment;
    private final ObjectMapper mapper;

    public WonLeadIntake(AttainmentService attainment, ObjectMapper mapper) {
        this.attainment = attainment;
        this.mapper = mapper;
    }

    /** @throws PoisonMessageException when the record is not a valid event */
    @Retry(maxRetries = -1, maxDuration = PoisonMessageException.RETRY_MINUTES, durationUnit = ChronoUnit.MINUTES,
            delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonMessageException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void count(String record) {
        attainment.onLeadEvent(EventEnvelope.parse(mapper, record));
    }
}
