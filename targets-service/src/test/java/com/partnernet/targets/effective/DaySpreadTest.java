package com.partnernet.targets.effective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.targets.annualtarget.ProductLine;
import com.partnernet.targets.annualtarget.Target;
import com.partnernet.targets.closure.ShopClosure;
import com.partnernet.targets.rule.PeriodRule;

/** How a target's year is spread over its days, and which rule decides a day, without a database. */
class DaySpreadTest {

    private static final int YEAR = 2026;
    private static final LocalDate JULY_1 = LocalDate.of(YEAR, 7, 1);
    private static final double[] FLAT = flat(365);

    @Test
    void theCurveSpreadsTheAnnualUnitsByTheDayWeights() {
        double[] weights = flat(365);
        Arrays.fill(weights, 181, 365, 2.0);
        List<DaySpread.Day> days = DaySpread.days(target(1098, null), YEAR, weights, List.of(), List.of());
        assertEquals(365, days.size());
        assertEquals(1098, total(days, 1, 365), 1e-9);
        // 181 days of weight 1 and 184 of weight 2: 549 weight units, 2 target units each.
        assertEquals(2.0, days.get(0).units(), 1e-9);
        assertEquals(4.0, days.get(364).units(), 1e-9);
        assertEquals("CURVE", days.get(0).kind());
    }

    @Test
    void waivingTheFirstHalfAndScalingTheSecondTo50PercentLeavesHalfTheTargetInTheSecondHalf() {
        PeriodRule waiveH1 = rule(PeriodRule.Scope.NETWORK, PeriodRule.Type.WAIVE, LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 6, 30), null, 1);
        PeriodRule halfH2 = rule(PeriodRule.Scope.NETWORK, PeriodRule.Type.SCALE, JULY_1, LocalDate.of(YEAR, 12, 31), 50, 2);
        List<DaySpread.Day> days = DaySpread.days(target(730, null), YEAR, FLAT, List.of(waiveH1, halfH2), List.of());
        assertEquals(0, total(days, 1, 181), 1e-9);
        assertEquals(365, total(days, 182, 365), 1e-9);
        assertEquals("WAIVE", days.get(0).kind());
        assertEquals("SCALE", days.get(181).kind());
        assertEquals(730, days.stream().mapToDouble(DaySpread.Day::base).sum(), 1e-9);
    }

    @Test
    void theMostSpecificScopeWinsAndWithinAScopeTheRuleAddedLast() {
        PeriodRule shopScale = rule(PeriodRule.Scope.SHOP, PeriodRule.Type.SCALE, JULY_1, JULY_1, 10, 1);
        PeriodRule partnerWaive = rule(PeriodRule.Scope.PARTNER, PeriodRule.Type.WAIVE, JULY_1, JULY_1, null, 2);
        PeriodRule networkWaive = rule(PeriodRule.Scope.NETWORK, PeriodRule.Type.WAIVE, JULY_1, JULY_1, null, 3);
        DaySpread.Day july1 = dayOf(DaySpread.days(target(365, UUID.randomUUID()), YEAR, FLAT,
                List.of(networkWaive, shopScale, partnerWaive), List.of()), JULY_1);
        assertEquals(shopScale, july1.rule());
        assertEquals(36.5, july1.units(), 1e-9);

        PeriodRule olderScale = rule(PeriodRule.Scope.PARTNER, PeriodRule.Type.SCALE, JULY_1, JULY_1, 10, 4);
        PeriodRule newerWaive = rule(PeriodRule.Scope.PARTNER, PeriodRule.Type.WAIVE, JULY_1, JULY_1, null, 5);
        assertEquals(newerWaive, dayOf(DaySpread.days(target(365, null), YEAR, FLAT, List.of(newerWaive, olderScale),
                List.of()), JULY_1).rule());
    }

    @Test
    void aClosureOfTheShopOutranksEveryRuleUntilTheDayItReopens() {
        PeriodRule shopScale = rule(PeriodRule.Scope.SHOP, PeriodRule.Type.SCALE, JULY_1, LocalDate.of(YEAR, 7, 31), 20, 1);
        ShopClosure closure = new ShopClosure();
        closure.id = UUID.randomUUID();
        closure.closedFrom = LocalDate.of(YEAR, 7, 10);
        closure.reopenedOn = LocalDate.of(YEAR, 7, 20);
        closure.reason = "flood";
        List<DaySpread.Day> days = DaySpread.days(target(365, UUID.randomUUID()), YEAR, FLAT, List.of(shopScale),
                List.of(closure));
        assertEquals("PRORATE", dayOf(days, LocalDate.of(YEAR, 7, 10)).kind());
        assertEquals(0, dayOf(days, LocalDate.of(YEAR, 7, 19)).units());
        assertEquals("flood", dayOf(days, LocalDate.of(YEAR, 7, 19)).reason());
        assertEquals("SCALE", dayOf(days, LocalDate.of(YEAR, 7, 20)).kind());
        assertEquals(1.0, dayOf(days, LocalDate.of(YEAR, 6, 30)).units(), 1e-9);
    }

    @Test
    void aYearThatWeighsNothingCarriesNothing() {
        List<DaySpread.Day> days = DaySpread.days(target(100, null), YEAR, new double[365], List.of(), List.of());
        assertEquals(0, total(days, 1, 365));
    }

    private static Target target(int units, UUID shopId) {
        Target target = Target.of(UUID.randomUUID(), shopId, YEAR, ProductLine.TV);
        target.set(units, "test", "plan", Instant.parse("2026-01-02T08:00:00Z"));
        return target;
    }

    private static PeriodRule rule(PeriodRule.Scope scope, PeriodRule.Type type, LocalDate from, LocalDate to,
            Integer percent, int addedSecond) {
        PeriodRule rule = new PeriodRule();
        rule.id = UUID.randomUUID();
        rule.scope = scope;
        rule.type = type;
        rule.fromDay = from;
        rule.toDay = to;
        rule.percent = percent == null ? null : BigDecimal.valueOf(percent);
        rule.createdAt = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(addedSecond);
        return rule;
    }

    private static double[] flat(int days) {
        double[] weights = new double[days];
        Arrays.fill(weights, 1.0);
        return weights;
    }

    /** The units of the days from {@code firstDay} to {@code lastDay} of the year (1-based, inclusive). */
    private static double total(List<DaySpread.Day> days, int firstDay, int lastDay) {
        return days.subList(firstDay - 1, lastDay).stream().mapToDouble(DaySpread.Day::units).sum();
    }

    private static DaySpread.Day dayOf(List<DaySpread.Day> days, LocalDate date) {
        return days.get(date.getDayOfYear() - 1);
    }
}
