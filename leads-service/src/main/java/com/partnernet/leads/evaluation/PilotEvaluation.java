package com.partnernet.leads.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.leads.campaign.CampaignStatus;
import com.partnernet.leads.vocabulary.DeclineReason;

/**
 * Did the campaign bring its pilot shops more business than comparable shops without it? A difference-in-differences
 * of the shops' weekly sales before and during the pilot, with how alike the groups were before, the quality of the
 * leads each group got, and a recommendation by a stated rule — or, with too little to go on, what cannot be
 * concluded.
 *
 * @param conclusive false when the data cannot carry a verdict ({@code cannotConclude} says why); the recommendation
 *        is then CONTINUE_PILOT
 * @param method how the estimate and its interval are computed
 * @param estimates the difference-in-differences per outcome; the first is the one the recommendation is on
 * @param leads what became of the campaign's leads
 * @param sources where sales and footfall came from, or why they are missing
 */
public record PilotEvaluation(
        UUID campaignId,
        String campaign,
        CampaignStatus status,
        Recommendation recommendation,
        boolean conclusive,
        List<String> cannotConclude,
        String rule,
        String method,
        Periods periods,
        List<Estimate> estimates,
        Comparability comparability,
        LeadQuality pilotLeads,
        LeadQuality controlLeads,
        Leads leads,
        List<ShopResult> shops,
        Sources sources,
        List<String> declineWarnings) {

    public enum Recommendation {
        ROLL_OUT,
        CONTINUE_PILOT,
        STOP
    }

    /** What is compared per shop and week: units sold (won leads and recorded sales), per 1,000 visitors or as they are. */
    public enum Outcome {
        UNITS_PER_1000_VISITORS,
        UNITS_PER_WEEK
    }

    /** The weeks (Monday to Sunday) before the pilot and during it, up to the last complete week. */
    public record Periods(Period before, Period during) {
    }

    public record Period(@Nullable LocalDate from, @Nullable LocalDate to, int weeks) {
    }

    /**
     * Pilot minus control in the change of the outcome from before to during the pilot, with its interval.
     *
     * @param difference in the outcome's unit per shop and week
     * @param relativePercent the difference against what the pilot shops would have had without the campaign (their
     *        level before plus the control shops' change)
     */
    public record Estimate(Outcome outcome, GroupChange pilot, GroupChange control, double difference,
            @Nullable Double relativePercent, double confidenceLevel, double lower, double upper, double standardError,
            double degreesOfFreedom) {
    }

    /** A group's mean outcome per shop and week before and during the pilot, over the shops that count. */
    public record GroupChange(int shops, double before, double during, double change) {
    }

    /**
     * How alike pilot and control shops were before the pilot.
     *
     * @param comparable false when their outcomes did not move alike before the pilot (then no verdict)
     * @param footfall null without footfall
     */
    public record Comparability(boolean comparable, List<String> warnings, @Nullable Balance outcome, @Nullable Balance footfall) {
    }

    /**
     * One measure's level (mean per shop and week) and trend (mean of each shop's slope, per week) in both groups
     * before the pilot; the trend difference (pilot minus control) with its interval.
     */
    public record Balance(String measure, double pilotLevel, double controlLevel, @Nullable Double levelDifferencePercent,
            double pilotTrend, double controlTrend, double trendDifference, @Nullable Double trendLower, @Nullable Double trendUpper) {
    }

    /**
     * The leads a group's shops got during the pilot (pilot shops: the campaign's; control shops: all of theirs).
     * Conversion counts matured leads only — closed, or assigned long enough ago — so younger leads do not pull it down.
     *
     * @param medianHoursToFirstContact wall-clock hours from assignment, over contacted leads
     */
    public record LeadQuality(long leads, long matured, long won, @Nullable Double maturedConversionPercent, long contacted,
            @Nullable Double medianHoursToFirstContact, long declined, Map<DeclineReason, Long> declines, @Nullable String note) {
    }

    /** The campaign's leads by what became of them. */
    public record Leads(long received, long assigned, long unrouted, long rejectedNoConsent, long duplicates) {
    }

    /**
     * One shop: its outcome before and during the pilot (the recommendation's outcome), its leads, and whether it
     * counts in the estimate.
     *
     * @param excluded why the shop is left out of the estimate; null when it counts
     */
    public record ShopResult(UUID shopId, @Nullable String name, String group, @Nullable Double before, @Nullable Double during, @Nullable Double change,
            @Nullable String excluded, long leads, long matured, long won, @Nullable Double maturedConversionPercent, long declined,
            @Nullable Double declinedPercent) {
    }

    public record Sources(String sales, String footfall) {
    }
}
