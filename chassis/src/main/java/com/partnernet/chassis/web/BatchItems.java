package com.partnernet.chassis.web;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One item of a batch body (a JSON array) read on its own: a bad item is reported with its field violations instead
 * of failing the whole batch.
 */
@ApplicationScoped
public class BatchItems {

    private final ObjectMapper mapper;
    private final Validator validator;

    public BatchItems(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * The item as a valid {@code type}, or null after adding what is wrong with it to {@code violations}.
     *
     * @param what how a message names a whole item that is not an object of the type, e.g. "must be a lead object"
     */
    public <T> T read(JsonNode item, Class<T> type, String what, List<Problem.Violation> violations) {
        T value;
        try {
            value = mapper.treeToValue(item, type);
        } catch (JsonMappingException e) {
            String field = ProblemMappers.jsonPath(e.getPath());
            violations.add(new Problem.Violation(field, field.isEmpty() ? what : ProblemMappers.expectation(e)));
            return null;
        } catch (JsonProcessingException e) {
            violations.add(new Problem.Violation("", what));
            return null;
        }
        if (value == null) {
            violations.add(new Problem.Violation("", what));
            return null;
        }
        int before = violations.size();
        validator.validate(value).stream()
                .map(violation -> new Problem.Violation(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .forEach(violations::add);
        return violations.size() == before ? value : null;
    }
}
