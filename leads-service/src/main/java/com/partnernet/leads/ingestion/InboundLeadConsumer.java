package com.partnernet.leads.ingestion;

import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.event.PoisonMessageException;
import com.partnernet.chassis.event.RecordValidator;
import com.partnernet.leads.lead.LeadService;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * leads.inbound, where marketing systems publish. A record that is not a valid lead goes to leads.inbound.dlq
 * with the reason in its headers and the consumer moves on; a passing failure (database away) is
 * retried, backing off, for up to {@link PoisonMessageException#RETRY_MINUTES} minutes first.
 */
@ApplicationScoped
public class InboundLeadConsumer {

    private final RecordValidator validator;
    private final LeadService leads;

    public InboundLeadConsumer(RecordValidator validator, LeadService leads) {
        this.validator = validator;
        this.leads = leads;
    }

    @Incoming("leads-inbound")
    @Blocking
    @Retry(maxRetries = -1, maxDuration = PoisonMessageException.RETRY_MINUTES, durationUnit = ChronoUnit.MINUTES,
            delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonMessageException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void onLead(String record) {
        InboundLead lead = validator.read(record, InboundLead.class);
        try {
            leads.ingest(lead);
        } catch (InvalidRequestException e) {
            throw new PoisonMessageException("invalid InboundLead: " + e.violations().stream()
                    .map(violation -> violation.field() + " " + violation.message()).collect(Collectors.joining("; ")));
        }
    }
}
