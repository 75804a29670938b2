package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.parser.util.DeserializationUtils;

/**
 * A service's whole scenario suite as traffic for an independent validator: every exchange its {@code @QuarkusTest}s
 * have with rest-assured is shown to Prism's validating proxy (testkit/src/main/contract-tools), which checks request
 * and answer against the committed OpenAPI document and reports each violation in its {@code sl-violations} header.
 * The test gets the service's own answer: the request goes to the service, then again to Prism, whose upstream
 * ({@link Replay}) answers it with what the service answered — Prism writes JSON anew (75.0 becomes 75), and a
 * request must not reach the service twice. An answer off its document fails the test that met it at once, and so
 * does a success for a request the document refuses (the document would be narrower than the service).
 * {@link ContractTrafficChecks}, the suite's last class, then requires a success of every documented operation.
 * Quarkus calls this before each test (a {@code QuarkusTestBeforeEachCallback}), in the tests' own class loader.
 */
public final class ContractTraffic implements QuarkusTestBeforeEachCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Headers the JDK's client sets itself. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");
    /** Prism's own limit on a request body is 1 MB; well below it, bodies are the tests' usual ones. */
    private static final int PRISM_BODY_LIMIT = 512 * 1024;
    private static final Route ROUTE = new Route();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(ROUTE)) {
            RestAssured.filters(ROUTE);
        }
    }

    /** The operations met, each with the statuses it answered through the validator. */
    static Map<String, Set<Integer>> statuses() {
        return ROUTE.statuses;
    }

    /** Every violation the validator reported that fails the contract, one line each. */
    static List<String> violations() {
        return ROUTE.violations;
    }

    /** How many requests went through the validator. */
    static int validated() {
        return ROUTE.validated.get();
    }

    /** The committed document's operations, "METHOD /path" each, but for event streams (Prism buffers answers). */
    static Set<String> operations() {
        Set<String> operations = new TreeSet<>(ROUTE.document().operations.keySet());
        operations.removeAll(ROUTE.document().streams);
        return operations;
    }

    private static final class Route implements Filter {

        private final Replay replay = Replay.start();
        private Prism prism;
        private final Map<String, Set<Integer>> statuses = new ConcurrentHashMap<>();
        private final List<String> violations = new ArrayList<>();
        private final AtomicInteger validated = new AtomicInteger();
        private Document document;

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            String accept = request.getHeaders().getValue("Accept");
            String path = URI.create(request.getURI()).getPath();
            int upstream = request.getPort();
            // The API only: not the management interface, Quarkus' own endpoints, pages (a service's conformance
            // test holds every path it serves to the document) or an event stream.
            String operation = document().operation(request.getMethod(), path);
            if (upstream != RestAssured.port || operation == null
                    || accept != null && accept.contains("text/event-stream") || beyondPrism(request)) {
                return context.next(request, response);
            }
            Response answer = context.next(request, response);
            String verdict = validation(request, answer);
            validated.incrementAndGet();
            statuses.computeIfAbsent(operation, key -> new TreeSet<>()).add(answer.statusCode());
            List<String> failures = failures(operation, answer, verdict);
            if (!failures.isEmpty()) {
                synchronized (violations) {
                    violations.addAll(failures);
                }
                throw new AssertionError("Off the OpenAPI document (Prism's validation):\n  " + String.join("\n  ", failures));
            }
            return answer;
        }

        /**
         * A body Prism cannot take: larger than it reads (its own 413 in place of the service's problem), or JSON
         * that does not parse (it never answers). The service's answers to both are checked by its own sweeps.
         */
        private static boolean beyondPrism(FilterableRequestSpecification request) {
            Object body = request.getBody();
            String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : body instanceof String string ? string : null;
            if (text == null) {
                return false;
            }
            if (text.length() > PRISM_BODY_LIMIT) {
                return true;
            }
            String type = request.getContentType();
            if (type != null && type.contains("json")) {
                try {
                    JSON.readTree(text);
                } catch (IOException malformed) {
                    return true;
                }
            }
            return false;
        }

        /** The exchange shown to Prism: its {@code sl-violations}, or null when it found none. */
        private String validation(FilterableRequestSpecification request, Response answer) {
            String exchange = replay.record(answer);
            URI uri = URI.create(request.getURI());
            HttpRequest.Builder shown = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prism().port()
                    + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .timeout(Duration.ofSeconds(30)).header(Replay.EXCHANGE, exchange);
            request.getHeaders().forEach(header -> {
                if (!RESTRICTED.contains(header.getName().toLowerCase())) {
                    shown.header(header.getName(), header.getValue());
                }
            });
            Object body = request.getBody();
            byte[] bytes = body instanceof byte[] raw ? raw : body == null ? null
                    : body.toString().getBytes(StandardCharsets.UTF_8);
            shown.method(request.getMethod(), bytes == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
            try {
                return HTTP.send(shown.build(), HttpResponse.BodyHandlers.discarding()).headers()
                        .firstValue("sl-violations").orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                replay.forget(exchange);
            }
        }

        private synchronized Prism prism() {
            if (prism == null) {
                prism = Prism.start(document().file, replay.port());
            }
            return prism;
        }

        /**
         * Answer violations, and request violations of a request the service took. Not those of an item of a batch
         * whose answer reports items refused: a batch takes its good items and reports each bad one (footfall rows,
         * leads, sales), which the document describes in the answer, not as a refused request.
         */
        private static List<String> failures(String operation, Response answer, String header) {
            if (header == null) {
                return List.of();
            }
            int status = answer.statusCode();
            boolean taken = status < 300;
            List<String> failures = new ArrayList<>();
            try {
                boolean itemsRefused = taken && answer.asString().startsWith("{")
                        && JSON.readTree(answer.asString()).path("rejected").asInt() > 0;
                for (JsonNode violation : JSON.readTree(header)) {
                    JsonNode location = violation.path("location");
                    boolean ofAnswer = location.path(0).asText().equals("response");
                    // A test may stand in for the token (@TestSecurity): a request taken without one is no gap.
                    boolean credentials = violation.path("code").asInt() == 401;
                    boolean ofRefusedItem = itemsRefused && location.path(1).asText().equals("body")
                            && ofItem(location);
                    if (ofAnswer || taken && !credentials && !ofRefusedItem) {
                        failures.add(operation + " " + status + ": " + (ofAnswer ? "answer " : "request ")
                                + violation.path("location") + " " + violation.path("message").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return failures;
        }

        /** A location inside an element of an array in the body: ["request", "body", (name,)* index, ...]. */
        private static boolean ofItem(JsonNode location) {
            for (int segment = 2; segment < location.size(); segment++) {
                if (location.path(segment).asText().matches("\\d+")) {
                    return true;
                }
            }
            return false;
        }

        private synchronized Document document() {
            if (document == null) {
                String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
                document = new Document(Path.of("../docs/api/" + service + ".openapi.yaml").toAbsolutePath().normalize());
            }
            return document;
        }
    }

    /** The committed document: its file, and its operations by method and path template. */
    private static final class Document {

        final Path file;
        final Map<String, Pattern> operations = new TreeMap<>();
        final Set<String> streams = new TreeSet<>();

        Document(Path file) {
            this.file = file;
            try {
                DeserializationUtils.readYamlTree(Files.readString(file)).path("paths").fields().forEachRemaining(path -> {
                    Pattern template = Pattern.compile(path.getKey().replaceAll("\\{[^/]+}", "[^/]+"));
                    path.getValue().fields().forEachRemaining(method -> {
                        if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                            String operation = method.getKey().toUpperCase() + " " + path.getKey();
                            operations.put(operation, template);
                            if (method.getValue().path("responses").path("200").path("content").has("text/event-stream")) {
                                streams.add(operation);
                            }
                        }
                    });
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The operation a request meets, null for none; a literal path wins over a template ({@code /shops/search}). */
        String operation(String method, String path) {
            String templated = null;
            for (Map.Entry<String, Pattern> operation : operations.entrySet()) {
                String[] key = operation.getKey().split(" ", 2);
                if (key[0].equals(method) && operation.getValue().matcher(path).matches()) {
                    if (key[1].equals(path)) {
                        return operation.getKey();
                    }
                    templated = operation.getKey();
                }
            }
            return templated;
        }
    }

    /**
     * Prism's upstream: answers each request with the answer recorded under its {@link #EXCHANGE} header — status,
     * headers and body exactly as the service gave them.
     */
    private static final class Replay {

        static final String EXCHANGE = "X-Contract-Exchange";

        private final Map<String, Response> answers = new ConcurrentHashMap<>();
        private final AtomicInteger exchanges = new AtomicInteger();
        private HttpServer server;

        static Replay start() {
            Replay replay = new Replay();
            try {
                replay.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            replay.server.createContext("/", replay::answer);
            replay.server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "contract-replay");
                thread.setDaemon(true);
                return thread;
            }));
            replay.server.start();
            return replay;
        }

        int port() {
            return server.getAddress().getPort();
        }

        String record(Response answer) {
            String exchange = Integer.toString(exchanges.incrementAndGet());
            answers.put(exchange, answer);
            return exchange;
        }

        void forget(String exchange) {
            answers.remove(exchange);
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Response answer = answers.get(exchange.getRequestHeaders().getFirst(EXCHANGE));
                if (answer == null) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                answer.getHeaders().forEach(header -> {
                    if (!RESTRICTED.contains(header.getName().toLowerCase())
                            && !header.getName().equalsIgnoreCase("transfer-encoding")) {
                        exchange.getResponseHeaders().add(header.getName(), header.getValue());
                    }
                });
                byte[] body = answer.asByteArray();
                exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            }
        }
    }

    /** Prism's validating proxy in front of the replay, for as long as the test JVM lives. */
    private record Prism(Process process, int port) {

        static Prism start(Path committed, int upstream) {
            try (ServerSocket free = new ServerSocket(0)) {
                // A copy: Prism starts anew whenever its file changes, and -Dcontract.update rewrites the committed one.
                Path document = Files.createTempFile("contract-", ".openapi.yaml");
                Files.copy(committed, document, StandardCopyOption.REPLACE_EXISTING);
                int port = free.getLocalPort();
                free.close();
                Path log = Files.createTempFile("prism-" + upstream + "-", ".log");
                Process process = ContractTools.start(document.getParent(), log, "prism", List.of("proxy", "--cors=false",
                        "--errors=false", "--host", "127.0.0.1", "--port", Integer.toString(port),
                        "--verboseLevel", "fatal", document.toString(), "http://localhost:" + upstream));
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "prism-stop"));
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (Instant.now().isBefore(deadline)) {
                    try (Socket probe = new Socket("127.0.0.1", port)) {
                        return new Prism(process, port);
                    } catch (IOException notYet) {
                        if (!process.isAlive()) {
                            break;
                        }
                        Thread.sleep(100);
                    }
                }
                process.destroyForcibly();
                throw new IllegalStateException("Prism did not start:\n" + Files.readString(log));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
