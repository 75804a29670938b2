package com.partnernet.chassis.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Now, at the precision PostgreSQL stores (microseconds): a timestamp an event carries straight from memory then
 * equals the one the API later reads back from the database.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
