package com.partnernet.chassis.error;

/** One input is invalid in a way Bean Validation cannot see (e.g. an unknown sort key): a 400 naming the field. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
