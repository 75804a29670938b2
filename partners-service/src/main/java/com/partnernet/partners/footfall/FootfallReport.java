package com.partnernet.partners.footfall;

import java.time.LocalDate;
import java.util.List;

import org.jetbrains.annotations.Nullable;

/**
 * Weekly footfall of a scope against a baseline year.
 * <p>
 * Percentages compare like for like: only shops that counted in both weeks compared, so a shop that did not report
 * (or did not exist) in one of them does not look like a drop or a jump. A shop is expected to report every week
 * unless it is closed for good; a week where an expected shop has no count is flagged {@code missing}.
 *
 * @param shopsInScope shops the scope holds (closed ones included: their past counts still add up)
 * @param summary the whole range at once
 */
public record FootfallReport(
        FootfallScope scope,
        IsoWeek from,
        IsoWeek to,
        @Nullable Integer baselineYear,
        int shopsInScope,
        Summary summary,
        List<Week> weeks) {

    /**
     * @param visitors the counted visitors of all reporting shops; null when none reported
     * @param baselineVisitors the same ISO week of the baseline year; null without baseline or counts
     * @param vsBaselinePercent change against the baseline week, like for like, one decimal ("-20.0")
     * @param weekOverWeekPercent change against the week before, like for like
     * @param rollingFourWeekAverage mean of the weekly totals of this and the three weeks before, over those
     *        weeks that have counts
     */
    public record Week(
            IsoWeek week,
            LocalDate weekStart,
            @Nullable Long visitors,
            int reportingShops,
            int missingShops,
            boolean missing,
            @Nullable Long baselineVisitors,
            @Nullable Double vsBaselinePercent,
            @Nullable Double weekOverWeekPercent,
            @Nullable Double rollingFourWeekAverage) {
    }

    /**
     * @param vsBaselinePercent the range against the same weeks of the baseline year, like for like per shop and week
     * @param missingWeeks weeks flagged missing
     */
    public record Summary(long visitors, @Nullable Double vsBaselinePercent, int missingWeeks) {
    }
}
