package com.partnernet.chassis.event;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A record that can never be processed, however often it is retried: it belongs in the dead-letter topic,
 * with this message as the reason, and the consumer moves on.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason);
    }

    /** A short reason without Jackson's echo of the input (which may hold personal data). */
    public static String describe(Exception e) {
        if (e instanceof JsonProcessingException jsonError) {
            return jsonError.getOriginalMessage();
        }
        return e.getMessage();
    }
}
