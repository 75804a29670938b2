package com.partnernet.leads.businesstime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Business time worked out by hand: opening hours, public holidays per federal state, summer time. */
class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final PublicHolidays HOLIDAYS = new PublicHolidays();
    private static final Duration EIGHT_HOURS = Duration.ofHours(8);
    private static final BusinessWeek SHOP = BusinessWeek.parse("MONDAY-FRIDAY 09:00-18:00; SATURDAY 10:00-20:00");

    @Test
    void aLeadOnSaturdayEveningInNordrheinWestfalenWaitsOverAllSaintsButNotInHamburg() {
        // Saturday 30 October 2027, 19:55 summer time: five minutes before closing. Sunday is closed (and summer time
        // ends that night); Monday 1 November is All Saints, a holiday in Nordrhein-Westfalen, a working day in Hamburg.
        Instant assigned = berlin("2027-10-30T19:55");
        assertEquals(Instant.parse("2027-10-30T17:55:00Z"), assigned);

        Instant dueInCologne = calendar(SHOP, "DE-NW").plus(assigned, EIGHT_HOURS);
        Instant dueInHamburg = calendar(SHOP, "DE-HH").plus(assigned, EIGHT_HOURS);

        // 5 minutes on Saturday, then 7 h 55 min from 09:00 on the next working day, in winter time (UTC+1).
        assertEquals(berlin("2027-11-02T16:55"), dueInCologne);
        assertEquals(Instant.parse("2027-11-02T15:55:00Z"), dueInCologne);
        assertEquals(berlin("2027-11-01T16:55"), dueInHamburg);
        assertEquals(EIGHT_HOURS, calendar(SHOP, "DE-NW").between(assigned, dueInCologne));
    }

    @Test
    void aShopClosedOnWednesdayAfternoonsCountsOnlyItsMorning() {
        BusinessWeek week = BusinessWeek.parse("MONDAY-TUESDAY 09:00-18:00; WEDNESDAY 09:00-13:00; THURSDAY-FRIDAY 09:00-18:00");
        // Wednesday 10 March 2027, 12:00: one hour left that day, seven on Thursday from 09:00.
        assertEquals(berlin("2027-03-11T16:00"), calendar(week, "DE-HH").plus(berlin("2027-03-10T12:00"), EIGHT_HOURS));
        // Assigned after closing on Wednesday: the clock starts on Thursday morning.
        assertEquals(berlin("2027-03-11T17:00"), calendar(week, "DE-HH").plus(berlin("2027-03-10T14:30"), EIGHT_HOURS));
    }

    @Test
    void openingTimesStayLocalAcrossTheChangeToSummerTime() {
        BusinessWeek weekdays = BusinessWeek.parse("MONDAY-FRIDAY 09:00-18:00");
        // Friday 27 March 2026, 17:00 winter time; summer time starts on Sunday 29 March. One hour on Friday, seven from
        // Monday 09:00 summer time: 16:00 local is 14:00 UTC (counting in UTC would say 15:00).
        assertEquals(Instant.parse("2026-03-30T14:00:00Z"),
                calendar(weekdays, "DE-BY").plus(Instant.parse("2026-03-27T16:00:00Z"), EIGHT_HOURS));
        // In 2027 that weekend is Easter: Good Friday and Easter Monday are closed everywhere, so a lead of Thursday
        // 17:00 has one hour that day and seven from Tuesday 09:00.
        assertEquals(berlin("2027-03-30T16:00"), calendar(weekdays, "DE-BY").plus(berlin("2027-03-25T17:00"), EIGHT_HOURS));
    }

    @Test
    void theNightOfAChangeOfTimeIsAsLongAsItReallyIs() {
        BusinessWeek allDay = BusinessWeek.parse("MONDAY-SUNDAY 00:00-00:00");
        // The night into summer time has 23 hours: eight business hours from Sunday 00:00 end at 09:00 local.
        assertEquals(berlin("2027-03-28T09:00"), calendar(allDay, null).plus(berlin("2027-03-28T00:00"), EIGHT_HOURS));
        // The night back has 25: they end at 07:00 local.
        assertEquals(berlin("2027-10-31T07:00"), calendar(allDay, null).plus(berlin("2027-10-31T00:00"), EIGHT_HOURS));
    }

    @Test
    void timeLeftIsTheOpenHoursUntilTheDueTimeAndNegativeOncePassed() {
        BusinessCalendar calendar = calendar(SHOP, "DE-HE");
        Instant due = berlin("2027-03-11T10:00");
        // Wednesday 17:00 → Thursday 10:00: one hour on Wednesday, one on Thursday; the closed night does not count.
        assertEquals(Duration.ofHours(2), calendar.between(berlin("2027-03-10T17:00"), due));
        assertEquals(Duration.ofMinutes(-90), calendar.between(berlin("2027-03-11T11:30"), due));
        assertEquals(Duration.ZERO, calendar.between(berlin("2027-03-10T20:00"), berlin("2027-03-11T08:00")));
    }

    @Test
    void holidaysDifferPerFederalStateAndTheNationwideOnesHoldEverywhere() {
        assertTrue(HOLIDAYS.in("DE-NW").test(LocalDate.of(2027, 11, 1)));
        assertFalse(HOLIDAYS.in("DE-HH").test(LocalDate.of(2027, 11, 1)));
        assertTrue(HOLIDAYS.in("DE-HH").test(LocalDate.of(2027, 10, 31)), "Reformation Day in Hamburg since 2018");
        assertTrue(HOLIDAYS.in("DE-BY").test(LocalDate.of(2027, 1, 6)), "Epiphany in Bavaria");
        assertFalse(HOLIDAYS.in(null).test(LocalDate.of(2027, 1, 6)));
        for (String state : List.of("DE-BE", "DE-NW", "DE-SN")) {
            assertTrue(HOLIDAYS.in(state).test(LocalDate.of(2027, 10, 3)), "German Unity Day in " + state);
            assertTrue(HOLIDAYS.in(state).test(LocalDate.of(2027, 12, 25)));
        }
        assertTrue(HOLIDAYS.in(null).test(LocalDate.of(2027, 5, 17)), "Whit Monday 2027");
    }

    @Test
    void aWeekIsWrittenAsDayRangesWithHoursAndOverlapsMerge() {
        BusinessWeek week = BusinessWeek.parse("MONDAY 09:00-12:00; MONDAY 11:00-13:00; TUESDAY 9:00-10:00");
        // Monday 2027-03-08: 09:00-13:00 merged is four hours, then Tuesday 09:00-10:00.
        assertEquals(berlin("2027-03-09T10:00"), calendar(week, null).plus(berlin("2027-03-08T08:00"), Duration.ofHours(5)));
        assertThrows(IllegalArgumentException.class, () -> BusinessWeek.parse("weekdays 9-5"));
        assertThrows(IllegalArgumentException.class, () -> BusinessWeek.parse("MONDAY 10:00-09:00"));
        assertEquals(SHOP, BusinessWeek.of(List.of(), SHOP), "no opening hours: the default week");
    }

    private static BusinessCalendar calendar(BusinessWeek week, String state) {
        return new BusinessCalendar(week, HOLIDAYS.in(state), BERLIN);
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
