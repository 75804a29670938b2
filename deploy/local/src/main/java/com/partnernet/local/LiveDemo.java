package com.partnernet.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.partnernet.testkit.token.Tokens;

/**
 * The local run's live part, a JVM of its own: the dashboard page for sales managers and ops (served on
 * DASHBOARD_PORT to loopback host names only; it calls the three services' REST APIs itself, with the ops token) and the lead
 * simulator (LEAD_RATE leads per minute, 0 for none). Writes a ready file once both run; stops on SIGTERM.
 */
public final class LiveDemo {

    public static final String READY_FILE = "live-demo.ready";
    private static final String CHART_JS = "org.webjars.npm/chart.js";
    private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json");

    public static void main(String[] args) throws Exception {
        LocalSettings settings = LocalSettings.fromEnvironment(Path.of(args[0]));
        Path ready = settings.stateDir().resolve(READY_FILE);
        Files.deleteIfExists(ready);
        // The simulator works pipelines as shops would (a sales manager's rights); the page only reads, as ops.
        String token = Files.readString(settings.stateDir().resolve("tokens").resolve(Tokens.SALES_MANAGER + ".jwt")).trim();
        String pageToken = Files.readString(settings.stateDir().resolve("tokens").resolve(Tokens.OPS + ".jwt")).trim();
        double leadRate = settings.leadRate();

        LeadSimulator simulator = null;
        String simulation = "off (LEAD_RATE=0)";
        if (leadRate > 0) {
            simulator = new LeadSimulator(settings.bootstrapServers(), settings.serviceUrls(), token, leadRate);
            simulation = leadRate + " leads per minute";
            if (!simulator.start()) {
                simulator.close();
                simulator = null;
                simulation = "off: there are no shops to send leads to";
            }
        }

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.dashboardPort()), 0);
        byte[] config = dashboardConfig(settings, pageToken, simulation);
        String chartJs = "META-INF/resources/webjars/chart.js/" + webJarVersion(CHART_JS) + "/dist/chart.umd.min.js";
        server.createContext("/", exchange -> {
            if (!isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                // A page of another site whose name was made to point at 127.0.0.1 (DNS rebinding) gets nothing,
                // least of all the token in config.json.
                send(exchange, 403, "html", "Forbidden: open the dashboard as 127.0.0.1 or localhost".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/", "/index.html" -> serveResource(exchange, "dashboard/index.html", "html");
                case "/dashboard.js" -> serveResource(exchange, "dashboard/dashboard.js", "js");
                case "/partnernet-client.js" -> serveResource(exchange, "dashboard/partnernet-client.js", "js");
                case "/dashboard.css" -> serveResource(exchange, "dashboard/dashboard.css", "css");
                case "/chart.js" -> serveResource(exchange, chartJs, "js");
                case "/config.json" -> send(exchange, 200, "json", config);
                default -> send(exchange, 404, "html", "Not found".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();

        LeadSimulator running = simulator;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
                if (running != null) {
                    running.close();
                }
                server.stop(1);
            } catch (Exception e) {
                System.err.println("Stopping the live demo failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "live-demo-stop"));
        Files.writeString(ready, "dashboard=http://127.0.0.1:" + settings.dashboardPort() + "/\nsimulator=" + simulation + "\n");
        System.out.println("Dashboard on http://127.0.0.1:" + settings.dashboardPort() + "/, lead simulator " + simulation);
        stopped.await();
    }

    /** What the page needs to call the services: where they are, a token, and the demo's campaigns. */
    private static byte[] dashboardConfig(LocalSettings settings, String token, String simulation) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        settings.serviceUrls().forEach((service, url) -> config.put(service.database, url));
        config.put("token", token);
        config.put("pilotCampaign", DemoData.PILOT_CAMPAIGN);
        config.put("simulator", simulation);
        return new ObjectMapper().writeValueAsBytes(config);
    }

    /** Whether a request's Host header names this machine's loopback, as the dashboard's own URL does. */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
        return Set.of("127.0.0.1", "localhost", "[::1]").contains(name.toLowerCase(Locale.ROOT));
    }

    private static String webJarVersion(String groupAndArtifact) throws IOException {
        try (InputStream in = resource("META-INF/maven/" + groupAndArtifact + "/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    private static void serveResource(HttpExchange exchange, String name, String type) throws IOException {
        try (InputStream in = resource(name)) {
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = LiveDemo.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath");
        }
        return in;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPES.get(type));
        // The page is the live view: always the current one, never a cached one.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
