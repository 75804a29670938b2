package com.partnernet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.partnernet.testkit.infrastructure.Infrastructure;
import com.partnernet.testkit.service.Service;

/**
 * README's run command timed as a newcomer meets it once the build is done: {@code deploy/local/stack start} on an
 * empty state folder (database created, demo data loaded) until it returns with everything up, then once more on the
 * kept state. Runs on a folder and ports of its own, so a stack already running here is not touched.
 */
final class StackStart {

    record Result(double firstStartSeconds, double restartSeconds) {
    }

    private final Path root;
    private final Path log;

    StackStart(Path root, Path log) {
        this.root = root;
        this.log = log;
    }

    Result measure() throws Exception {
        Path state = Files.createTempDirectory("bench-stack");
        Map<String, String> env = new HashMap<>(Map.of("LOCAL_STATE", state.toString(), "SKIP_BUILD", "true",
                "PG_PORT", port(), "KAFKA_PORT", port(), "KAFKA_CONTROLLER_PORT", port(), "DASHBOARD_PORT", port()));
        for (Service service : Service.values()) {
            env.put(service.portVariable, port());
            env.put(service.managementPortVariable, port());
        }
        try {
            double first = timed(env, "start");
            timed(env, "stop");
            double again = timed(env, "start");
            timed(env, "stop");
            return new Result(first, again);
        } finally {
            try (Stream<Path> files = Files.walk(state)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private double timed(Map<String, String> env, String verb) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(root.resolve("deploy/local/stack").toString(), verb)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("deploy/local/stack " + verb + " did not return within 3 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("deploy/local/stack " + verb + " failed (exit " + process.exitValue() + "); see " + log);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String port() {
        return Integer.toString(Infrastructure.freePort());
    }
}
