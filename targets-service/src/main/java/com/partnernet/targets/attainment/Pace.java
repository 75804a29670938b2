package com.partnernet.targets.attainment;

import java.math.BigDecimal;

import org.jetbrains.annotations.Nullable;

import com.partnernet.targets.annualtarget.ProductLine;

/**
 * Attainment and pace of one product line (or all, {@code productLine} null) over a period.
 *
 * @param targetUnits the effective target of the period
 * @param percentage sold against the effective target; null without a target
 * @param expectedToDate the effective target from the period's start to the as-of day: the seasonal curve's pace
 * @param paceRatio sold against expected to date, rounded to three places; null while nothing is expected yet
 * @param projection where the period ends at this pace: sold / expected × target
 * @param status ON_TRACK (exact pace ratio ≥ 0.95), AT_RISK (≥ 0.80), OFF_TRACK (below); ON_TRACK while nothing is
 *        expected
 */
public record Pace(@Nullable ProductLine productLine, BigDecimal targetUnits, long soldUnits, @Nullable Double percentage,
        BigDecimal expectedToDate, @Nullable Double paceRatio, BigDecimal projection, Status status) {

    public enum Status {
        ON_TRACK,
        AT_RISK,
        OFF_TRACK
    }

    static final double ON_TRACK_FROM = 0.95;
    static final double AT_RISK_FROM = 0.80;
    private static final double NOISE = 1e-9;

    static Pace of(ProductLine productLine, double target, long sold, double expected) {
        // The bands judge the exact ratio; rounding is for display only (94.96 % is not on track). Only the floating-point
        // noise of summing day fractions (225 expected arriving as 225.00000000000003) is no difference.
        Double ratio = expected > 0 ? sold / expected : null;
        Status status = ratio == null || ratio >= ON_TRACK_FROM - NOISE ? Status.ON_TRACK
                : ratio >= AT_RISK_FROM - NOISE ? Status.AT_RISK : Status.OFF_TRACK;
        double projection = expected > 0 ? sold / expected * target : sold;
        return new Pace(productLine, round(target), sold, target > 0 ? Math.round(sold * 1000.0 / target) / 10.0 : null,
                round(expected), ratio == null ? null : Math.round(ratio * 1000) / 1000.0, round(projection), status);
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
