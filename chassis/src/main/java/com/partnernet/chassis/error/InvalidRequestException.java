package com.partnernet.chassis.error;

import java.util.List;

import com.partnernet.chassis.web.Problem;

/**
 * Input that is invalid in ways Bean Validation cannot see (an unknown sort key, a code that names nothing): a 400
 * naming each field.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<Problem.Violation> violations;

    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.Violation(field, message)));
    }

    public InvalidRequestException(List<Problem.Violation> violations) {
        super(violations.isEmpty() ? "invalid request" : violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    /** The first field named, e.g. for a query parameter that did not convert. */
    public String field() {
        return violations.isEmpty() ? "" : violations.get(0).field();
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
