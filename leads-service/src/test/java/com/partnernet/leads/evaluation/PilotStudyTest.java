package com.partnernet.leads.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.leads.campaign.ShopGroup;
import com.partnernet.leads.evaluation.PilotEvaluation.Estimate;
import com.partnernet.leads.evaluation.PilotEvaluation.Outcome;
import com.partnernet.leads.evaluation.PilotEvaluation.Recommendation;
import com.partnernet.leads.evaluation.PilotStudy.Findings;
import com.partnernet.leads.evaluation.PilotStudy.LeadRow;
import com.partnernet.leads.vocabulary.LeadStatus;

/**
 * The pilot evaluation on synthetic networks whose true effect is known: the estimate must find it within its
 * interval, and the verdict must follow the rule — or say what it cannot conclude. Runs without a database.
 */
class PilotStudyTest {

    /** The pilot started on Monday 7 September; evaluated on Wednesday 2 December: 12 complete weeks of it. */
    private static final LocalDate STARTS_ON = LocalDate.of(2026, 9, 7);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Instant NOW = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    private static final Config CONFIG = new Config(12);
    private static final PilotStudy.Weeks WEEKS = PilotStudy.Weeks.of(STARTS_ON, null, TODAY, 12);
    private static final int RUNS = 400;

    record Config(int weeksBefore) implements EvaluationConfig {

        public int minWeeks() {
            return 4;
        }

        public int minShopsPerGroup() {
            return 4;
        }

        public double confidence() {
            return 0.95;
        }

        public double levelTolerancePercent() {
            return 25;
        }

        public Duration maturedAfter() {
            return Duration.ofDays(28);
        }

        public int minMaturedLeads() {
            return 20;
        }

        public double declineWarningPercent() {
            return 50;
        }

        public int declineWarningMinLeads() {
            return 5;
        }
    }

    @Test
    void theWeeksAreTheCompleteOnesBeforeTheStartAndOfThePilotUpToLastWeek() {
        assertEquals(LocalDate.of(2026, 6, 15), WEEKS.before().get(0));
        assertEquals(LocalDate.of(2026, 8, 31), WEEKS.before().get(11));
        assertEquals(LocalDate.of(2026, 9, 7), WEEKS.during().get(0));
        assertEquals(LocalDate.of(2026, 11, 23), WEEKS.during().get(11), "this week is not over");
        // A Wednesday start: that week belongs to neither period; an ended pilot stops at its last complete week.
        PilotStudy.Weeks midWeek = PilotStudy.Weeks.of(LocalDate.of(2026, 9, 9), LocalDate.of(2026, 10, 3), TODAY, 2);
        assertEquals(List.of(LocalDate.of(2026, 8, 24), LocalDate.of(2026, 8, 31)), midWeek.before());
        assertEquals(List.of(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 21)), midWeek.during());
        assertEquals(LocalDate.of(2026, 9, 27), midWeek.last());
    }

    /**
     * Four pilot and four control shops, four weeks before and during, each shop steady within a period. Changes per
     * shop: pilot 3, 3, 3, 4 (mean 3.25, variance 0.25), control 1, 0, 1, 0 (mean 0.5, variance 1/3). Estimate
     * 3.25 − 0.5 = 2.75; SE = sqrt(0.25/4 + (1/3)/4) = 0.3819; Welch df = 0.14583² / (0.0625²/3 + 0.08333²/3) = 5.88;
     * t(0.975, 5.88) = 2.4591 (scipy); interval 2.75 ± 0.9391 = [1.811, 3.689]: above 0, ROLL_OUT. Pilot shops sold
     * 13 a week before against control's 11: 18.2 % more, within the 25 % tolerance; no trend in either group.
     * Relative: 2.75 / (13 + 0.5) = 20.4 % over what the pilot shops would have sold without the campaign.
     */
    @Test
    void aSmallNetworkWorkedOutByHand() {
        PilotStudy.Weeks weeks = PilotStudy.Weeks.of(STARTS_ON, null, STARTS_ON.plusWeeks(4), 4);
        List<PilotStudy.Shop> shops = List.of(
                steady(ShopGroup.PILOT, weeks, 10, 13), steady(ShopGroup.PILOT, weeks, 12, 15),
                steady(ShopGroup.PILOT, weeks, 14, 17), steady(ShopGroup.PILOT, weeks, 16, 20),
                steady(ShopGroup.CONTROL, weeks, 10, 11), steady(ShopGroup.CONTROL, weeks, 10, 10),
                steady(ShopGroup.CONTROL, weeks, 12, 13), steady(ShopGroup.CONTROL, weeks, 12, 12));
        Findings findings = new PilotStudy(new Config(4), weeks, NOW).evaluate(shops, true);

        Estimate estimate = findings.estimates().get(0);
        assertEquals(Outcome.UNITS_PER_WEEK, estimate.outcome(), "no footfall: units per week");
        assertEquals(2.75, estimate.difference());
        assertEquals(0.382, estimate.standardError());
        assertEquals(5.9, estimate.degreesOfFreedom());
        assertEquals(1.811, estimate.lower());
        assertEquals(3.689, estimate.upper());
        assertEquals(20.4, estimate.relativePercent());
        assertEquals(new PilotEvaluation.GroupChange(4, 13.0, 16.25, 3.25), estimate.pilot());
        assertEquals(new PilotEvaluation.GroupChange(4, 11.0, 11.5, 0.5), estimate.control());
        assertEquals(18.2, findings.comparability().outcome().levelDifferencePercent());
        assertEquals(0.0, findings.comparability().outcome().trendDifference());
        assertTrue(findings.comparability().warnings().isEmpty());
        assertEquals(Recommendation.ROLL_OUT, findings.recommendation());
        assertTrue(findings.conclusive());
        assertEquals(3.0, findings.shops().get(0).change());
    }

    @Test
    void noEffectIsFoundWithinTheIntervalAndNoConfidentVerdictFollows() {
        Simulation runs = simulate(seed -> network(seed, 10, 10, 0, 1, 0), false);
        assertTrue(runs.covered >= 0.92 * RUNS, "the true effect 0 lies in the 95 % interval in " + runs.covered + " of " + RUNS);
        assertTrue(runs.verdicts.getOrDefault(Recommendation.ROLL_OUT, 0) <= 0.05 * RUNS, "rolled out on nothing: " + runs.verdicts);
        assertTrue(runs.verdicts.getOrDefault(Recommendation.STOP, 0) <= 0.05 * RUNS, "stopped on nothing: " + runs.verdicts);
    }

    @Test
    void aRealUpliftIsRecoveredWithinItsIntervalAndRolledOut() {
        Simulation runs = simulate(seed -> network(seed, 10, 10, 4, 1, 0), false);
        assertTrue(runs.covered >= 0.92 * RUNS, "the true effect 4 lies in the interval in " + runs.covered + " of " + RUNS);
        assertEquals(4.0, runs.meanEstimate, 0.15, "unbiased");
        assertTrue(runs.verdicts.getOrDefault(Recommendation.ROLL_OUT, 0) >= 0.9 * RUNS, "verdicts " + runs.verdicts);
        assertEquals(0, runs.verdicts.getOrDefault(Recommendation.STOP, 0));
    }

    @Test
    void aCampaignThatCostsBusinessIsStopped() {
        Simulation runs = simulate(seed -> network(seed, 10, 10, -4, 1, 0), false);
        assertTrue(runs.covered >= 0.92 * RUNS, "covered " + runs.covered);
        assertTrue(runs.verdicts.getOrDefault(Recommendation.STOP, 0) >= 0.9 * RUNS, "verdicts " + runs.verdicts);
        assertEquals(0, runs.verdicts.getOrDefault(Recommendation.ROLL_OUT, 0));
    }

    /**
     * Pilot shops with 60 % more visitors and sales to begin with, and no effect: comparing the groups during the pilot
     * would credit the campaign with 60 %; the difference-in-differences does not, and the level difference is warned
     * about. With footfall known, the verdict is on units per 1,000 visitors, which also keeps the season (that lifts a
     * big shop's units more than a small one's) from passing for an effect.
     */
    @Test
    void pilotShopsWithMoreFootfallToBeginWithGetNoCreditForIt() {
        Simulation runs = simulate(seed -> network(seed, 10, 10, 0, 1.6, 0), true);
        assertTrue(runs.covered >= 0.92 * RUNS, "covered " + runs.covered);
        assertTrue(runs.verdicts.getOrDefault(Recommendation.ROLL_OUT, 0) <= 0.05 * RUNS, "verdicts " + runs.verdicts);

        Findings one = new PilotStudy(CONFIG, WEEKS, NOW).evaluate(network(7, 10, 10, 0, 1.6, 0), true);
        assertEquals(Outcome.UNITS_PER_1000_VISITORS, one.estimates().get(0).outcome());
        assertEquals(Outcome.UNITS_PER_WEEK, one.estimates().get(1).outcome());
        double naive = one.estimates().get(1).pilot().during() / one.estimates().get(1).control().during() - 1;
        assertTrue(naive > 0.4, "a plain comparison during the pilot would show " + naive);
        assertTrue(one.comparability().warnings().stream().anyMatch(w -> w.contains("more visitors per week")),
                "warned: " + one.comparability().warnings());
        assertTrue(one.comparability().comparable(), "levels differ, trends do not");
        assertNotEquals(Recommendation.ROLL_OUT, one.recommendation());
    }

    /**
     * The control group gets hardly any leads (one each), the pilot group many: business is compared, not leads, so the
     * uplift is still found; the control group's conversion is said to rest on too few leads.
     */
    @Test
    void aControlGroupWithFewLeadsStillGetsAFairComparison() {
        List<PilotStudy.Shop> shops = network(12, 10, 10, 5, 1, 0).stream()
                .map(shop -> withLeads(shop, shop.group() == ShopGroup.PILOT ? 60 : 1, 0.25, 40)).toList();
        Findings findings = new PilotStudy(CONFIG, WEEKS, NOW).evaluate(shops, true);
        Estimate units = findings.estimates().get(1);
        assertTrue(units.lower() <= 5 && 5 <= units.upper(), "found: " + units);
        assertEquals(Recommendation.ROLL_OUT, findings.recommendation(), findings.toString());
        assertEquals(600, findings.pilotLeads().matured());
        assertNull(findings.pilotLeads().note());
        assertEquals("only 10 matured lead(s): too few to compare conversion (at least 20)", findings.controlLeads().note());
    }

    /**
     * Both groups convert 25 % of their leads in the end. The pilot's leads are young (60 of 80 assigned in the last
     * week, still open), the control's old: over all leads the pilot would convert 6 %; over matured ones both 25 %.
     */
    @Test
    void conversionCountsMaturedLeadsOnlySoYoungLeadsDoNotPullItDown() {
        List<LeadRow> pilot = new ArrayList<>();
        pilot.addAll(leads(5, LeadStatus.WON, 40));
        pilot.addAll(leads(15, LeadStatus.LOST, 40));
        pilot.addAll(leads(60, LeadStatus.CONTACTED, 3));
        List<LeadRow> control = new ArrayList<>();
        control.addAll(leads(10, LeadStatus.WON, 50));
        control.addAll(leads(20, LeadStatus.LOST, 50));
        control.addAll(leads(10, LeadStatus.APPOINTMENT, 35));
        List<PilotStudy.Shop> shops = new ArrayList<>(network(3, 4, 4, 0, 1, 0));
        shops.set(0, new PilotStudy.Shop(shops.get(0).shopId(), "P", ShopGroup.PILOT, shops.get(0).units(), null, pilot, Map.of()));
        shops.set(4, new PilotStudy.Shop(shops.get(4).shopId(), "C", ShopGroup.CONTROL, shops.get(4).units(), null, control, Map.of()));
        Findings findings = new PilotStudy(CONFIG, WEEKS, NOW).evaluate(shops, true);
        assertEquals(80, findings.pilotLeads().leads());
        assertEquals(20, findings.pilotLeads().matured());
        assertEquals(25.0, findings.pilotLeads().maturedConversionPercent());
        assertEquals(40, findings.controlLeads().matured(), "open for 35 days: matured");
        assertEquals(25.0, findings.controlLeads().maturedConversionPercent());
        assertEquals(25.0, findings.shops().get(0).maturedConversionPercent());
    }

    @Test
    void tooFewShopsOrWeeksGiveNoVerdictWhateverTheNumbersSay() {
        Findings fewShops = new PilotStudy(CONFIG, WEEKS, NOW).evaluate(network(5, 2, 3, 20, 1, 0), true);
        assertEquals(Recommendation.CONTINUE_PILOT, fewShops.recommendation());
        assertFalse(fewShops.conclusive());
        assertEquals(List.of("only 2 pilot shop(s) with units sold per 1,000 visitors before and during the pilot (at least 4 needed)",
                "only 3 control shop(s) with units sold per 1,000 visitors before and during the pilot (at least 4 needed)"),
                fewShops.cannotConclude());
        assertTrue(fewShops.estimates().get(1).lower() > 0, "units' interval alone would have said ROLL_OUT: " + fewShops);

        PilotStudy.Weeks early = PilotStudy.Weeks.of(STARTS_ON, null, STARTS_ON.plusWeeks(2).plusDays(1), 12);
        Findings fewWeeks = new PilotStudy(CONFIG, early, NOW).evaluate(network(5, 10, 10, 20, 1, 0), true);
        assertEquals(Recommendation.CONTINUE_PILOT, fewWeeks.recommendation());
        assertEquals(List.of("only 2 complete week(s) of the pilot so far (at least 4 needed)"), fewWeeks.cannotConclude());

        Findings noSales = new PilotStudy(CONFIG, WEEKS, NOW).evaluate(network(5, 10, 10, 20, 1, 0).stream()
                .map(shop -> new PilotStudy.Shop(shop.shopId(), shop.name(), shop.group(), null, null, List.of(), Map.of()))
                .toList(), false);
        assertEquals(Recommendation.CONTINUE_PILOT, noSales.recommendation());
        assertTrue(noSales.estimates().isEmpty());
        assertTrue(noSales.cannotConclude().get(0).startsWith("sales are not available"));
    }

    /**
     * Pilot shops' sales were rising by 1 a week before the pilot and go on rising; control shops' are flat; the
     * campaign does nothing. A difference during the pilot is the old trend, not the campaign: no verdict.
     */
    @Test
    void groupsThatDidNotMoveAlikeBeforeThePilotGetNoVerdict() {
        Findings findings = new PilotStudy(CONFIG, WEEKS, NOW).evaluate(network(13, 10, 10, 0, 1, 1.0), true);
        assertTrue(findings.estimates().get(0).lower() > 0, "the trend looks like an effect");
        assertFalse(findings.comparability().comparable());
        assertFalse(findings.conclusive());
        assertEquals(Recommendation.CONTINUE_PILOT, findings.recommendation());
        assertTrue(findings.comparability().warnings().get(0).contains("did not move alike"), findings.comparability().warnings().get(0));
    }

    // --- synthetic networks ---

    private record Simulation(int covered, double meanEstimate, Map<Recommendation, Integer> verdicts) {
    }

    /**
     * Runs the study on many networks (with or without their footfall): how often the true effect (read from the first
     * shop's name) lies in the interval, the mean estimate, the verdicts.
     */
    private static Simulation simulate(java.util.function.LongFunction<List<PilotStudy.Shop>> networks, boolean footfall) {
        int covered = 0;
        double sum = 0;
        Map<Recommendation, Integer> verdicts = new HashMap<>();
        for (long seed = 1; seed <= RUNS; seed++) {
            List<PilotStudy.Shop> shops = networks.apply(seed);
            double truth = Double.parseDouble(shops.get(0).name());
            Findings findings = new PilotStudy(CONFIG, WEEKS, NOW).evaluate(footfall ? shops : withoutFootfall(shops), true);
            Estimate estimate = findings.estimates().get(0);
            covered += estimate.lower() <= truth && truth <= estimate.upper() ? 1 : 0;
            sum += estimate.difference();
            verdicts.merge(findings.recommendation(), 1, Integer::sum);
        }
        return new Simulation(covered, sum / RUNS, verdicts);
    }

    /**
     * Shops with a level of their own (20–40 units a week, pilot shops {@code pilotScale} times that, their visitors
     * too), a season all shops share, noise, a trend of {@code pilotTrend} units a week at pilot shops, and the
     * campaign's {@code effect} in units a week at pilot shops during the pilot. The first shop's name carries the
     * true effect.
     */
    private static List<PilotStudy.Shop> network(long seed, int pilots, int controls, double effect, double pilotScale,
            double pilotTrend) {
        Random random = new Random(seed);
        List<LocalDate> all = new ArrayList<>(WEEKS.before());
        all.addAll(WEEKS.during());
        List<PilotStudy.Shop> shops = new ArrayList<>();
        for (int i = 0; i < pilots + controls; i++) {
            boolean pilot = i < pilots;
            double level = (20 + random.nextDouble() * 20) * (pilot ? pilotScale : 1);
            Map<LocalDate, Long> units = new HashMap<>();
            Map<LocalDate, Long> visitors = new HashMap<>();
            for (int week = 0; week < all.size(); week++) {
                double season = 1 + 0.2 * Math.sin(week / 4.0);
                boolean during = week >= WEEKS.before().size();
                double expected = level * season + (pilot ? pilotTrend * week : 0) + (pilot && during ? effect : 0);
                units.put(all.get(week), Math.max(0, Math.round(expected + random.nextGaussian() * 3)));
                visitors.put(all.get(week), Math.round(level * 100 * season * (1 + random.nextGaussian() * 0.03)));
            }
            shops.add(new PilotStudy.Shop(UUID.randomUUID(), i == 0 ? Double.toString(effect) : "shop " + i,
                    pilot ? ShopGroup.PILOT : ShopGroup.CONTROL, units, visitors, List.of(), Map.of()));
        }
        return shops;
    }

    private static List<PilotStudy.Shop> withoutFootfall(List<PilotStudy.Shop> shops) {
        return shops.stream().map(shop -> new PilotStudy.Shop(shop.shopId(), shop.name(), shop.group(), shop.units(), null,
                shop.leads(), shop.declines())).toList();
    }

    /** {@code count} leads, a {@code wonShare} of them won, the rest lost, assigned {@code daysAgo}. */
    private static PilotStudy.Shop withLeads(PilotStudy.Shop shop, int count, double wonShare, int daysAgo) {
        List<LeadRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.addAll(leads(1, i < count * wonShare ? LeadStatus.WON : LeadStatus.LOST, daysAgo));
        }
        return new PilotStudy.Shop(shop.shopId(), shop.name(), shop.group(), shop.units(), shop.visitors(), rows, Map.of());
    }

    private static List<LeadRow> leads(int count, LeadStatus status, int daysAgo) {
        Instant assigned = NOW.minus(Duration.ofDays(daysAgo));
        List<LeadRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new LeadRow(status, assigned, status == LeadStatus.WON || status == LeadStatus.LOST
                    || status == LeadStatus.CONTACTED || status == LeadStatus.APPOINTMENT ? assigned.plusSeconds(3600) : null));
        }
        return rows;
    }

    private static PilotStudy.Shop steady(ShopGroup group, PilotStudy.Weeks weeks, long before, long during) {
        Map<LocalDate, Long> units = new HashMap<>();
        weeks.before().forEach(week -> units.put(week, before));
        weeks.during().forEach(week -> units.put(week, during));
        return new PilotStudy.Shop(UUID.randomUUID(), group + " " + before, group, units, null, List.of(), Map.of());
    }
}
