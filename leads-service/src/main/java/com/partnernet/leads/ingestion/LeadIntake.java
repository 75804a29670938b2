package com.partnernet.leads.ingestion;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.web.BatchItems;
import com.partnernet.chassis.web.Problem;
import com.partnernet.leads.lead.IntakeResult;
import com.partnernet.leads.lead.LeadService;

/** Batches of leads posted over REST by systems without Kafka: the same checks as leads.inbound, one transaction per lead. */
@ApplicationScoped
public class LeadIntake {

    public static final int MAX_BATCH = 500;

    private final LeadService leads;
    private final BatchItems items;

    public LeadIntake(LeadService leads, BatchItems items) {
        this.leads = leads;
        this.items = items;
    }

    public BatchResult batch(List<JsonNode> batch) {
        if (batch == null) {
            throw new InvalidRequestException("body", "must be a JSON array of leads");
        }
        if (batch.size() > MAX_BATCH) {
            throw new InvalidRequestException("body", "at most " + MAX_BATCH + " leads per batch, not " + batch.size());
        }
        List<BatchResult.Item> results = new ArrayList<>();
        int created = 0;
        int existing = 0;
        for (int index = 0; index < batch.size(); index++) {
            List<Problem.Violation> violations = new ArrayList<>();
            InboundLead lead = items.read(batch.get(index), InboundLead.class, "must be a lead object", violations);
            if (lead != null) {
                try {
                    IntakeResult result = leads.ingest(lead);
                    results.add(new BatchResult.Item(index, result.created() ? BatchResult.Outcome.CREATED
                            : BatchResult.Outcome.EXISTING, result.lead().id(), List.of()));
                    created += result.created() ? 1 : 0;
                    existing += result.created() ? 0 : 1;
                    continue;
                } catch (InvalidRequestException e) {
                    violations.addAll(e.violations());
                }
            }
            results.add(new BatchResult.Item(index, BatchResult.Outcome.REJECTED, null, violations));
        }
        return new BatchResult(batch.size(), created, existing, batch.size() - created - existing, results);
    }
}
