package com.partnernet.testkit.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.testkit.http.ApiClient;

/**
 * A server that comes as a jar from Maven Central (the mail server, the trace viewer), in a JVM of its own: started,
 * waited for until its readiness URL answers 200, stopped.
 */
final class JarServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = ApiClient.httpClient(Duration.ofSeconds(5));

    private final Process process;

    private JarServer(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code jar} with {@code jvmOptions} before and {@code arguments} after it, its output appended to
     * {@code log}, and waits until {@code readiness} answers.
     */
    static JarServer start(String name, Path jar, List<String> jvmOptions, List<String> arguments, Map<String, String> env,
            Path log, URI readiness) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        JarServer server = new JarServer(builder.start());
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answers(readiness)) {
            if (!server.process.isAlive() || Instant.now().isAfter(deadline)) {
                server.close();
                throw new IllegalStateException("The " + name + " did not start; see " + log);
            }
            Thread.sleep(100);
        }
        return server;
    }

    /** A jar in the local Maven repository, which this module's build resolved (its path is filtered in). */
    static Path jar(String key) {
        Properties properties = new Properties();
        try (InputStream in = JarServer.class.getResourceAsStream("/partnernet-server-jars.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jar = Path.of(properties.getProperty(key));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The server jar is not at " + jar + ": build the test kit first (./mvnw -pl testkit package)");
        }
        return jar;
    }

    /** A GET's JSON answer, or null when it answered other than 200. */
    static JsonNode getJson(URI url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
