package com.partnernet.leads.evaluation;

import static com.partnernet.leads.evaluation.PilotStatistics.mean;
import static com.partnernet.leads.evaluation.PilotStatistics.round;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.partnernet.leads.campaign.ShopGroup;
import com.partnernet.leads.evaluation.PilotEvaluation.Balance;
import com.partnernet.leads.evaluation.PilotEvaluation.Comparability;
import com.partnernet.leads.evaluation.PilotEvaluation.Estimate;
import com.partnernet.leads.evaluation.PilotEvaluation.GroupChange;
import com.partnernet.leads.evaluation.PilotEvaluation.LeadQuality;
import com.partnernet.leads.evaluation.PilotEvaluation.Outcome;
import com.partnernet.leads.evaluation.PilotEvaluation.Recommendation;
import com.partnernet.leads.evaluation.PilotEvaluation.ShopResult;
import com.partnernet.leads.vocabulary.DeclineReason;
import com.partnernet.leads.vocabulary.LeadStatus;

/**
 * The pilot evaluation's reasoning without the database: from each shop's weekly sales, footfall and leads to the
 * difference-in-differences, how alike the groups were, the leads' quality and the verdict by the stated rule.
 */
final class PilotStudy {

    static final String METHOD = "Difference-in-differences over shops: for each shop, its mean outcome per week during "
            + "the pilot minus its mean before; the estimate is the pilot shops' mean change minus the control shops' "
            + "(with every shop reporting every week, the same as a regression with shop and week effects). Shop "
            + "levels and anything that moves all shops alike (season, promotions) cancel out. The interval is Welch's "
            + "t interval over shops: one change per shop, so a shop's weeks, which move together, are not counted as "
            + "independent observations (Bertrand, Duflo & Mullainathan 2004). Outcome: units sold per shop and week, "
            + "won leads and recorded sales (targets-service), per 1,000 visitors when every shop's footfall is known "
            + "for enough weeks (partners-service).";

    /** Sales and footfall are read for at most this many weeks (the services' limit). */
    static final int MAX_WEEKS = 157;

    /** The weeks compared: Mondays of the complete weeks before the pilot and during it. */
    record Weeks(List<LocalDate> before, List<LocalDate> during) {

        /**
         * {@code weeksBefore} weeks before the week the pilot starts in, and its complete weeks from the first Monday on
         * or after its start to the last week over by {@code today} (and by its end, if it ended); the week it starts
         * in mid-week belongs to neither. At most {@link #MAX_WEEKS} in all: a pilot is measured over its first weeks.
         */
        static Weeks of(LocalDate startsOn, LocalDate endsOn, LocalDate today, int weeksBefore) {
            LocalDate startWeek = startsOn.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<LocalDate> before = new ArrayList<>();
            for (int i = weeksBefore; i > 0; i--) {
                before.add(startWeek.minusWeeks(i));
            }
            LocalDate lastDay = endsOn != null && endsOn.isBefore(today) ? endsOn : today.minusDays(1);
            List<LocalDate> during = new ArrayList<>();
            for (LocalDate week = startsOn.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                    !week.plusDays(6).isAfter(lastDay) && before.size() + during.size() < MAX_WEEKS; week = week.plusWeeks(1)) {
                during.add(week);
            }
            return new Weeks(List.copyOf(before), List.copyOf(during));
        }

        boolean isEmpty() {
            return before.isEmpty() && during.isEmpty();
        }

        /** The Monday of the first week read. */
        LocalDate first() {
            return before.isEmpty() ? during.get(0) : before.get(0);
        }

        /** The Sunday of the last week read. */
        LocalDate last() {
            return (during.isEmpty() ? before.get(before.size() - 1) : during.get(during.size() - 1)).plusDays(6);
        }

        PilotEvaluation.Periods periods() {
            return new PilotEvaluation.Periods(period(before), period(during));
        }

        private static PilotEvaluation.Period period(List<LocalDate> weeks) {
            return weeks.isEmpty() ? new PilotEvaluation.Period(null, null, 0)
                    : new PilotEvaluation.Period(weeks.get(0), weeks.get(weeks.size() - 1).plusDays(6), weeks.size());
        }
    }

    /** A lead a shop got: what became of it and when it was assigned and first contacted. */
    record LeadRow(LeadStatus status, Instant assignedAt, Instant firstContactAt) {
    }

    /**
     * What is known of one shop.
     *
     * @param units units sold per week (Monday), every week of both periods; null when sales are not known
     * @param visitors counted visitors per week; weeks without a count are absent; null without footfall
     * @param leads the leads it got during the pilot (pilot shops: the campaign's)
     */
    record Shop(UUID shopId, String name, ShopGroup group, Map<LocalDate, Long> units, Map<LocalDate, Long> visitors,
            List<LeadRow> leads, Map<DeclineReason, Long> declines) {
    }

    /** The study's findings; the service adds the campaign, its lead funnel and the sources. */
    record Findings(Recommendation recommendation, boolean conclusive, List<String> cannotConclude, String rule,
            List<Estimate> estimates, Comparability comparability, LeadQuality pilotLeads, LeadQuality controlLeads,
            List<ShopResult> shops) {
    }

    /** One shop's outcome before and during the pilot; null means where it has no week with a value. */
    private record Change(Shop shop, Double before, Double during, Double trend) {

        boolean complete() {
            return before != null && during != null;
        }

        double change() {
            return during - before;
        }
    }

    private final EvaluationConfig config;
    private final Weeks weeks;
    private final Instant now;

    PilotStudy(EvaluationConfig config, Weeks weeks, Instant now) {
        this.config = config;
        this.weeks = weeks;
        this.now = now;
    }

    String rule() {
        String level = percent(config.confidence());
        return "ROLL_OUT when the " + level + " interval of the difference-in-differences lies above 0, STOP when it "
                + "lies below 0, otherwise CONTINUE_PILOT; a verdict needs at least " + config.minShopsPerGroup()
                + " pilot and " + config.minShopsPerGroup() + " control shops with sales in both periods, at least "
                + config.minWeeks() + " complete weeks before and during the pilot, and groups whose outcomes moved "
                + "alike before it (the " + level + " interval of their trend difference includes 0); without these, "
                + "CONTINUE_PILOT and what cannot be concluded.";
    }

    Findings evaluate(List<Shop> shops, boolean salesKnown) {
        List<String> cannot = new ArrayList<>();
        if (!salesKnown) {
            cannot.add("sales are not available (targets-service did not answer): the pilot's effect on business cannot "
                    + "be estimated");
        }
        if (weeks.before().size() < config.minWeeks()) {
            cannot.add(weeks(weeks.before().size()) + " before the pilot (at least " + config.minWeeks() + " needed)");
        }
        if (weeks.during().size() < config.minWeeks()) {
            cannot.add(weeks(weeks.during().size()) + " of the pilot so far (at least " + config.minWeeks() + " needed)");
        }

        List<Estimate> estimates = new ArrayList<>();
        List<Change> primary = List.of();
        Comparability comparability = new Comparability(true, List.of(), null, null);
        if (salesKnown) {
            boolean perVisitor = footfallCovers(shops);
            Outcome outcome = perVisitor ? Outcome.UNITS_PER_1000_VISITORS : Outcome.UNITS_PER_WEEK;
            primary = changes(shops, outcome);
            for (ShopGroup group : ShopGroup.values()) {
                long counted = primary.stream().filter(change -> change.shop().group() == group && change.complete()).count();
                if (counted < config.minShopsPerGroup()) {
                    cannot.add("only " + counted + " " + group.name().toLowerCase(Locale.ROOT) + " shop(s) with "
                            + outcomeName(outcome) + " before and during the pilot (at least " + config.minShopsPerGroup()
                            + " needed)");
                }
            }
            addEstimate(estimates, primary, outcome);
            if (perVisitor) {
                addEstimate(estimates, changes(shops, Outcome.UNITS_PER_WEEK), Outcome.UNITS_PER_WEEK);
            }
            comparability = comparability(shops, primary, outcome);
        }

        Recommendation recommendation = Recommendation.CONTINUE_PILOT;
        if (estimates.isEmpty() && cannot.isEmpty()) {
            cannot.add("the difference cannot be estimated: it needs two shops per group with sales in both periods");
        }
        if (!comparability.comparable()) {
            cannot.add("the groups' outcomes did not move alike before the pilot (see comparability): a difference during "
                    + "it cannot be put down to the campaign");
        }
        if (cannot.isEmpty()) {
            Estimate estimate = estimates.get(0);
            recommendation = estimate.lower() > 0 ? Recommendation.ROLL_OUT
                    : estimate.upper() < 0 ? Recommendation.STOP : Recommendation.CONTINUE_PILOT;
        }
        return new Findings(recommendation, cannot.isEmpty(), cannot, rule(), estimates, comparability,
                leadQuality(shops, ShopGroup.PILOT), leadQuality(shops, ShopGroup.CONTROL), shopResults(shops, primary));
    }

    /** Per-visitor figures need every shop's footfall in at least the minimum weeks of both periods. */
    private boolean footfallCovers(List<Shop> shops) {
        return !shops.isEmpty() && shops.stream().allMatch(shop -> shop.visitors() != null
                && counted(shop, weeks.before()) >= config.minWeeks() && counted(shop, weeks.during()) >= config.minWeeks());
    }

    private static long counted(Shop shop, List<LocalDate> period) {
        return period.stream().filter(week -> shop.visitors().getOrDefault(week, 0L) > 0).count();
    }

    /** The shop's outcome in a week; null when it is not known (no sales figures, or no visitors counted). */
    private static Double value(Shop shop, LocalDate week, Outcome outcome) {
        if (shop.units() == null) {
            return null;
        }
        long units = shop.units().getOrDefault(week, 0L);
        if (outcome == Outcome.UNITS_PER_WEEK) {
            return (double) units;
        }
        Long visitors = shop.visitors() == null ? null : shop.visitors().get(week);
        return visitors == null || visitors == 0 ? null : units * 1000.0 / visitors;
    }

    private List<Change> changes(List<Shop> shops, Outcome outcome) {
        return shops.stream().map(shop -> change(shop, week -> value(shop, week, outcome))).toList();
    }

    private Change change(Shop shop, Function<LocalDate, Double> value) {
        List<Double> index = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        for (int i = 0; i < weeks.before().size(); i++) {
            Double y = value.apply(weeks.before().get(i));
            if (y != null) {
                index.add((double) i);
                before.add(y);
            }
        }
        List<Double> during = weeks.during().stream().map(value).filter(y -> y != null).toList();
        return new Change(shop, before.isEmpty() ? null : mean(before), during.isEmpty() ? null : mean(during),
                PilotStatistics.slope(index, before));
    }

    private void addEstimate(List<Estimate> estimates, List<Change> changes, Outcome outcome) {
        List<Change> pilot = complete(changes, ShopGroup.PILOT);
        List<Change> control = complete(changes, ShopGroup.CONTROL);
        if (pilot.size() < 2 || control.size() < 2) {
            return;
        }
        PilotStatistics.Interval interval = PilotStatistics.welch(pilot.stream().map(Change::change).toList(),
                control.stream().map(Change::change).toList(), config.confidence());
        GroupChange pilotChange = groupChange(pilot);
        GroupChange controlChange = groupChange(control);
        double counterfactual = pilotChange.before() + controlChange.change();
        estimates.add(new Estimate(outcome, rounded(pilotChange), rounded(controlChange), round(interval.difference(), 3),
                counterfactual > 0 ? round(interval.difference() / counterfactual * 100, 1) : null, config.confidence(),
                round(interval.lower(), 3), round(interval.upper(), 3), round(interval.standardError(), 3),
                round(interval.degreesOfFreedom(), 1)));
    }

    private static List<Change> complete(List<Change> changes, ShopGroup group) {
        return changes.stream().filter(change -> change.shop().group() == group && change.complete()).toList();
    }

    private static GroupChange groupChange(List<Change> changes) {
        double before = mean(changes.stream().map(Change::before).toList());
        double during = mean(changes.stream().map(Change::during).toList());
        return new GroupChange(changes.size(), before, during, during - before);
    }

    private static GroupChange rounded(GroupChange change) {
        return new GroupChange(change.shops(), round(change.before(), 3), round(change.during(), 3),
                round(change.change(), 3));
    }

    private Comparability comparability(List<Shop> shops, List<Change> outcomeChanges, Outcome outcome) {
        List<String> warnings = new ArrayList<>();
        Balance sales = balance(outcomeName(outcome), outcomeChanges, warnings);
        boolean parallel = sales == null || sales.trendLower() == null
                || (sales.trendLower() <= 0 && sales.trendUpper() >= 0);
        if (!parallel) {
            warnings.add(String.format(Locale.ROOT, "before the pilot, %s changed by %+.3f a week at pilot shops and "
                    + "%+.3f at control shops (difference %s interval %.3f to %.3f): the groups did not move alike",
                    outcomeName(outcome), sales.pilotTrend(), sales.controlTrend(), percent(config.confidence()),
                    sales.trendLower(), sales.trendUpper()));
        }
        Balance footfall = null;
        if (shops.stream().allMatch(shop -> shop.visitors() != null)) {
            footfall = balance("visitors per week", shops.stream().map(shop -> change(shop,
                    week -> shop.visitors().containsKey(week) ? (double) shop.visitors().get(week) : null)).toList(), warnings);
        }
        return new Comparability(parallel, warnings, sales, footfall);
    }

    /** Levels and trends before the pilot per group; a level difference beyond the tolerance is warned about. */
    private Balance balance(String measure, List<Change> changes, List<String> warnings) {
        List<Change> pilot = changes.stream().filter(c -> c.shop().group() == ShopGroup.PILOT && c.before() != null).toList();
        List<Change> control = changes.stream().filter(c -> c.shop().group() == ShopGroup.CONTROL && c.before() != null).toList();
        if (pilot.isEmpty() || control.isEmpty()) {
            return null;
        }
        double pilotLevel = mean(pilot.stream().map(Change::before).toList());
        double controlLevel = mean(control.stream().map(Change::before).toList());
        Double levelDifference = controlLevel == 0 ? null : (pilotLevel / controlLevel - 1) * 100;
        if (levelDifference != null && Math.abs(levelDifference) > config.levelTolerancePercent()) {
            warnings.add(String.format(Locale.ROOT, "before the pilot, pilot shops had %.0f %% %s %s than control shops "
                    + "(tolerance %.0f %%): the estimate compares changes, not levels, but groups this unlike may react "
                    + "differently to the same season", Math.abs(levelDifference), levelDifference > 0 ? "more" : "fewer",
                    measure, config.levelTolerancePercent()));
        }
        List<Double> pilotTrends = pilot.stream().map(Change::trend).filter(t -> t != null).toList();
        List<Double> controlTrends = control.stream().map(Change::trend).filter(t -> t != null).toList();
        double pilotTrend = pilotTrends.isEmpty() ? 0 : mean(pilotTrends);
        double controlTrend = controlTrends.isEmpty() ? 0 : mean(controlTrends);
        PilotStatistics.Interval trend = pilotTrends.size() < 2 || controlTrends.size() < 2 ? null
                : PilotStatistics.welch(pilotTrends, controlTrends, config.confidence());
        return new Balance(measure, round(pilotLevel, 3), round(controlLevel, 3), round(levelDifference, 1),
                round(pilotTrend, 3), round(controlTrend, 3), round(pilotTrend - controlTrend, 3),
                trend == null ? null : round(trend.lower(), 3), trend == null ? null : round(trend.upper(), 3));
    }

    private LeadQuality leadQuality(List<Shop> shops, ShopGroup group) {
        List<Shop> inGroup = shops.stream().filter(shop -> shop.group() == group).toList();
        List<LeadRow> leads = inGroup.stream().flatMap(shop -> shop.leads().stream()).toList();
        Map<DeclineReason, Long> declines = new EnumMap<>(DeclineReason.class);
        for (DeclineReason reason : DeclineReason.values()) {
            declines.put(reason, inGroup.stream().mapToLong(shop -> shop.declines().getOrDefault(reason, 0L)).sum());
        }
        long matured = leads.stream().filter(this::matured).count();
        long won = leads.stream().filter(lead -> lead.status() == LeadStatus.WON).count();
        List<Double> hours = leads.stream().filter(lead -> lead.firstContactAt() != null && lead.assignedAt() != null)
                .map(lead -> Duration.between(lead.assignedAt(), lead.firstContactAt()).toMillis() / 3_600_000.0).toList();
        String note = matured < config.minMaturedLeads()
                ? "only " + matured + " matured lead(s): too few to compare conversion (at least " + config.minMaturedLeads()
                        + ")"
                : null;
        return new LeadQuality(leads.size(), matured, won, conversion(won, matured), hours.size(),
                hours.isEmpty() ? null : round(PilotStatistics.median(hours), 2),
                declines.values().stream().mapToLong(Long::longValue).sum(), declines, note);
    }

    /** Closed, or assigned long enough ago that it had its chance: counted in conversion. */
    private boolean matured(LeadRow lead) {
        return lead.status() == LeadStatus.WON || lead.status() == LeadStatus.LOST
                || lead.assignedAt() != null && lead.assignedAt().isBefore(now.minus(config.maturedAfter()));
    }

    private List<ShopResult> shopResults(List<Shop> shops, List<Change> changes) {
        List<ShopResult> results = new ArrayList<>();
        for (int i = 0; i < shops.size(); i++) {
            Shop shop = shops.get(i);
            Change change = changes.isEmpty() ? null : changes.get(i);
            long matured = shop.leads().stream().filter(this::matured).count();
            long won = shop.leads().stream().filter(lead -> lead.status() == LeadStatus.WON).count();
            long declined = shop.declines().values().stream().mapToLong(Long::longValue).sum();
            long given = shop.leads().size() + declined;
            results.add(new ShopResult(shop.shopId(), shop.name(), shop.group().name(),
                    change == null ? null : round(change.before(), 3), change == null ? null : round(change.during(), 3),
                    change == null || !change.complete() ? null : round(change.change(), 3), excluded(change),
                    shop.leads().size(), matured, won, conversion(won, matured), declined,
                    given == 0 ? null : round(declined * 100.0 / given, 1)));
        }
        return results;
    }

    private static String excluded(Change change) {
        if (change == null) {
            return "no sales figures";
        }
        if (change.before() == null) {
            return "no outcome before the pilot";
        }
        return change.during() == null ? "no outcome during the pilot" : null;
    }

    private static Double conversion(long won, long matured) {
        return matured == 0 ? null : round(won * 100.0 / matured, 1);
    }

    private static String outcomeName(Outcome outcome) {
        return outcome == Outcome.UNITS_PER_WEEK ? "units sold per week" : "units sold per 1,000 visitors";
    }

    private static String weeks(int count) {
        return "only " + count + " complete week(s)";
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }
}
