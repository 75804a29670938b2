package com.partnernet.testkit.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.partnernet.testkit.http.ApiClient;

/** A packaged service (Quarkus fast-jar) running as its own JVM, configured through environment variables. */
public final class ServiceProcess {

    /**
     * Quarkus' class-data archive of a service (built with {@code quarkus.package.jar.appcds.enabled}, beside the
     * jar): the classes its start loads, already parsed and verified. Made by the build's JDK, for it alone (another
     * JDK warns and starts without it).
     */
    public static final String APP_CLASS_DATA = "app-cds.jsa";
    /** A JVM option that keeps a service to the JDK's own class-data archive, as without {@link #APP_CLASS_DATA}. */
    public static final String JDK_CLASS_DATA_ONLY = "-Xshare:auto";

    private static final HttpClient HTTP = ApiClient.httpClient(Duration.ofSeconds(2));

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private ServiceProcess(String name, Process process, Path log, int port, int managementPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts {@code jar} with {@code env} added to this process's environment, its API on {@code port} and its health
     * and metrics on {@code managementPort}; with the application's class-data archive where the build made one
     * ({@link #APP_CLASS_DATA}) and {@code jvmOptions} choose no other sharing.
     *
     * @param detached in a session of its own (setsid), so it outlives the command that started it and a Ctrl-C
     *        there does not reach it
     */
    public static ServiceProcess start(String name, Path jar, int port, int managementPort, Map<String, String> env,
            List<String> jvmOptions, Path log, boolean detached) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " is not built: " + jar + " is missing (run ./mvnw package -DskipTests)");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        if (detached) {
            command.add("setsid");
        }
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        Path archive = jar.resolveSibling(APP_CLASS_DATA);
        boolean sharesAppClasses = Files.isRegularFile(archive)
                && jvmOptions.stream().noneMatch(option -> option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile"));
        if (sharesAppClasses) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (sharesAppClasses) {
            // The archive names the jar's class path relative to the application's folder: the JVM checks it from there.
            builder.directory(jar.getParent().toFile());
        }
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        return new ServiceProcess(name, builder.start(), log, port, managementPort);
    }

    /** Starts a class of this module's classpath as a JVM of its own (the local run's infrastructure). */
    public static Process startJava(String mainClass, List<String> jvmOptions, List<String> args, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("setsid", javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where health ({@code /q/health/...}) and metrics ({@code /q/metrics}) are served. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Waits until {@code /q/health/ready} answers UP; fails early, with the log's tail, when the process dies. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + " before it was ready. "
                        + "Last lines of " + log + ":\n" + tail(log, 40));
            }
            if (isReady(managementPort)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException(name + " was not ready after " + timeout.toSeconds() + " s. Last lines of "
                        + log + ":\n" + tail(log, 40));
            }
            // Often enough that start-to-ready times (measured by the benchmark) are not rounded up by the wait.
            Thread.sleep(20);
        }
    }

    /** Whether a service answers UP on {@code /q/health/ready} at its management port. */
    public static boolean isReady(int managementPort) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops gracefully (SIGTERM: Quarkus finishes in-flight work), forcibly after {@code grace}. */
    public void stop(Duration grace) {
        stop(process.toHandle(), grace);
    }

    public static void stop(ProcessHandle handle, Duration grace) {
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            handle.destroyForcibly();
        }
    }

    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
