package com.partnernet.leads.businesstime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Business time of one shop or team: its {@link BusinessWeek} in a time zone, without the days it is closed (public
 * holidays). Intervals are taken in local time and measured as real time, so an interval across a change to or from
 * summer time is an hour shorter or longer, and an 09:00 opening stays 09:00 on both sides of it.
 */
public final class BusinessCalendar {

    /** How far ahead business time is looked for: a week with hours has some within any year. */
    private static final int MAX_DAYS = 400;

    private final BusinessWeek week;
    private final Predicate<LocalDate> closedOn;
    private final ZoneId zone;

    public BusinessCalendar(BusinessWeek week, Predicate<LocalDate> closedOn, ZoneId zone) {
        this.week = week;
        this.closedOn = closedOn;
        this.zone = zone;
    }

    /**
     * The moment {@code businessTime} of open hours after {@code from} have passed (for none: the first open moment from
     * {@code from} on).
     */
    public Instant plus(Instant from, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + businessTime);
        }
        Duration left = businessTime;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Open open : openOn(day)) {
                Instant start = open.from().isAfter(from) ? open.from() : from;
                if (!open.to().isAfter(start)) {
                    continue;
                }
                Duration available = Duration.between(start, open.to());
                if (available.compareTo(left) >= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no business time within " + MAX_DAYS + " days of " + from);
    }

    /**
     * The open hours between two moments: positive when {@code to} is later, negative (the open hours since) when it
     * has passed.
     */
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration open = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        int days = 0;
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last) && days < MAX_DAYS; day = day.plusDays(1),
                days++) {
            for (Open interval : openOn(day)) {
                Instant start = interval.from().isAfter(from) ? interval.from() : from;
                Instant end = interval.to().isBefore(to) ? interval.to() : to;
                if (end.isAfter(start)) {
                    open = open.plus(Duration.between(start, end));
                }
            }
        }
        return open;
    }

    private record Open(Instant from, Instant to) {
    }

    private List<Open> openOn(LocalDate day) {
        if (closedOn.test(day)) {
            return List.of();
        }
        List<Open> open = new ArrayList<>();
        for (BusinessWeek.Interval interval : week.on(day.getDayOfWeek())) {
            open.add(new Open(at(day, interval.fromMinute()), at(day, interval.toMinute())));
        }
        return open;
    }

    /** A minute of a local day as an instant; a time the change to summer time skips is read an hour later. */
    private Instant at(LocalDate day, int minute) {
        return day.atStartOfDay().plusMinutes(minute).atZone(zone).toInstant();
    }
}
