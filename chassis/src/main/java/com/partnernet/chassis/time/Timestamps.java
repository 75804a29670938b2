package com.partnernet.chassis.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Now, at the precision PostgreSQL stores (microseconds): a timestamp an event carries straight from memory then
 * equals the one the API later reads back from the database. And the business's calendar: the network sells in
 * Germany, so its days, weeks and years are Berlin's, whatever zone a host or pod runs in.
 */
public final class Timestamps {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Berlin");

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The business day it is now: after midnight in Berlin it is already tomorrow, though still today in UTC. */
    public static LocalDate today() {
        return LocalDate.now(BUSINESS_ZONE);
    }
}
