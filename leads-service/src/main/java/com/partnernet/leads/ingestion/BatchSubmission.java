package com.partnernet.leads.ingestion;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.web.InputReader;

/**
 * Batches of leads posted over REST by systems without Kafka: the same checks as leads.inbound, one transaction per
 * lead, so one bad or failing item never takes the others with it.
 */
@ApplicationScoped
public class BatchSubmission {

    public static final int MAX_BATCH = 500;

    private final IntakeService intake;
    private final InputReader reader;

    public BatchSubmission(IntakeService intake, InputReader reader) {
        this.intake = intake;
        this.reader = reader;
    }

    public BatchResult submit(List<JsonNode> batch) {
        if (batch == null) {
            throw new InvalidRequestException("body", "must be a JSON array of leads");
        }
        if (batch.size() > MAX_BATCH) {
            throw new InvalidRequestException("body", "at most " + MAX_BATCH + " leads per batch, not " + batch.size());
        }
        List<BatchResult.Item> results = new ArrayList<>();
        for (int index = 0; index < batch.size(); index++) {
            IntakeResult result = intake.ingestAll(List.of(reader.read(batch.get(index), InboundLead.class,
                    SubmissionResource.NOT_A_LEAD))).get(0);
            results.add(new BatchResult.Item(index, result.outcome(), result.lead() == null ? null : result.lead().id(),
                    result.violations()));
        }
        return BatchResult.of(results);
    }
}
