package com.partnernet.targets.effective;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.targets.calendar.CalendarService;
import com.partnernet.targets.closure.ClosureService;

import com.partnernet.targets.annualtarget.ProductLine;
import com.partnernet.targets.annualtarget.Target;
import com.partnernet.targets.annualtarget.TargetRepository;
import com.partnernet.targets.rule.RuleService;

/**
 * Effective targets, day by day: each target's year spread by {@link DaySpread} over the calendar's curve, its period
 * rules and its shop's closures. A partner without a target of its own for a line and year has the sum of its shops'
 * targets (with their closures).
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
        for (DaySpread.Day day : days(partnerId, shopId, productLine, from, to)) {
            base += day.base();
            units += day.units();
            String key = day.key();
            double[] sums = groups.computeIfAbsent(key, k -> new double[3]);
            sums[0] += day.units();
            sums[1] += day.base();
            sums[2]++;
            EffectiveTarget.Shaping seen = shapings.get(key);
            shapings.put(key, new EffectiveTarget.Shaping(day.kind(), day.rule() == null ? null : day.rule().id,
                    day.rule() == null ? null : day.rule().scope.name(), day.shopId(),
                    seen == null ? day.date() : seen.from(), day.date(), (int) sums[2], round(sums[0]), round(sums[1]),
                    day.reason(), day.rule() == null ? null : day.rule().author));
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
        for (DaySpread.Day day : days(partnerId, shopId, productLine, from, to)) {
            target += day.units();
            if (!day.date().isAfter(dueBy)) {
                due += day.units();
            }
        }
        return new Due(target, due);
    }

    /** The days of [from, to] of every target that makes up the scope's target. */
    private List<DaySpread.Day> days(UUID partnerId, UUID shopId, ProductLine productLine, LocalDate from, LocalDate to) {
        List<DaySpread.Day> days = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (Target target : sources(partnerId, shopId, productLine, year)) {
                for (DaySpread.Day day : days(target, year)) {
                    if (!day.date().isBefore(from) && !day.date().isAfter(to)) {
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
        return targets.listOfShops(partnerId, year, productLine);
    }

    private List<DaySpread.Day> days(Target target, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return DaySpread.days(target, year, calendar.dailyWeights(year, target.productLine),
                rules.applicable(target.partnerId, target.shopId, target.productLine, first, last),
                target.shopId == null ? List.of() : closures.closures(target.shopId, first, last));
    }

    static BigDecimal round(double units) {
        return BigDecimal.valueOf(units).setScale(2, RoundingMode.HALF_UP);
    }
}
