package com.partnernet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.partnernet.chaos.SystemUnderTest;
import com.partnernet.testkit.service.Service;

/** The run's measurements: a table (ours beside the anchor, the ratio, the target and whether it is met) and JSON. */
final class Report {

    /** A line of the table; {@code met} is null where the issue sets no target. */
    record Row(String measurement, String ours, String anchor, String ratio, String target, Boolean met) {
    }

    private final BenchRunner.Sizes sizes;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private IngestionBench.Result flatOut;

    Report(BenchRunner.Sizes sizes) {
        this.sizes = sizes;
        figures.put("measuredAt", Instant.now().toString());
        figures.put("sizes", Map.of("partners", sizes.partners(), "shops", sizes.partners() * sizes.shopsPerPartner(),
                "warmUpLeads", sizes.warmUpLeads(), "fixedRateLeads", sizes.fixedRateLeads(), "fixedRate", sizes.fixedRate(),
                "flatOutLeads", sizes.flatOutLeads(), "wins", sizes.wins(), "connections", sizes.connections(), "readSeconds", sizes.readMeasured().toMillis() / 1000.0));
        figures.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
    }

    /** The run's first start, one service after the other (the ones before idle), for the JSON. */
    void readyIn(Service service, Duration readyIn) {
        section("readySeconds").put(service.serviceName, readyIn.toMillis() / 1000.0);
    }

    void idleRss(Service service, double megabytes) {
        section("idleRssMb").put(service.serviceName, megabytes);
        rows.add(new Row(service.serviceName + ": RSS idle (after the bench network's set-up)", mb(megabytes), "", "", "",
                null));
    }

    /** Start-up with the application's class data as ours, with the JDK's only as the anchor (before AppCDS). */
    void startUp(StartUp.Result result) {
        Map<StartUp.ClassData, Map<Service, StartUp.Start>> together = new LinkedHashMap<>();
        result.together().forEach((classData, rounds) -> together.put(classData, mean(rounds)));
        startUpRows("each alone", "alone", result.alone());
        startUpRows("three at once" + (result.together().values().iterator().next().size() > 1 ? " (mean of "
                + result.together().values().iterator().next().size() + " rounds)" : ""), "together", together);
        result.together().forEach((classData, rounds) -> section("startUp.togetherRounds").put(
                classData.name().toLowerCase(Locale.ROOT), rounds.stream().map(round -> round.entrySet().stream()
                        .collect(Collectors.toMap(start -> start.getKey().serviceName, start -> start.getValue(), (a, b) -> a,
                                LinkedHashMap::new))).toList()));
    }

    private void startUpRows(String how, String key, Map<StartUp.ClassData, Map<Service, StartUp.Start>> starts) {
        if (starts.isEmpty()) {
            return;
        }
        starts.forEach((classData, byService) -> byService.forEach((service, start) -> {
            Map<String, Object> section = section("startUp." + key + "." + classData.name().toLowerCase(Locale.ROOT) + "."
                    + service.serviceName);
            section.put("readySeconds", start.readySeconds());
            section.put("idleRssMb", start.idleRssMb());
        }));
        Map<Service, StartUp.Start> before = starts.get(StartUp.ClassData.JDK_ONLY);
        Map<Service, StartUp.Start> after = starts.get(StartUp.ClassData.APPLICATION);
        String label = after == null ? " (JDK's class data only; no AppCDS archive built)" : " (AppCDS; anchor: JDK's class data only)";
        rows.add(new Row("Start to ready, " + how + label, perService(after != null ? after : before,
                start -> seconds(start.readySeconds())), after != null ? perService(before, start -> seconds(start.readySeconds())) : "",
                "", "", null));
        rows.add(new Row("RSS idle after the start, " + how + label, perService(after != null ? after : before,
                start -> mb(start.idleRssMb())), after != null ? perService(before, start -> mb(start.idleRssMb())) : "", "", "", null));
    }

    /** Each service's mean over the rounds. */
    private static Map<Service, StartUp.Start> mean(List<Map<Service, StartUp.Start>> rounds) {
        Map<Service, StartUp.Start> means = new LinkedHashMap<>();
        rounds.get(0).keySet().forEach(service -> means.put(service, new StartUp.Start(
                rounds.stream().mapToDouble(round -> round.get(service).readySeconds()).average().orElse(0),
                rounds.stream().mapToDouble(round -> round.get(service).idleRssMb()).average().orElse(0))));
        return means;
    }

    private static String perService(Map<Service, StartUp.Start> starts, Function<StartUp.Start, String> figure) {
        return starts == null ? "" : starts.entrySet().stream()
                .map(start -> start.getKey().serviceName.replace("-service", "") + " " + figure.apply(start.getValue()))
                .collect(Collectors.joining(", "));
    }

    void peakRss(Map<String, Double> peaks) {
        figures.put("peakRssMbUnderLoad", peaks);
        peaks.forEach((service, megabytes) -> rows.add(new Row(service + ": RSS peak under load", mb(megabytes), "", "",
                "", null)));
    }

    void ingestion(String name, IngestionBench.Result result) {
        Map<String, Object> section = section("ingestion." + name);
        section.put("leads", result.leads());
        section.put("assigned", result.assigned());
        section.put("seconds", result.seconds());
        section.put("leadsPerSecond", result.leadsPerSecond());
        section.put("latencyFromIntendedSend", result.latencies().summary());
        section.put("intakes", result.intakes());
        section.put("intakeCommittedWithinSeconds", result.intakeWithin());
        boolean complete = result.assigned() == result.leads();
        if (name.equals("flatOut")) {
            flatOut = result;
        }
        if (!name.equals("fixedRate")) {
            return;
        }
        rows.add(new Row(String.format(Locale.ROOT, "Ingestion at %,d leads/s: publish → LeadAssigned", sizes.fixedRate()),
                latencies(result.latencies()) + (complete ? "" : String.format(Locale.ROOT, " (only %,d of %,d assigned)",
                        result.assigned(), result.leads())), "", "", "p99 ≤ 250 ms (median of three runs)",
                complete && result.latencies().percentileMs(99) <= 250));
        rows.add(new Row("… of which publish → intake committed (leads-service's histogram)", result.intakeWithin().entrySet()
                .stream().map(bucket -> String.format(Locale.ROOT, "≤ %.0f ms: %.0f %%", Double.parseDouble(bucket.getKey()) * 1000,
                        bucket.getValue() * 100)).collect(Collectors.joining(", ")), "", "", "", null));
    }

    void rawConsumer(RawConsumer.Result raw) {
        Map<String, Object> section = section("rawConsumer");
        section.put("rows", raw.rows());
        section.put("seconds", raw.seconds());
        section.put("rowsPerSecond", raw.rowsPerSecond());
        double ratio = flatOut.leadsPerSecond() / raw.rowsPerSecond();
        figures.put("ingestionRatioToRaw", ratio);
        boolean complete = flatOut.assigned() == flatOut.leads();
        rows.add(new Row(String.format(Locale.ROOT, "Ingestion flat out (%,d leads), sustained", flatOut.leads()),
                perSecond(flatOut.leadsPerSecond()) + " (p99 " + ms(flatOut.latencies().percentileMs(99)) + ")"
                        + (complete ? "" : String.format(Locale.ROOT, " (only %,d assigned)", flatOut.assigned())),
                perSecond(raw.rowsPerSecond()) + " raw consumer (one row per lead, no events: the ceiling)",
                ratio(ratio), "", null));
    }

    /**
     * The fair anchor: the same durable work per lead as leads-service, without the framework — in tables of its own,
     * or in leads-service's schema (its indexes and triggers maintained by each insert, as the service's are).
     */
    void fairConsumer(FairConsumer.Schema schema, FairConsumer.Result fair) {
        boolean serviceSchema = schema == FairConsumer.Schema.SERVICE_SCHEMA;
        Map<String, Object> section = section(serviceSchema ? "fairConsumerServiceSchema" : "fairConsumer");
        section.put("leads", fair.leads());
        section.put("seconds", fair.seconds());
        section.put("leadsPerSecond", fair.leadsPerSecond());
        double ratio = flatOut.leadsPerSecond() / fair.leadsPerSecond();
        figures.put(serviceSchema ? "ingestionRatioToFairServiceSchema" : "ingestionRatioToFair", ratio);
        rows.add(new Row("… beside the same durable work without the framework" + (serviceSchema
                ? ", in leads-service's schema" : ", in tables of its own"), perSecond(flatOut.leadsPerSecond()),
                perSecond(fair.leadsPerSecond()) + " kafka-clients + JDBC (same rows and events, transactions; "
                        + (serviceSchema ? "the service's tables, indexes and trigger)" : "the indexes its own work needs)"),
                ratio(ratio), "≥ 0.6×", flatOut.assigned() == flatOut.leads() && ratio >= 0.6));
    }

    void wonToAttainment(Latencies latencies) {
        section("wonToAttainment").putAll(latencies.summary());
        rows.add(new Row("Won → attainment visible (REST)", latencies(latencies), "", "", "p99 ≤ 500 ms",
                latencies.percentileMs(99) <= 500));
    }

    /**
     * @param plainHttp the fair anchor: the same reads by a plain HTTP server (the ratio the goals are about)
     * @param jdbc the same SQL without HTTP at all (what the database alone does)
     */
    void reads(String name, ReadLoad.Result ours, ReadLoad.Result plainHttp, ReadLoad.Result jdbc) {
        Map<String, Object> section = section("reads." + name);
        section.put("connections", sizes.connections());
        section.put("requests", ours.requests());
        section.put("errors", ours.errors());
        section.put("perSecond", ours.perSecond());
        section.put("latency", ours.latencies().summary());
        section.put("plainHttpPerSecond", plainHttp.perSecond());
        section.put("plainHttpErrors", plainHttp.errors());
        section.put("plainHttpLatency", plainHttp.latencies().summary());
        section.put("jdbcPerSecond", jdbc.perSecond());
        section.put("jdbcLatency", jdbc.latencies().summary());
        double ratio = ours.perSecond() / plainHttp.perSecond();
        section.put("ratioToPlainHttp", ratio);
        section.put("ratioToJdbc", ours.perSecond() / jdbc.perSecond());
        boolean pipeline = name.equals("pipeline");
        boolean met = ours.errors() == 0 && plainHttp.errors() == 0 && ratio >= 0.5
                && (!pipeline || ours.latencies().percentileMs(99) <= 50);
        rows.add(new Row(String.format(Locale.ROOT, "%s reads, %d connections", pipeline ? "Pipeline" : "Partner/shop lookup",
                sizes.connections()), perSecond(ours.perSecond()) + ", p99 " + ms(ours.latencies().percentileMs(99))
                        + (ours.errors() > 0 ? ", " + ours.errors() + " errors" : ""),
                perSecond(plainHttp.perSecond()) + ", p99 " + ms(plainHttp.latencies().percentileMs(99)) + " plain HTTP"
                        + (plainHttp.errors() > 0 ? " (" + plainHttp.errors() + " errors)" : "")
                        + "; " + perSecond(jdbc.perSecond()) + " JDBC alone",
                ratio(ratio), pipeline ? "≥ 0.5×, p99 ≤ 50 ms" : "≥ 0.5×", met));
    }

    void stackStart(StackStart.Result result) {
        figures.put("stackStartSeconds", Map.of("emptyState", result.firstStartSeconds(), "keptState",
                result.restartSeconds()));
        rows.add(new Row("Local stack up (deploy/local/stack start, empty state, demo data)",
                seconds(result.firstStartSeconds()), "", "", "≤ 30 s", result.firstStartSeconds() <= 30));
        rows.add(new Row("Local stack up again (kept state)", seconds(result.restartSeconds()), "", "", "", null));
    }

    String table() {
        StringBuilder table = new StringBuilder((sizes.smoke() ? "Benchmark (smoke sizes: the harness works; "
                + "the figures are no verdict)\n" : "Benchmark\n")
                + "| measurement | ours | anchor | ratio | target | met |\n|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            table.append("| ").append(String.join(" | ", row.measurement(), row.ours(), row.anchor(), row.ratio(),
                    row.target(), row.met() == null ? "" : row.met() ? "yes" : "NO")).append(" |\n");
        }
        return table.toString();
    }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Object> json = new LinkedHashMap<>(figures);
        json.put("table", rows);
        SystemUnderTest.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
        return file;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(String path) {
        Map<String, Object> section = figures;
        for (String name : path.split("\\.")) {
            section = (Map<String, Object>) section.computeIfAbsent(name, key -> new LinkedHashMap<String, Object>());
        }
        return section;
    }

    private static String latencies(Latencies latencies) {
        return String.format(Locale.ROOT, "p50 %s, p95 %s, p99 %s, max %s (%,d)", ms(latencies.percentileMs(50)),
                ms(latencies.percentileMs(95)), ms(latencies.percentileMs(99)), ms(latencies.maxMs()), latencies.count());
    }

    private static String ms(double milliseconds) {
        return String.format(Locale.ROOT, milliseconds < 10 ? "%.1f ms" : "%,.0f ms", milliseconds);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static String mb(double megabytes) {
        return String.format(Locale.ROOT, "%.0f MB", megabytes);
    }

    private static String perSecond(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
