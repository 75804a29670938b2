package com.partnernet.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the fault scenarios at full size (or {@code --reduced}) and prints a table: scenario, load, faults injected,
 * leads in and out, lost, duplicated, verdict. Also writes it as JSON to {@code deploy/chaos/target/chaos-report.json}.
 * Exits 1 when a scenario fails.
 */
public final class ChaosRunner {

    private ChaosRunner() {
    }

    /** The scenarios at a size: full as the reliability promise is stated, reduced for the test command. */
    static List<Scenario> scenarios(boolean full, long seed) {
        return full
                ? List.of(new ServiceCrash(20_000, 1_000, seed), new PoisonInput(2_000, 20))
                : List.of(new ServiceCrash(600, 150, seed), new PoisonInput(100, 2));
    }

    static Outcome run(Path root, Scenario scenario) throws Exception {
        try (ChaosSystem system = ChaosSystem.start(root, scenario.name(), scenario.services())) {
            return scenario.run(system);
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("partnernet.root", ".")).toAbsolutePath().normalize();
        boolean full = !List.of(args).contains("--reduced");
        long seed = Long.getLong("chaos.seed", System.currentTimeMillis());
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios(full, seed)) {
            System.out.println("Running " + scenario.name() + " ...");
            outcomes.add(run(root, scenario));
        }
        String format = "%-18s %-28s %-44s %9s %9s %6s %10s %-7s%n";
        System.out.println();
        System.out.printf(format, "scenario", "load", "faults injected", "leads in", "leads out", "lost", "duplicated",
                "verdict");
        for (Outcome outcome : outcomes) {
            System.out.printf(format, outcome.scenario(), outcome.load(), outcome.faults(), outcome.leadsIn(),
                    outcome.leadsOut(), outcome.lost(), outcome.duplicated(), outcome.verdict());
        }
        System.out.println();
        outcomes.forEach(outcome -> System.out.println(outcome.scenario() + ": " + outcome.detail()));
        Path report = root.resolve("deploy/chaos/target/chaos-report.json");
        Files.createDirectories(report.getParent());
        ChaosSystem.JSON.writerWithDefaultPrettyPrinter().writeValue(report.toFile(), outcomes);
        System.out.println("Report: " + report);
        System.exit(outcomes.stream().allMatch(Outcome::passed) ? 0 : 1);
    }
}
