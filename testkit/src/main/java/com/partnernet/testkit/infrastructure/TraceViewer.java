package com.partnernet.testkit.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The trace viewer without Docker: Zipkin's slim server jar (from Maven Central) in a JVM of its own, keeping the
 * latest spans in memory. The services send theirs to {@link #spansEndpoint(int)} (chassis.tracing.export=zipkin); its
 * UI and API answer at {@link #url(int)}.
 */
public final class TraceViewer implements AutoCloseable {

    /** Hours of the local run's lead simulator (a lead's trace has about ten spans), within the viewer's small heap. */
    private static final int KEPT_SPANS = 50_000;

    private final JarServer server;

    private TraceViewer(JarServer server) {
        this.server = server;
    }

    /** Starts the viewer on {@code port} (loopback only) and waits until it answers; its log goes to {@code log}. */
    public static TraceViewer start(int port, Path log) throws IOException, InterruptedException {
        return new TraceViewer(JarServer.start("trace viewer", JarServer.jar("zipkin.server.jar"),
                List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of("--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=" + port,
                        "--armeria.ports[0].protocols=http"),
                Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", Integer.toString(KEPT_SPANS)), log,
                URI.create(url(port) + "/health")));
    }

    /** The UI (and under {@code /api/v2} the API). */
    public static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Where the services post their spans. */
    public static String spansEndpoint(int port) {
        return url(port) + "/api/v2/spans";
    }

    /** The spans of one trace as the viewer holds them (Zipkin's JSON v2), none while it knows no such trace. */
    public static List<JsonNode> trace(int port, String traceId) {
        JsonNode trace = JarServer.getJson(URI.create(url(port) + "/api/v2/trace/" + traceId));
        List<JsonNode> spans = new ArrayList<>();
        if (trace != null) {
            trace.forEach(spans::add);
        }
        return spans;
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
