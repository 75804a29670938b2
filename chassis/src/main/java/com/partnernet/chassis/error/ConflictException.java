package com.partnernet.chassis.error;

/** The request is well-formed but contradicts the current state, e.g. an invalid status transition (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
