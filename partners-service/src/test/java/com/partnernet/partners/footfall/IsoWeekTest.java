package com.partnernet.partners.footfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** ISO weeks as footfall counts them, around the turns of the year, without a database. */
class IsoWeekTest {

    @Test
    void theDaysAroundNewYearBelongToTheWeekOfTheirThursday() {
        assertEquals(new IsoWeek(2020, 53), IsoWeek.of(LocalDate.of(2021, 1, 3)));
        assertEquals(new IsoWeek(2021, 1), IsoWeek.of(LocalDate.of(2021, 1, 4)));
        assertEquals(new IsoWeek(2025, 1), IsoWeek.of(LocalDate.of(2024, 12, 30)));
        assertEquals(LocalDate.of(2024, 12, 30), new IsoWeek(2025, 1).monday());
    }

    @Test
    void aYearHas52Or53WeeksAndNoOther() {
        assertEquals(53, IsoWeek.weeksIn(2020));
        assertEquals(52, IsoWeek.weeksIn(2021));
        assertEquals(53, IsoWeek.weeksIn(2026));
        assertThrows(IllegalArgumentException.class, () -> new IsoWeek(2021, 53));
        assertThrows(IllegalArgumentException.class, () -> new IsoWeek(2021, 0));
    }

    @Test
    void weeksReadAndWriteAsYearWWeekAndCountAcrossYears() {
        assertEquals(new IsoWeek(2021, 7), IsoWeek.parse(" 2021-W07 "));
        assertEquals("2021-W07", new IsoWeek(2021, 7).toString());
        assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse("2021-7"));
        assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse(null));
        assertEquals(new IsoWeek(2021, 1), new IsoWeek(2020, 52).plusWeeks(2));
        assertTrue(new IsoWeek(2020, 53).compareTo(new IsoWeek(2021, 1)) < 0);
        assertEquals(Optional.empty(), new IsoWeek(2020, 53).sameWeekIn(2021));
        assertEquals(Optional.of(new IsoWeek(2021, 10)), new IsoWeek(2020, 10).sameWeekIn(2021));
    }
}
