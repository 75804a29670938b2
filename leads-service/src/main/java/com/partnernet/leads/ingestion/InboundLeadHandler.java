package com.partnernet.leads.ingestion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.event.EventHandler;
import com.partnernet.chassis.event.PoisonMessageException;
import com.partnernet.chassis.event.RecordValidator;
import com.partnernet.chassis.web.InputReader;

import io.quarkus.logging.Log;

/**
 * A poll of leads.inbound stored in one transaction ({@link IntakeService#ingestAll}). What is wrong with a record itself
 * is its rejection; a passing failure (database away) fails the whole poll and is retried, backing off, for up to
 * {@link PoisonMessageException#RETRY_MINUTES} minutes ({@link EventHandler#retrying}), then record by record.
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

    /** What became of one record: stored (or known already), rejected for what it is, or failing whatever it is. */
    public record Verdict(String rejection, RuntimeException failure) {

        static final Verdict STORED = new Verdict(null, null);

        static Verdict rejected(String why) {
            return new Verdict(why, null);
        }

        static Verdict failed(RuntimeException failure) {
            return new Verdict(null, failure);
        }
    }

    /**
     * The poll in one transaction, retried while it fails; a poll that kept failing for the whole retry budget is
     * stored record by record, so that only the records that keep failing fail.
     *
     * @param traceParents per record, in order, the trace it is processed in (its lead's events continue it)
     * @return per record, in order, what became of it
     */
    public List<Verdict> ingest(List<String> records, List<String> traceParents) {
        try {
            return eventHandler.retrying(() -> ingestOnce(records, traceParents));
        } catch (RuntimeException stillFailing) {
            Log.warnf("A poll of %d leads kept failing (%s); storing them one by one", records.size(), stillFailing.toString());
            List<Verdict> verdicts = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                try {
                    verdicts.add(ingestOnce(List.of(records.get(i)), Collections.singletonList(traceParents.get(i))).get(0));
                } catch (RuntimeException failure) {
                    verdicts.add(Verdict.failed(failure));
                }
            }
            return verdicts;
        }
    }

    private List<Verdict> ingestOnce(List<String> records, List<String> traceParents) {
        Verdict[] verdicts = new Verdict[records.size()];
        List<InputReader.Reading<InboundLead>> readings = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                readings.add(reader.read(validator.tree(records.get(i), "a lead"), InboundLead.class, SubmissionResource.NOT_A_LEAD));
                positions.add(i);
            } catch (PoisonMessageException unreadable) {
                verdicts[i] = Verdict.rejected(unreadable.getMessage());
            }
        }
        List<IntakeResult> results = intake.ingestAll(readings, positions.stream().map(traceParents::get).toList());
        for (int j = 0; j < results.size(); j++) {
            verdicts[positions.get(j)] = results.get(j).outcome() == IntakeOutcome.REJECTED
                    ? Verdict.rejected("invalid lead: " + RecordValidator.reason(results.get(j).violations()))
                    : Verdict.STORED;
        }
        return Arrays.asList(verdicts);
    }
}
