package com.partnernet.chassis.web;

import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Locale;

import com.partnernet.chassis.error.InvalidRequestException;

/** A query's {@code from}–{@code to} range, checked alike everywhere: the client's mistake is named on {@code to}. */
public final class QueryRange {

    private QueryRange() {
    }

    /** {@code to} not before {@code from}, and at most {@code most} {@code unit}s from one to the other, both counted. */
    public static <T extends Temporal & Comparable<? super T>> void require(T from, T to, ChronoUnit unit, long most) {
        if (to.compareTo(from) < 0) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        long span = unit.between(from, to) + 1;
        if (span > most) {
            throw new InvalidRequestException("to", "a range spans at most " + most + " "
                    + unit.name().toLowerCase(Locale.ROOT) + ", not " + span);
        }
    }
}
