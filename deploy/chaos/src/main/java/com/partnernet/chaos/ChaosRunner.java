package com.partnernet.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.partnernet.chaos.InfrastructureRestart.Part;

/**
 * Runs the fault scenarios at full size (or {@code --reduced}) and prints a table: scenario, load, faults injected,
 * leads in and out, lost, duplicated, verdict. Also writes it as JSON to {@code deploy/chaos/target/chaos-report.json}.
 * Exits 1 when a scenario fails.
 */
public final class ChaosRunner {

    private ChaosRunner() {
    }

    /**
     * The scenarios at a size: full as the reliability promise is stated, reduced for the test command. The full
     * database outage lasts longer than a consumer's unacknowledged record may wait by the connector's default (60 s;
     * the chassis' setting outlasts the retries: chassis ConsumerSettingsTest); the reduced one longer than a consumer's
     * session and several of its retries.
     */
    static List<Scenario> scenarios(boolean full, long seed) {
        return full
                ? List.of(new ServiceCrash(20_000, 1_000, seed), new WonLeadsCrash(20_000, 1_000, seed),
                        new InfrastructureRestart(Part.BROKER, 20_000, 1_000, Duration.ofSeconds(60), seed),
                        new InfrastructureRestart(Part.DATABASE, 20_000, 1_000, Duration.ofSeconds(90), seed),
                        new TwoInstances(20_000, 1_000, seed), new PoisonInput(2_000, 20), new BadRestInput(5, seed))
                : List.of(new ServiceCrash(600, 150, seed), new WonLeadsCrash(600, 150, seed),
                        new InfrastructureRestart(Part.BROKER, 400, 100, Duration.ofSeconds(5), seed),
                        new InfrastructureRestart(Part.DATABASE, 400, 100, Duration.ofSeconds(20), seed),
                        new TwoInstances(600, 150, seed), new PoisonInput(100, 2), new BadRestInput(1, seed));
    }

    static Outcome run(Path root, Scenario scenario) throws Exception {
        try (SystemUnderTest system = SystemUnderTest.start(root, scenario)) {
            return scenario.run(system);
        }
    }

    /** Columns as wide as their widest cell; numbers right-aligned. */
    private static void printTable(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        System.out.println();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                boolean number = column >= 3 && column <= 6;
                line.append(String.format("%" + (number ? "" : "-") + widths[column] + "s  ", row.get(column)));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("partnernet.root", ".")).toAbsolutePath().normalize();
        boolean full = !List.of(args).contains("--reduced");
        // Scenario numbers among the arguments pick those scenarios; none: all of them.
        List<String> picked = Stream.of(args).filter(arg -> arg.matches("\\d+")).toList();
        long seed = Long.getLong("chaos.seed", System.currentTimeMillis());
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios(full, seed)) {
            if (!picked.isEmpty() && !picked.contains(scenario.name().split(" ")[0])) {
                continue;
            }
            System.out.println("Running " + scenario.name() + " ...");
            outcomes.add(run(root, scenario));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("scenario", "load", "faults injected", "leads in", "leads out", "lost", "duplicated", "verdict"));
        for (Outcome outcome : outcomes) {
            rows.add(List.of(outcome.scenario(), outcome.load(), outcome.faults(), String.format("%,d", outcome.leadsIn()),
                    String.format("%,d", outcome.leadsOut()), Long.toString(outcome.lost()),
                    Long.toString(outcome.duplicated()), outcome.verdict()));
        }
        printTable(rows);
        System.out.println();
        outcomes.forEach(outcome -> System.out.println(outcome.scenario() + ": " + outcome.detail()));
        Path report = root.resolve("deploy/chaos/target/chaos-report.json");
        Files.createDirectories(report.getParent());
        SystemUnderTest.JSON.writerWithDefaultPrettyPrinter().writeValue(report.toFile(), outcomes);
        System.out.println("Report: " + report);
        System.exit(outcomes.stream().allMatch(Outcome::passed) ? 0 : 1);
    }
}
