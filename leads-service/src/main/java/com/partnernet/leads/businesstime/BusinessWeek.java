package com.partnernet.leads.businesstime;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of a week in which first contacts are counted: a shop's opening hours or a field team's working hours.
 * Overlapping intervals of a day are merged; an interval ending at 00:00 runs to midnight.
 */
public final class BusinessWeek {

    /** One interval of a day, as minutes since midnight (end exclusive, 1440 = midnight). */
    record Interval(int fromMinute, int toMinute) {
    }

    private static final Pattern PART = Pattern.compile(
            "\\s*([A-Z]+)(?:\\s*-\\s*([A-Z]+))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    private final Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);

    private BusinessWeek(Collection<OpeningInterval> intervals) {
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Interval> ofDay = new ArrayList<>();
            intervals.stream().filter(interval -> interval.day() == day)
                    .map(interval -> new Interval(minute(interval.opens()), interval.closes().equals(LocalTime.MIDNIGHT)
                            ? 24 * 60 : minute(interval.closes())))
                    .filter(interval -> interval.toMinute() > interval.fromMinute())
                    .sorted(Comparator.comparingInt(Interval::fromMinute))
                    .forEach(interval -> {
                        Interval last = ofDay.isEmpty() ? null : ofDay.get(ofDay.size() - 1);
                        if (last != null && interval.fromMinute() <= last.toMinute()) {
                            ofDay.set(ofDay.size() - 1, new Interval(last.fromMinute(),
                                    Math.max(last.toMinute(), interval.toMinute())));
                        } else {
                            ofDay.add(interval);
                        }
                    });
            days.put(day, List.copyOf(ofDay));
        }
    }

    /** The week of these intervals, or {@code fallback} when they hold no hours at all. */
    public static BusinessWeek of(Collection<OpeningInterval> intervals, BusinessWeek fallback) {
        BusinessWeek week = new BusinessWeek(intervals == null ? List.of() : intervals);
        return week.isEmpty() ? fallback : week;
    }

    /**
     * A week written as {@code MONDAY-FRIDAY 10:00-19:00; SATURDAY 10:00-16:00} (days as {@link DayOfWeek} names, a
     * range or a single day, each part one interval).
     *
     * @throws IllegalArgumentException if a part is not of that form or the week has no hours
     */
    public static BusinessWeek parse(String text) {
        List<OpeningInterval> intervals = new ArrayList<>();
        for (String part : text.split(";")) {
            Matcher matcher = PART.matcher(part);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a day (range) with hours, e.g. MONDAY-FRIDAY 10:00-19:00: " + part);
            }
            DayOfWeek first = DayOfWeek.valueOf(matcher.group(1));
            DayOfWeek last = matcher.group(2) == null ? first : DayOfWeek.valueOf(matcher.group(2));
            LocalTime opens = LocalTime.parse(pad(matcher.group(3)));
            LocalTime closes = LocalTime.parse(pad(matcher.group(4)));
            for (int day = first.getValue(); day <= last.getValue(); day++) {
                intervals.add(new OpeningInterval(DayOfWeek.of(day), opens, closes));
            }
        }
        BusinessWeek week = new BusinessWeek(intervals);
        if (week.isEmpty()) {
            throw new IllegalArgumentException("a business week needs some hours: " + text);
        }
        return week;
    }

    List<Interval> on(DayOfWeek day) {
        return days.get(day);
    }

    boolean isEmpty() {
        return days.values().stream().allMatch(List::isEmpty);
    }

    private static int minute(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}
