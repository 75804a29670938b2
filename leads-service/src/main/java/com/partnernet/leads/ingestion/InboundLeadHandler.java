package com.partnernet.leads.ingestion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.event.EventHandler;
import com.partnernet.chassis.event.PoisonMessageException;
import com.partnernet.chassis.event.RecordValidator;
import com.partnernet.chassis.web.InputReader;

/**
 * A poll of leads.inbound stored in one transaction ({@link IntakeService#ingestAll}). What is wrong with a record itself
 * is its rejection; a passing failure (database away) fails the whole poll and is retried, backing off, for up to
 * {@link PoisonMessageException#RETRY_MINUTES} minutes ({@link EventHandler#retrying}).
 */
@ApplicationScoped
public class InboundLeadHandler {

    private final EventHandler eventHandler;
    private final RecordValidator validator;
    private final InputReader reader;
    private final IntakeService intake;

    public InboundLeadHandler(EventHandler eventHandler, RecordValidator validator, InputReader reader,
            IntakeService intake) {
        this.eventHandler = eventHandler;
        this.validator = validator;
        this.reader = reader;
        this.intake = intake;
    }

    /**
     * @param traceParents per record, in order, the trace it is processed in (its lead's events continue it)
     * @return per record, in order: why it is rejected, or null when it was stored (or was known already)
     */
    public List<String> ingest(List<String> records, List<String> traceParents) {
        return eventHandler.retrying(() -> ingestOnce(records, traceParents));
    }

    /** {@link #ingest} without retries. */
    public List<String> ingestOnce(List<String> records, List<String> traceParents) {
        String[] rejections = new String[records.size()];
        List<InputReader.Reading<InboundLead>> readings = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                readings.add(reader.read(validator.tree(records.get(i), "a lead"), InboundLead.class, SubmissionResource.NOT_A_LEAD));
                positions.add(i);
            } catch (PoisonMessageException unreadable) {
                rejections[i] = unreadable.getMessage();
            }
        }
        List<IntakeResult> results = intake.ingestAll(readings, positions.stream().map(traceParents::get).toList());
        for (int j = 0; j < results.size(); j++) {
            if (results.get(j).outcome() == IntakeOutcome.REJECTED) {
                rejections[positions.get(j)] = "invalid lead: " + RecordValidator.reason(results.get(j).violations());
            }
        }
        return Arrays.asList(rejections);
    }
}
