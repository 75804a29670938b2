package com.partnernet.leads.ingestion;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.partnernet.chassis.event.PoisonMessageException;
import com.partnernet.chassis.event.RecordValidator;
import com.partnernet.chassis.web.Problem;
import com.partnernet.leads.lead.LeadService;

import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * A poll of leads.inbound stored in one transaction ({@link LeadService#ingestAll}). What is wrong with a record itself
 * is its rejection; a passing failure (database away) fails the whole poll and is retried, backing off, for up to
 * {@link PoisonMessageException#RETRY_MINUTES} minutes.
 */
@ApplicationScoped
public class InboundLeadIntake {

    private final RecordValidator validator;
    private final LeadService leads;

    public InboundLeadIntake(RecordValidator validator, LeadService leads) {
        this.validator = validator;
        this.leads = leads;
    }

    /** @return per record, in order: why it is rejected, or null when it was stored (or was known already) */
    @Retry(maxRetries = -1, maxDuration = PoisonMessageException.RETRY_MINUTES, durationUnit = ChronoUnit.MINUTES,
            delay = 1, delayUnit = ChronoUnit.SECONDS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public List<String> ingest(List<String> records) {
        return ingestOnce(records);
    }

    /** {@link #ingest} without retries. */
    public List<String> ingestOnce(List<String> records) {
        String[] rejections = new String[records.size()];
        List<InboundLead> readable = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                readable.add(validator.read(records.get(i), InboundLead.class));
                positions.add(i);
            } catch (PoisonMessageException unreadable) {
                rejections[i] = unreadable.getMessage();
            }
        }
        List<List<Problem.Violation>> outcomes = leads.ingestAll(readable);
        for (int j = 0; j < outcomes.size(); j++) {
            if (!outcomes.get(j).isEmpty()) {
                rejections[positions.get(j)] = "invalid InboundLead: " + outcomes.get(j).stream()
                        .map(violation -> violation.field() + " " + violation.message()).collect(Collectors.joining("; "));
            }
        }
        return Arrays.asList(rejections);
    }
}
