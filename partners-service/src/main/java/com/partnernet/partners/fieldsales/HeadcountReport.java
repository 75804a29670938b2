package com.partnernet.partners.fieldsales;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

/**
 * Planned against actual headcount of the field teams, per city and month and in total. Actual is the reps working
 * on the month's last day; {@code gap} is actual minus planned.
 *
 * @param partnerId the direct sales partner, or null for all
 * @param internalPoolSharePercent share of reps from the internal pool among the reps working at the end of {@code to}
 */
public record HeadcountReport(
        @Nullable UUID partnerId,
        YearMonth from,
        YearMonth to,
        List<City> cities,
        List<Month> total,
        @Nullable Double internalPoolSharePercent) {

    public record City(UUID teamId, String city, String team, LocalDate liveFrom, FieldTeamStatus status,
            List<Month> months) {
    }

    /** One month: planned (null without a plan), actual, gap, and where the actual reps came from. */
    public record Month(YearMonth month, @Nullable Integer planned, int actual, @Nullable Integer gap, int internalPool, int external,
            @Nullable Double internalPoolSharePercent) {
    }
}
