package com.partnernet.targets.attainment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.partnernet.targets.annualtarget.ProductLine;

/** Pace against the expected-to-date figure, without a database. */
class PaceTest {

    @Test
    void pacePutsSalesAgainstWhatWasDueByNowAndProjectsTheYear() {
        Pace pace = Pace.of(ProductLine.TV, 1000, 450, 500);
        assertEquals(Pace.Status.AT_RISK, pace.status());
        assertEquals(0.9, pace.paceRatio());
        assertEquals(45.0, pace.percentage());
        assertEquals(new BigDecimal("900.00"), pace.projection());
        assertEquals(new BigDecimal("500.00"), pace.expectedToDate());
    }

    @Test
    void theStatusBandsAreOnTrackFrom95PercentAtRiskFrom80AndOffTrackBelow() {
        assertEquals(Pace.Status.ON_TRACK, Pace.of(ProductLine.TV, 1000, 480, 500).status());
        assertEquals(Pace.Status.ON_TRACK, Pace.of(ProductLine.TV, 1000, 475, 500).status());
        assertEquals(Pace.Status.AT_RISK, Pace.of(ProductLine.TV, 1000, 470, 500).status());
        assertEquals(Pace.Status.AT_RISK, Pace.of(ProductLine.TV, 1000, 400, 500).status());
        assertEquals(Pace.Status.OFF_TRACK, Pace.of(ProductLine.TV, 1000, 390, 500).status());
    }

    @Test
    void theBandsJudgeTheExactRatioNotTheRoundedOne() {
        Pace justShort = Pace.of(ProductLine.TV, 20_000, 9_496, 10_000);
        assertEquals(Pace.Status.AT_RISK, justShort.status());
        assertEquals(0.95, justShort.paceRatio(), "rounded for display only");
        assertEquals(Pace.Status.ON_TRACK, Pace.of(ProductLine.TV, 20_000, 9_500, 10_000).status());
        assertEquals(Pace.Status.OFF_TRACK, Pace.of(ProductLine.TV, 20_000, 7_998, 10_000).status());
        assertEquals(Pace.Status.AT_RISK, Pace.of(ProductLine.TV, 20_000, 8_000, 10_000).status());
        // 90 days at 2.5 a day summed as doubles: 225 with floating-point noise, 180 sold is still 80 %.
        assertEquals(Pace.Status.AT_RISK, Pace.of(ProductLine.TV, 1031, 180, 225.00000000000003).status());
    }

    @Test
    void nothingExpectedYetIsOnTrackWithoutARatio() {
        Pace pace = Pace.of(ProductLine.TV, 1000, 3, 0);
        assertEquals(Pace.Status.ON_TRACK, pace.status());
        assertNull(pace.paceRatio());
        assertEquals(new BigDecimal("3.00"), pace.projection());
        assertNull(Pace.of(ProductLine.TV, 0, 0, 0).percentage());
    }
}
