package com.partnernet.chassis.web;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one JSON value (a batch item, a lead, a record) as a checked {@code type} and reports everything wrong with it
 * at once: every value of the wrong type (bound as null, so reading goes on) and every Bean Validation violation, each
 * naming its field as the client wrote it and saying what is expected in the contract's words.
 */
@ApplicationScoped
public class InputReader {

    /** What was read: the value (null unless the input was an object of the type) and what is wrong with it. */
    public record Reading<T>(T value, List<Problem.Violation> violations) {

        public boolean valid() {
            return value != null && violations.isEmpty();
        }
    }

    private final ObjectMapper mapper;
    private final Validator validator;

    public InputReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * @param what how a message names an input that is not an object of the type at all, e.g. "must be a lead object"
     */
    public <T> Reading<T> read(JsonNode input, Class<T> type, String what) {
        if (input == null || !input.isObject()) {
            return new Reading<>(null, List.of(new Problem.Violation("", what)));
        }
        WrongValues wrong = new WrongValues();
        T value;
        try {
            value = mapper.readerFor(type).withHandler(wrong).readValue(input);
        } catch (JsonMappingException e) {
            String field = ProblemMappers.jsonPath(e.getPath());
            wrong.add(field, field.isEmpty() ? what : ProblemMappers.expectation(e));
            value = null;
        } catch (IOException e) {
            wrong.add("", what);
            value = null;
        }
        return new Reading<>(value, wrong.violations(value, validator));
    }

    /** The item as a valid {@code type}, or null after adding what is wrong with it to {@code violations}. */
    public <T> T read(JsonNode item, Class<T> type, String what, List<Problem.Violation> violations) {
        Reading<T> reading = read(item, type, what);
        violations.addAll(reading.violations());
        return reading.valid() ? reading.value() : null;
    }
}
