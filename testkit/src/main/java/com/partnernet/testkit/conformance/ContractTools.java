package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The independent contract checkers the test kit's build installs from the npm registry (testkit/pom.xml,
 * testkit/src/main/contract-tools): Spectral, the AsyncAPI CLI and Prism, on a Node.js of their own. None of them
 * is written here; this only starts them.
 */
public final class ContractTools {

    private static final Properties WHERE = new Properties();

    static {
        try (InputStream in = ContractTools.class.getResourceAsStream("/partnernet-contract-tools.properties")) {
            if (in == null) {
                throw new IllegalStateException("partnernet-contract-tools.properties is missing: build the test kit");
            }
            WHERE.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ContractTools() {
    }

    /** What a tool printed and how it ended. */
    public record Run(int exitCode, String output) {
    }

    /** Runs a tool of node_modules/.bin to its end (at most {@code timeout}) in {@code directory}. */
    public static Run run(Path directory, Duration timeout, String tool, String... arguments)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("contract-tool", ".log");
        try {
            Process process = start(directory, output, tool, List.of(arguments));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(tool + " did not finish within " + timeout + ":\n" + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Starts a tool of node_modules/.bin, its output (both streams) into {@code output}. */
    public static Process start(Path directory, Path output, String tool, List<String> arguments) throws IOException {
        Path home = Path.of(WHERE.getProperty("home"));
        Path node = Path.of(WHERE.getProperty("node"));
        List<String> command = new ArrayList<>(List.of(node.toString(), home.resolve("node_modules/.bin").resolve(tool)
                .toRealPath().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // The tools' own child processes find the same Node.js; the AsyncAPI CLI sends no usage metrics.
        builder.environment().put("PATH", node.getParent() + ":" + System.getenv().getOrDefault("PATH", ""));
        Path metrics = home.resolve("asyncapi-analytics.json");
        if (!Files.exists(metrics)) {
            Files.writeString(metrics, "{\"analyticsEnabled\":\"false\",\"infoMessageShown\":\"true\",\"userID\":\"build\"}");
        }
        builder.environment().put("ASYNCAPI_METRICS_CONFIG_PATH", metrics.toString());
        return builder.start();
    }
}
