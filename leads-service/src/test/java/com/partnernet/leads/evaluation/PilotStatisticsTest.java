package com.partnernet.leads.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The pilot's uplift and recommendation, checked against figures worked out by hand. */
class PilotStatisticsTest {

    @Test
    void upliftIsThePilotMinusControlConversionWithANormalIntervalAndAPooledZTest() {
        // 60 of 200 (30 %) against 40 of 200 (20 %): +10 points; SE = sqrt(.3*.7/200 + .2*.8/200) = 0.043012;
        // 95 %: ±1.959964 * SE = ±8.43 points; pooled p = .25, SE0 = sqrt(.25*.75*(2/200)) = 0.043301, z = 2.3094.
        PilotEvaluation.Uplift uplift = PilotStatistics.uplift(group(200, 60), group(200, 40), 0.95);
        assertEquals(10.0, uplift.percentagePoints());
        assertEquals(50.0, uplift.relativePercent());
        assertEquals(1.57, uplift.lowerPercentagePoints());
        assertEquals(18.43, uplift.upperPercentagePoints());
        assertEquals(2.309, uplift.zScore());
        assertEquals(0.0209, uplift.pValue());
    }

    @Test
    void noUpliftWithoutLeadsInBothGroupsAndNoRelativeUpliftOverAZeroControl() {
        assertNull(PilotStatistics.uplift(group(10, 2), group(0, 0), 0.95));
        assertNull(PilotStatistics.uplift(group(10, 2), group(10, 0), 0.95).relativePercent());
    }

    @Test
    void theRecommendationFollowsTheIntervalOnceBothGroupsHaveEnoughLeads() {
        PilotEvaluation.Uplift better = PilotStatistics.uplift(group(200, 60), group(200, 40), 0.95);
        PilotEvaluation.Uplift worse = PilotStatistics.uplift(group(200, 40), group(200, 60), 0.95);
        PilotEvaluation.Uplift unclear = PilotStatistics.uplift(group(200, 42), group(200, 40), 0.95);
        assertEquals(PilotEvaluation.Recommendation.ROLL_OUT,
                PilotStatistics.recommend(group(200, 60), group(200, 40), better, 100));
        assertEquals(PilotEvaluation.Recommendation.STOP, PilotStatistics.recommend(group(200, 40), group(200, 60), worse, 100));
        assertEquals(PilotEvaluation.Recommendation.CONTINUE_PILOT,
                PilotStatistics.recommend(group(200, 42), group(200, 40), unclear, 100));
        assertEquals(PilotEvaluation.Recommendation.CONTINUE_PILOT,
                PilotStatistics.recommend(group(200, 60), group(200, 40), better, 201));
        assertEquals(PilotEvaluation.Recommendation.CONTINUE_PILOT, PilotStatistics.recommend(group(1, 1), group(0, 0), null, 1));
    }

    private static PilotEvaluation.Group group(long assigned, long won) {
        return new PilotEvaluation.Group(4, assigned, won, null, null, null, null, Map.of());
    }
}
