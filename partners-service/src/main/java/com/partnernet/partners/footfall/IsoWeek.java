package com.partnernet.partners.footfall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An ISO 8601 week ({@code 2021-W07}): Monday to Sunday, week 1 holds the year's first Thursday. */
@Schema(type = SchemaType.STRING, pattern = IsoWeek.PATTERN, description = "An ISO week, e.g. 2021-W07")
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    /** The text form, for Bean Validation of raw input. */
    public static final String PATTERN = "\\d{4}-W\\d{2}";
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        if (week < 1 || week > weeksIn(year)) {
            throw new IllegalArgumentException(year + " has ISO weeks 1 to " + weeksIn(year) + ", not " + week);
        }
    }

    /** @throws IllegalArgumentException for text that is not an ISO week, or a week the year does not have */
    @JsonCreator
    public static IsoWeek parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("must be an ISO week like 2021-W07");
        }
        return new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** The week a day falls in. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** 52 or 53: the week of 28 December is always a year's last. */
    public static int weeksIn(int year) {
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    public IsoWeek plusWeeks(long weeks) {
        return of(monday().plusWeeks(weeks));
    }

    /** The week with the same number in another year; none when that year has no week 53. */
    public Optional<IsoWeek> sameWeekIn(int otherYear) {
        return week <= weeksIn(otherYear) ? Optional.of(new IsoWeek(otherYear, week)) : Optional.empty();
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday().compareTo(other.monday());
    }

    @JsonValue
    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
