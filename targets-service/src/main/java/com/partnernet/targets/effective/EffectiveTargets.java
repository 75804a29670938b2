package com.partnernet.targets.effective;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.targets.calendar.CalendarService;
import com.partnernet.targets.closure.ClosureService;
import com.partnernet.targets.closure.ShopClosure;
import com.partnernet.targets.rule.PeriodRule;
import com.partnernet.targets.rule.RuleService;
import com.partnernet.targets.target.ProductLine;
import com.partnernet.targets.target.Target;
import com.partnernet.targets.target.TargetRepository;

/**
 * Effective targets, day by day. A target's annual units are spread over its year by the seasonal curve (week
 * weights, raised on promotion days); then each day is decided by, in this order of precedence:
 * <ol>
 * <li>a closure of the shop (shop targets only): the day carries nothing (PRORATE);</li>
 * <li>the period rule covering the day with the most specific scope — shop over partner over network — and, within
 * one scope, the one added last: WAIVE makes the day carry nothing; SCALE gives the rule's whole range its percentage
 * of the annual units, spread over the range's days by the curve;</li>
 * <li>otherwise the plain curve.</li>
 * </ol>
 * A partner without a target of its own for a line and year has the sum of its shops' targets (with their closures).
 */
@ApplicationScoped
public class EffectiveTargets {

    private final TargetRepository targets;
    private final RuleService rules;
    private final ClosureService closures;
    private final CalendarService calendar;

    public EffectiveTargets(TargetRepository targets, RuleService rules, ClosureService closures, CalendarService calendar) {
        this.targets = targets;
        this.rules = rules;
        this.closures = closures;
        this.calendar = calendar;
    }

    /** The effective target of a partner ({@code shopId} null) or shop for a range, with what shaped it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EffectiveTarget of(UUID partnerId, UUID shopId, ProductLine productLine, LocalDate from, LocalDate to) {
        Map<String, double[]> groups = new LinkedHashMap<>();
        Map<String, EffectiveTarget.Shaping> shapings = new LinkedHashMap<>();
        double base = 0;
        double units = 0;
        for (Day day : days(partnerId, shopId, productLine, from, to)) {
            base += day.base;
            units += day.units;
            String key = day.key();
            double[] sums = groups.computeIfAbsent(key, k -> new double[3]);
            sums[0] += day.units;
            sums[1] += day.base;
            sums[2]++;
            EffectiveTarget.Shaping seen = shapings.get(key);
            shapings.put(key, new EffectiveTarget.Shaping(day.kind, day.rule == null ? null : day.rule.id,
                    day.rule == null ? null : day.rule.scope.name(), day.shopId,
                    seen == null ? day.date : seen.from(), day.date, (int) sums[2], round(sums[0]), round(sums[1]),
                    day.reason(), day.rule == null ? null : day.rule.author));
        }
        return new EffectiveTarget(partnerId, shopId, productLine, from, to, round(base), round(units),
                List.copyOf(shapings.values()));
    }

    /** A period's effective target and the part of it due by {@code dueBy} (expected to date), in one pass. */
    public record Due(double target, double dueByThen) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Due due(UUID partnerId, UUID shopId, ProductLine productLine, LocalDate from, LocalDate to, LocalDate dueBy) {
        double target = 0;
        double due = 0;
        for (Day day : days(partnerId, shopId, productLine, from, to)) {
            target += day.units;
            if (!day.date.isAfter(dueBy)) {
                due += day.units;
            }
        }
        return new Due(target, due);
    }

    /** One day of one target: what it carries, what the plain curve would give it, and why. */
    private record Day(LocalDate date, double units, double base, String kind, PeriodRule rule, ShopClosure closure,
            UUID shopId) {

        String key() {
            return kind + "|" + (rule == null ? "" : rule.id) + "|" + (closure == null ? "" : closure.id) + "|"
                    + (shopId == null ? "" : shopId);
        }

        String reason() {
            return rule != null ? rule.reason : closure != null ? closure.reason : null;
        }
    }

    /** The days of [from, to] of every target that makes up the scope's target. */
    private List<Day> days(UUID partnerId, UUID shopId, ProductLine productLine, LocalDate from, LocalDate to) {
        List<Day> days = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (Target target : sources(partnerId, shopId, productLine, year)) {
                for (Day day : days(target, year)) {
                    if (!day.date.isBefore(from) && !day.date.isAfter(to)) {
                        days.add(day);
                    }
                }
            }
        }
        return days;
    }

    /** The targets that make up the scope's target: the shop's, the partner's own, or else the partner's shops'. */
    private List<Target> sources(UUID partnerId, UUID shopId, ProductLine productLine, int year) {
        if (shopId != null) {
            return targets.find(partnerId, shopId, year, productLine).map(List::of).orElse(List.of());
        }
        Optional<Target> own = targets.find(partnerId, null, year, productLine);
        if (own.isPresent()) {
            return List.of(own.get());
        }
        return targets.list("partnerId = ?1 and shopId is not null and year = ?2 and productLine = ?3", partnerId, year,
                productLine);
    }

    private List<Day> days(Target target, int year) {
        double[] weights = calendar.dailyWeights(year, target.productLine);
        double yearWeight = sum(weights, 0, weights.length - 1);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<PeriodRule> inForce = rules.applicable(target.partnerId, target.shopId, target.productLine, first, last);
        Map<UUID, Double> rangeWeights = new LinkedHashMap<>();
        for (PeriodRule rule : inForce) {
            LocalDate start = rule.fromDay.isBefore(first) ? first : rule.fromDay;
            LocalDate end = rule.toDay.isAfter(last) ? last : rule.toDay;
            rangeWeights.put(rule.id, sum(weights, start.getDayOfYear() - 1, end.getDayOfYear() - 1));
        }
        List<ShopClosure> closed = target.shopId == null ? List.of() : closures.closures(target.shopId, first, last);
        List<Day> days = new ArrayList<>(Year.of(year).length());
        LocalDate date = first;
        for (int i = 0; i < weights.length; i++, date = date.plusDays(1)) {
            double base = yearWeight == 0 ? 0 : target.units * weights[i] / yearWeight;
            LocalDate day = date;
            PeriodRule rule = inForce.stream().filter(candidate -> candidate.covers(day))
                    .max(Comparator.comparingInt((PeriodRule candidate) -> candidate.scope.ordinal())
                            .thenComparing(candidate -> candidate.createdAt))
                    .orElse(null);
            double ruled = rule == null ? base : rule.type == PeriodRule.Type.WAIVE ? 0
                    : rangeWeights.get(rule.id) == 0 ? 0
                            : target.units * rule.percent.doubleValue() / 100 * weights[i] / rangeWeights.get(rule.id);
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

    static BigDecimal round(double units) {
        return BigDecimal.valueOf(units).setScale(2, RoundingMode.HALF_UP);
    }
}
