package com.partnernet.leads.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnernet.leads.campaign.CampaignStatus;
import com.partnernet.leads.vocabulary.DeclineReason;

/**
 * How a campaign's pilot fares: its leads, how fast shops call, and pilot shops against control shops.
 * <p>
 * Pilot shops are measured on this campaign's leads, control shops on all leads they got in the same period (they
 * get none of the campaign's). Conversion is won leads per assigned lead. Declines are counted per shop and reason; a
 * shop that declines much of what it is given is named in {@code declineWarnings}.
 */
public record PilotEvaluation(
        UUID campaignId,
        String campaign,
        CampaignStatus status,
        LocalDate from,
        LocalDate to,
        Leads leads,
        FirstContact firstContact,
        List<ShopResult> shops,
        Group pilot,
        Group control,
        Uplift uplift,
        Recommendation recommendation,
        String rule,
        String footfall,
        List<String> declineWarnings) {

    public enum Recommendation {
        ROLL_OUT,
        CONTINUE_PILOT,
        STOP
    }

    /** The campaign's leads by what became of them. */
    public record Leads(long received, long assigned, long unrouted, long rejectedNoConsent, long duplicates) {
    }

    /** Hours from assignment to the shop's first contact, over the campaign's contacted leads. */
    public record FirstContact(long contacted, Double averageHours, Double medianHours) {
    }

    /**
     * @param assigned leads it holds (declined ones went on to another shop)
     * @param declined leads it declined; {@code declinedPercent} of all it was given (held and declined)
     */
    public record ShopResult(UUID shopId, String name, String group, long assigned, long contacted, long won, long lost,
            Double conversionPercent, Long visitors, long declined, Double declinedPercent) {
    }

    /**
     * A group's totals; {@code wonPer1000Visitors} only where every shop of the group has footfall; its shops' declines
     * by reason.
     */
    public record Group(int shops, long assigned, long won, Double conversionPercent, Double wonPerShop, Long visitors,
            Double wonPer1000Visitors, Map<DeclineReason, Long> declines) {
    }

    /**
     * Pilot conversion minus control conversion in percentage points, with its confidence interval (normal
     * approximation) and the two-proportion z-test (pooled) against "no difference".
     */
    public record Uplift(double percentagePoints, Double relativePercent, double confidenceLevel, double lowerPercentagePoints,
            double upperPercentagePoints, double zScore, double pValue) {
    }
}
