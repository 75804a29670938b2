package com.partnernet.chassis.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.error.InvalidRequestException;

/** A query's from–to range, without a server. */
class QueryRangeTest {

    @Test
    void toMayNotComeBeforeFromAndTheRangeCountsBothEnds() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        assertDoesNotThrow(() -> QueryRange.require(monday, monday, ChronoUnit.WEEKS, 1));
        InvalidRequestException backwards = assertThrows(InvalidRequestException.class,
                () -> QueryRange.require(monday, monday.minusDays(1), ChronoUnit.DAYS, 10));
        assertEquals("to", backwards.field());
        assertEquals("must not be before from", backwards.getMessage());
        assertDoesNotThrow(() -> QueryRange.require(YearMonth.of(2026, 1), YearMonth.of(2026, 12), ChronoUnit.MONTHS, 12));
        assertEquals("a range spans at most 12 months, not 13", assertThrows(InvalidRequestException.class,
                () -> QueryRange.require(YearMonth.of(2026, 1), YearMonth.of(2027, 1), ChronoUnit.MONTHS, 12)).getMessage());
    }
}
