package com.partnernet.chassis.event;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.web.InputReader;
import com.partnernet.chassis.web.Problem;

/**
 * Turns a consumed record into a checked value with the same rules, and the same words, the REST API uses
 * ({@link InputReader}); what does not fit becomes a {@link PoisonMessageException} whose message (the dead-letter
 * reason) names every bad field at once, as the contract names it, and never a Java type.
 */
@ApplicationScoped
public class RecordValidator {

    private final ObjectMapper mapper;
    private final InputReader reader;

    public RecordValidator(ObjectMapper mapper, InputReader reader) {
        this.mapper = mapper;
        this.reader = reader;
    }

    /**
     * A record's value as JSON.
     *
     * @param what how a reason names what the record should be, e.g. "a lead"
     * @throws PoisonMessageException when it is empty, not UTF-8 or not JSON
     */
    public JsonNode tree(String json, String what) {
        if (json == null || json.isBlank()) {
            throw new PoisonMessageException("empty record value, expected " + what);
        }
        if (json.indexOf('\uFFFD') >= 0) {
            // Kafka's string deserializer replaces bytes that are no UTF-8 with U+FFFD: the publisher used another
            // encoding, and names would be stored garbled.
            throw new PoisonMessageException("not UTF-8: the record holds bytes of another encoding");
        }
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new PoisonMessageException("empty record value, expected " + what);
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PoisonMessageException("not JSON: " + e.getMessage());
        }
    }

    /**
     * {@code json} as a valid {@code type}.
     *
     * @param what how a reason names what the value should be, e.g. "payload"
     * @throws PoisonMessageException naming every wrong field
     */
    public <T> T read(JsonNode json, Class<T> type, String what) {
        InputReader.Reading<T> reading = reader.read(json, type, "must be a JSON object");
        if (!reading.valid()) {
            throw new PoisonMessageException("invalid " + what + ": " + reason(reading.violations()));
        }
        return reading.value();
    }

    /** Violations as a dead-letter reason: "field message; field message". */
    public static String reason(List<Problem.Violation> violations) {
        return violations.stream()
                .map(violation -> (violation.field().isEmpty() ? "" : violation.field() + " ") + violation.message())
                .collect(Collectors.joining("; "));
    }
}
