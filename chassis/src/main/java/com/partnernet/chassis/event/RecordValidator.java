package com.partnernet.chassis.event;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.web.ProblemMappers;

/**
 * Turns a consumed record into a checked value with the same Bean Validation rules the REST API uses; what does
 * not fit becomes a {@link PoisonMessageException} whose message (the dead-letter reason) names every bad field.
 */
@ApplicationScoped
public class RecordValidator {

    private final ObjectMapper mapper;
    private final Validator validator;

    public RecordValidator(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** Reads {@code json} as {@code type} and validates it. */
    public <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new PoisonMessageException("empty record value, expected a " + type.getSimpleName());
        }
        if (json.indexOf('\uFFFD') >= 0) {
            // Kafka's string deserializer replaces bytes that are no UTF-8 with U+FFFD: the publisher used another
            // encoding, and names would be stored garbled.
            throw new PoisonMessageException("not UTF-8: the record holds bytes of another encoding");
        }
        T value;
        try {
            value = mapper.readValue(json, type);
        } catch (JsonMappingException e) {
            String field = ProblemMappers.jsonPath(e.getPath());
            throw new PoisonMessageException("not a valid " + type.getSimpleName() + ": "
                    + (field.isEmpty() ? "" : field + " " + ProblemMappers.expectation(e) + ": ")
                    + PoisonMessageException.describe(e));
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("not a valid " + type.getSimpleName() + ": " + PoisonMessageException.describe(e));
        }
        if (value == null) {
            throw new PoisonMessageException("not a valid " + type.getSimpleName() + ": null");
        }
        return requireValid(value);
    }

    /** The value itself when valid. */
    public <T> T requireValid(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException("invalid " + value.getClass().getSimpleName() + ": " + violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return value;
    }
}
