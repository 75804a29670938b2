package com.partnernet.partners.remodel;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Where the remodel programme stands in a year, for the network or one partner ("34 done, 90 by year end, first
 * dates for next year set"). Goal and gaps are network-wide figures and absent in a partner's report.
 *
 * @param remainingToGoal goal minus completed: still to be done this year
 * @param unscheduledGap goal minus completed, in progress and planned this year: still to be scheduled
 * @param firstBookedNextYear the earliest planned start next year, if any
 */
public record ProgrammeReport(
        int year,
        UUID partnerId,
        Integer goal,
        long completed,
        long inProgress,
        long plannedThisYear,
        Integer remainingToGoal,
        Integer unscheduledGap,
        long bookedNextYear,
        LocalDate firstBookedNextYear) {
}
