package com.partnernet.partners.remodel;

import java.time.LocalDate;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

/**
 * Where the remodel programme stands in a year, for the network or one partner ("34 done, 90 by year end, first
 * dates for next year set"). Goal, gaps and outlook are network-wide figures and absent in a partner's report.
 *
 * @param asOf the day the report looks from (today); dates before it have passed
 * @param inProgress running now, whenever they started
 * @param overrunning of those, past their planned end
 * @param plannedThisYear planned to start this year, from {@code asOf} on
 * @param overdue planned, but their start has passed and they have not started (this year's report: also older ones)
 * @param projectedByYearEnd completed, in progress, and planned to start on time and end within the year
 * @param outlook the goal against the projection ({@link ProgrammeOutlook})
 * @param remainingToGoal goal minus completed: still to be done this year
 * @param unscheduledGap goal minus completed, in progress, planned and overdue this year: still to be scheduled
 * @param firstBookedNextYear the earliest planned start next year, if any
 */
public record ProgrammeReport(
        int year,
        LocalDate asOf,
        @Nullable UUID partnerId,
        @Nullable Integer goal,
        long completed,
        long inProgress,
        long overrunning,
        long plannedThisYear,
        long overdue,
        long projectedByYearEnd,
        @Nullable ProgrammeOutlook outlook,
        @Nullable Integer remainingToGoal,
        @Nullable Integer unscheduledGap,
        long bookedNextYear,
        @Nullable LocalDate firstBookedNextYear) {
}
