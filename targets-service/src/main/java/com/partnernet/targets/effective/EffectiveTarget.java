package com.partnernet.targets.effective;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.security.PersonalData;
import com.partnernet.targets.annualtarget.ProductLine;

/**
 * The target of a partner (or shop) and product line for a date range, and what shaped it.
 *
 * @param baseUnits the range's share of the annual target on the plain seasonal curve, before any rule
 * @param units the effective target: after waivers, scaling and closures
 * @param shapedBy how the range's days are shaped: the plain curve, each rule, each closure
 */
public record EffectiveTarget(
        UUID partnerId,
        @Nullable UUID shopId,
        ProductLine productLine,
        LocalDate from,
        LocalDate to,
        BigDecimal baseUnits,
        BigDecimal units,
        List<Shaping> shapedBy) {

    /**
     * A group of days of the range and what decided their target.
     *
     * @param kind CURVE (no rule), WAIVE, SCALE or PRORATE (the shop was closed)
     * @param units the target these days carry now
     * @param baseUnits what they would carry on the plain curve
     */
    public record Shaping(String kind, @Nullable UUID ruleId, @Nullable String scope, @Nullable UUID shopId, LocalDate from, LocalDate to, int days,
            BigDecimal units, BigDecimal baseUnits, @Nullable String reason, @PersonalData @Nullable String author) {
    }
}
