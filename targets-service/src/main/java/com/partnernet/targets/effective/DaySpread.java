package com.partnernet.targets.effective;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnernet.targets.annualtarget.Target;
import com.partnernet.targets.closure.ShopClosure;
import com.partnernet.targets.rule.PeriodRule;

/**
 * The rule of effective targets, without the database. A target's annual units are spread over its year by the
 * seasonal curve (the day weights: week weights raised on promotion days); then each day is decided by, in this order
 * of precedence:
 * <ol>
 * <li>a closure of the shop (shop targets only): the day carries nothing (PRORATE);</li>
 * <li>the period rule covering the day with the most specific scope — shop over partner over network — and, within
 * one scope, the one added last: WAIVE makes the day carry nothing; SCALE gives the rule's whole range its percentage
 * of the annual units, spread over the range's days by the curve;</li>
 * <li>otherwise the plain curve (CURVE).</li>
 * </ol>
 */
final class DaySpread {

    private DaySpread() {
    }

    /** One day of one target: what it carries, what the plain curve would give it, and why. */
    record Day(LocalDate date, double units, double base, String kind, PeriodRule rule, ShopClosure closure, UUID shopId) {

        String key() {
            return kind + "|" + (rule == null ? "" : rule.id) + "|" + (closure == null ? "" : closure.id) + "|"
                    + (shopId == null ? "" : shopId);
        }

        String reason() {
            return rule != null ? rule.reason : closure != null ? closure.reason : null;
        }
    }

    /**
     * Every day of the target's year.
     *
     * @param weights the weight of each day of the year (index 0 is 1 January)
     * @param inForce the period rules in force touching the year that apply to the target
     * @param closed the closures of the target's shop touching the year (none for a partner's target)
     */
    static List<Day> days(Target target, int year, double[] weights, List<PeriodRule> inForce, List<ShopClosure> closed) {
        double yearWeight = sum(weights, 0, weights.length - 1);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<UUID, Double> rangeWeights = new LinkedHashMap<>();
        for (PeriodRule rule : inForce) {
            LocalDate start = rule.fromDay.isBefore(first) ? first : rule.fromDay;
            LocalDate end = rule.toDay.isAfter(last) ? last : rule.toDay;
            rangeWeights.put(rule.id, sum(weights, start.getDayOfYear() - 1, end.getDayOfYear() - 1));
        }
        List<Day> days = new ArrayList<>(Year.of(year).length());
        LocalDate date = first;
        for (int i = 0; i < weights.length; i++, date = date.plusDays(1)) {
            double base = yearWeight == 0 ? 0 : target.units() * weights[i] / yearWeight;
            LocalDate day = date;
            PeriodRule rule = inForce.stream().filter(candidate -> candidate.covers(day))
                    .max(Comparator.comparingInt((PeriodRule candidate) -> candidate.scope.ordinal())
                            .thenComparing(candidate -> candidate.createdAt))
                    .orElse(null);
            double ruled = rule == null ? base : rule.type == PeriodRule.Type.WAIVE ? 0
                    : rangeWeights.get(rule.id) == 0 ? 0
                            : target.units() * rule.percent.doubleValue() / 100 * weights[i] / rangeWeights.get(rule.id);
            ShopClosure closure = closed.stream().filter(candidate -> candidate.covers(day)).findFirst().orElse(null);
            if (closure != null) {
                days.add(new Day(day, 0, base, "PRORATE", null, closure, target.shopId));
            } else {
                days.add(new Day(day, ruled, base, rule == null ? "CURVE" : rule.type.name(), rule, null, target.shopId));
            }
        }
        return days;
    }

    private static double sum(double[] weights, int fromIndex, int toIndex) {
        double sum = 0;
        for (int i = fromIndex; i <= toIndex; i++) {
            sum += weights[i];
        }
        return sum;
    }
}
