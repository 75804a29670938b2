package com.partnernet.chassis.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;

/**
 * The values of one JSON input that have the wrong type: each noted with where it is and what was expected, and bound
 * as null so reading goes on and every one of them is found, not only the first.
 */
final class WrongValues extends DeserializationProblemHandler {

    private final Map<String, String> wrong = new LinkedHashMap<>();

    void add(String field, String expectation) {
        wrong.putIfAbsent(field, expectation);
    }

    boolean isEmpty() {
        return wrong.isEmpty();
    }

    /**
     * These, and the Bean Validation violations of what could be bound (null: nothing; a list body: each of its
     * items, named by position as {@code [2].startDate}), sorted by field. A field bound as null because its value had
     * the wrong type is reported as such, not as missing.
     */
    List<Problem.Violation> violations(Object bound, Validator validator) {
        List<Problem.Violation> violations = new ArrayList<>();
        wrong.forEach((field, message) -> violations.add(new Problem.Violation(field, message)));
        if (bound instanceof List<?> items) {
            for (int index = 0; index < items.size(); index++) {
                validate(items.get(index), "[" + index + "].", validator, violations);
            }
        } else {
            validate(bound, "", validator, violations);
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        return List.copyOf(violations);
    }

    private void validate(Object bound, String prefix, Validator validator, List<Problem.Violation> violations) {
        if (bound != null) {
            validator.validate(bound).stream()
                    .map(violation -> new Problem.Violation(prefix + ProblemMappers.fieldOf(violation), violation.getMessage()))
                    .filter(violation -> !wrong.containsKey(violation.field()))
                    .forEach(violations::add);
        }
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
            String failureMessage) {
        add(path(context.getParser()), ProblemMappers.expectation(targetType));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
            String failureMessage) {
        add(path(context.getParser()), ProblemMappers.expectation(targetType));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
            JsonParser parser, String failureMessage) throws IOException {
        add(path(parser), ProblemMappers.expectation(targetType.getRawClass()));
        parser.skipChildren();
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext context, Class<?> instanceClass,
            ValueInstantiator instantiator, JsonParser parser, String message) throws IOException {
        add(path(parser), ProblemMappers.expectation(instanceClass));
        parser.skipChildren();
        return null;
    }

    /** The path of the value the parser is at, as {@link ProblemMappers#jsonPath} writes it. */
    private static String path(JsonParser parser) {
        List<String> parts = new ArrayList<>();
        JsonStreamContext context = parser.getParsingContext();
        if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
            // At a container's start the context is the container's own; its name is its parent's.
            context = context.getParent();
        }
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            parts.add(0, context.inArray() ? "[" + context.getCurrentIndex() + "]" : "." + context.getCurrentName());
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
