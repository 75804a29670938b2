package com.partnernet.leads.ingestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.web.Problem;
import com.partnernet.chassis.web.ProblemMappers;
import com.partnernet.leads.lead.IntakeResult;
import com.partnernet.leads.lead.LeadService;

/** Batches of leads posted over REST by systems without Kafka: the same checks as leads.inbound, one transaction per lead. */
@ApplicationScoped
public class LeadIntake {

    public static final int MAX_BATCH = 500;

    private final LeadService leads;
    private final ObjectMapper mapper;
    private final Validator validator;

    public LeadIntake(LeadService leads, ObjectMapper mapper, Validator validator) {
        this.leads = leads;
        this.mapper = mapper;
        this.validator = validator;
    }

    public BatchResult batch(List<JsonNode> items) {
        if (items == null) {
            throw new InvalidRequestException("body", "must be a JSON array of leads");
        }
        if (items.size() > MAX_BATCH) {
            throw new InvalidRequestException("body", "at most " + MAX_BATCH + " leads per batch, not " + items.size());
        }
        List<BatchResult.Item> results = new ArrayList<>();
        int created = 0;
        int existing = 0;
        for (int index = 0; index < items.size(); index++) {
            List<Problem.Violation> violations = new ArrayList<>();
            InboundLead lead = read(items.get(index), violations);
            if (lead != null) {
                try {
                    IntakeResult result = leads.ingest(lead);
                    results.add(new BatchResult.Item(index, result.created() ? BatchResult.Outcome.CREATED
                            : BatchResult.Outcome.EXISTING, result.lead().id(), result.lead().status(), List.of()));
                    created += result.created() ? 1 : 0;
                    existing += result.created() ? 0 : 1;
                    continue;
                } catch (InvalidRequestException e) {
                    violations.addAll(e.violations());
                }
            }
            results.add(new BatchResult.Item(index, BatchResult.Outcome.REJECTED, null, null, violations));
        }
        return new BatchResult(items.size(), created, existing, items.size() - created - existing, results);
    }

    /** The item as a lead that passes Bean Validation, or null after adding its violations. */
    private InboundLead read(JsonNode item, List<Problem.Violation> violations) {
        InboundLead lead;
        try {
            lead = mapper.treeToValue(item, InboundLead.class);
        } catch (JsonMappingException e) {
            String field = ProblemMappers.jsonPath(e.getPath());
            violations.add(new Problem.Violation(field, field.isEmpty() ? "must be a lead object" : ProblemMappers.expectation(e)));
            return null;
        } catch (JsonProcessingException e) {
            violations.add(new Problem.Violation("", "must be a lead object"));
            return null;
        }
        if (lead == null) {
            violations.add(new Problem.Violation("", "must be a lead object"));
            return null;
        }
        validator.validate(lead).stream()
                .map(violation -> new Problem.Violation(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .forEach(violations::add);
        return violations.isEmpty() ? lead : null;
    }
}
