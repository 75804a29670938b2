package com.partnernet.leads.ingestion;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.web.BatchItems;
import com.partnernet.chassis.web.Problem;

/**
 * Batches of leads posted over REST by systems without Kafka: the same checks as leads.inbound, one transaction per
 * lead, so one bad or failing item never takes the others with it.
 */
@ApplicationScoped
public class BatchSubmission {

    public static final int MAX_BATCH = 500;

    private final IntakeService intake;
    private final BatchItems items;

    public BatchSubmission(IntakeService intake, BatchItems items) {
        this.intake = intake;
        this.items = items;
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
            List<Problem.Violation> violations = new ArrayList<>();
            InboundLead lead = items.read(batch.get(index), InboundLead.class, "must be a lead object", violations);
            IntakeResult result = lead == null ? IntakeResult.rejected(violations) : intake.ingestAll(List.of(lead)).get(0);
            results.add(new BatchResult.Item(index, result.outcome(), result.lead() == null ? null : result.lead().id(),
                    result.violations()));
        }
        return BatchResult.of(results);
    }
}
