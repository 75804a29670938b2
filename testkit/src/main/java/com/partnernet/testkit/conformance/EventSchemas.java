package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schemas of docs/asyncapi/schemas, as the contract the services' records are checked against: an
 * envelope's payload by its aggregate type (and, on targets.events, its event type), an inbound lead as it is.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PAYLOADS = Map.of("Shop", "shop", "FieldTeam", "field-team",
            "ShopPipeline", "lead-event", "TargetAdjusted", "target-adjusted", "MilestoneReached", "milestone-reached",
            "PaceStatusChanged", "pace-status-changed");

    private final Path directory;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new HashMap<>();

    /** @param root the repository's root */
    public EventSchemas(Path root) {
        this.directory = root.resolve("docs/asyncapi/schemas").toAbsolutePath().normalize();
    }

    /** What is wrong with an event record (its envelope and its payload), one line each; empty when nothing. */
    public List<String> violationsOfEvent(String record) throws IOException {
        List<String> violations = new ArrayList<>(validate("envelope", record));
        JsonNode envelope = JSON.readTree(record);
        String aggregate = envelope.path("aggregateType").asText();
        String payload = PAYLOADS.get(aggregate.equals("PartnerTargets") ? envelope.path("type").asText() : aggregate);
        if (payload == null) {
            violations.add("no schema for " + aggregate + " " + envelope.path("type").asText());
        } else {
            validate(payload, JSON.writeValueAsString(envelope.path("payload")))
                    .forEach(violation -> violations.add("payload: " + violation));
        }
        return violations;
    }

    /** Every property of every event schema that says neither that it is required nor that it may be null. */
    public List<String> undecidedNullability() throws IOException {
        List<String> failures = new ArrayList<>();
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".schema.json")).sorted().toList()) {
                failures.addAll(Nullability.undecided(file.getFileName().toString(), JSON.readTree(file.toFile())));
            }
        }
        return failures;
    }

    /** What the inbound lead schema finds wrong with a lead, one line each. */
    public List<String> violationsOfInboundLead(String lead) {
        return validate("inbound-lead", lead);
    }

    private List<String> validate(String name, String json) {
        Schema schema = schemas.computeIfAbsent(name, key -> {
            try {
                return registry.getSchema(Files.readString(directory.resolve(key + ".schema.json")), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return schema.validate(json, InputFormat.JSON).stream().map(error -> error.toString()).toList();
    }
}
