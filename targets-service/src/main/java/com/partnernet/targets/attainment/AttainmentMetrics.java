package com.partnernet.targets.attainment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.chassis.time.Timestamps;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Each partner's attainment (sold against the effective target, in percent) and pace ratio, for the current year and
 * the current half, as gauges tagged by partner and period ({@code 2026}, {@code 2026-H2}). Computed on a schedule
 * with the same rules as the attainment API, so a scrape never waits for the database.
 */
@ApplicationScoped
public class AttainmentMetrics {

    private final AttainmentService attainment;
    private final MultiGauge percent;
    private final MultiGauge paceRatio;

    public AttainmentMetrics(AttainmentService attainment, MeterRegistry registry) {
        this.attainment = attainment;
        this.percent = MultiGauge.builder("partnernet.targets.attainment.percent")
                .description("A partner's units sold against its effective target of the period, in percent")
                .register(registry);
        this.paceRatio = MultiGauge.builder("partnernet.targets.pace.ratio")
                .description("A partner's units sold against those expected by today on the seasonal curve")
                .register(registry);
    }

    @Drained
    @Scheduled(identity = "attainment-gauges", every = "${targets.metrics.attainment-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        LocalDate today = Timestamps.today();
        int year = today.getYear();
        boolean firstHalf = today.getMonthValue() <= 6;
        LocalDate halfStart = LocalDate.of(year, firstHalf ? 1 : 7, 1);
        LocalDate halfEnd = firstHalf ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        String half = year + (firstHalf ? "-H1" : "-H2");
        List<MultiGauge.Row<?>> percentRows = new ArrayList<>();
        List<MultiGauge.Row<?>> paceRows = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Leaderboard.Entry entry : attainment.leaderboard(year, null, today, false).entries()) {
                String partner = entry.partnerId().toString();
                addRows(percentRows, paceRows, Tags.of("partner", partner, "period", String.valueOf(year)), entry.pace());
                addRows(percentRows, paceRows, Tags.of("partner", partner, "period", half),
                        attainment.attainment(entry.partnerId(), null, null, halfStart, halfEnd, today).total());
            }
        });
        // Overwrite: a partner whose targets were withdrawn drops out of the series.
        percent.register(percentRows, true);
        paceRatio.register(paceRows, true);
    }

    private static void addRows(List<MultiGauge.Row<?>> percentRows, List<MultiGauge.Row<?>> paceRows, Tags tags, Pace pace) {
        if (pace.percentage() != null) {
            percentRows.add(MultiGauge.Row.of(tags, pace.percentage()));
        }
        if (pace.paceRatio() != null) {
            paceRows.add(MultiGauge.Row.of(tags, pace.paceRatio()));
        }
    }
}
