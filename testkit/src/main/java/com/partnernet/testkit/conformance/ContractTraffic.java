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
import com.partnernet.testkit.http.ApiClient;
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
 * Other clients show their exchanges with {@link #validate} (the conformance sweeps' {@link ContractProbe}).
 */
public final class ContractTraffic implements QuarkusTestBeforeEachCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = ApiClient.httpClient(Duration.ofSeconds(5));
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

    /** One exchange as a client had it: the request it sent and the answer it got. */
    public record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, byte[] requestBody,
            int status, Map<String, List<String>> answerHeaders, byte[] answerBody) {
    }

    /** One thing Prism found off the document: in the request or in the answer, where, and what. */
    public record Violation(boolean ofAnswer, int code, String location, String message) {

        @Override
        public String toString() {
            return (ofAnswer ? "answer " : "request ") + location + " " + message;
        }
    }

    /**
     * Shows an exchange of another client than rest-assured to the validator (the conformance sweeps' probe): what
     * Prism finds off the document, nothing when the exchange is as documented. Counted like the suite's own.
     */
    public static List<Violation> validate(Exchange exchange) {
        return ROUTE.validation(exchange);
    }

    /** The operations met, each with the statuses it answered through the validator. */
    static Map<String, Set<Integer>> statuses() {
        return ROUTE.statuses;
    }

    /** Every violation the validator reported that fails the contract, one line each. */
    static List<String> violations() {
        return ROUTE.violations;
    }

    /** How many exchanges were shown to the validator. */
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
            Map<String, List<String>> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.getHeaders().forEach(header -> requestHeaders.computeIfAbsent(header.getName(), name -> new ArrayList<>())
                    .add(header.getValue()));
            Map<String, List<String>> answerHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            answer.getHeaders().forEach(header -> answerHeaders.computeIfAbsent(header.getName(), name -> new ArrayList<>())
                    .add(header.getValue()));
            Object body = request.getBody();
            Exchange exchange = new Exchange(request.getMethod(), URI.create(request.getURI()), requestHeaders,
                    body instanceof byte[] raw ? raw : body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8),
                    answer.statusCode(), answerHeaders, answer.asByteArray());
            List<Violation> verdict = validation(exchange);
            statuses.computeIfAbsent(operation, key -> new TreeSet<>()).add(answer.statusCode());
            List<String> failures = failures(operation, exchange, verdict);
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

        /** The exchange shown to Prism: what it found off the document. */
        private List<Violation> validation(Exchange exchange) {
            validated.incrementAndGet();
            String recorded = replay.record(exchange);
            URI uri = exchange.uri();
            HttpRequest.Builder shown = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prism().port()
                    + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .timeout(Duration.ofSeconds(30)).header(Replay.EXCHANGE, recorded);
            exchange.requestHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase())) {
                    values.forEach(value -> shown.header(name, value));
                }
            });
            shown.method(exchange.method(), exchange.requestBody() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(exchange.requestBody()));
            try {
                String header = HTTP.send(shown.build(), HttpResponse.BodyHandlers.discarding()).headers()
                        .firstValue("sl-violations").orElse(null);
                List<Violation> found = new ArrayList<>();
                if (header != null) {
                    for (JsonNode violation : JSON.readTree(header)) {
                        JsonNode location = violation.path("location");
                        found.add(new Violation(location.path(0).asText().equals("response"), violation.path("code").asInt(),
                                location.toString(), violation.path("message").asText()));
                    }
                }
                return found;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                replay.forget(recorded);
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
        private static List<String> failures(String operation, Exchange exchange, List<Violation> verdict) {
            if (verdict.isEmpty()) {
                return List.of();
            }
            boolean taken = exchange.status() < 300;
            String answer = new String(exchange.answerBody(), StandardCharsets.UTF_8);
            boolean itemsRefused;
            try {
                itemsRefused = taken && answer.startsWith("{") && JSON.readTree(answer).path("rejected").asInt() > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> failures = new ArrayList<>();
            for (Violation violation : verdict) {
                // A test may stand in for the token (@TestSecurity): a request taken without one is no gap.
                boolean credentials = violation.code() == 401;
                boolean ofRefusedItem = itemsRefused && ofItem(violation.location());
                if (violation.ofAnswer() || taken && !credentials && !ofRefusedItem) {
                    failures.add(operation + " " + exchange.status() + ": " + violation);
                }
            }
            return failures;
        }

        /** A location inside an element of an array in the body: ["request","body",(name,)* index, ...]. */
        private static boolean ofItem(String location) {
            return location.matches("\\[\"request\",\"body\",(\"[^\"]*\",)*\"\\d+\".*");
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

        private final Map<String, Exchange> answers = new ConcurrentHashMap<>();
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

        String record(Exchange exchange) {
            String recorded = Integer.toString(exchanges.incrementAndGet());
            answers.put(recorded, exchange);
            return recorded;
        }

        void forget(String exchange) {
            answers.remove(exchange);
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Exchange answer = answers.get(exchange.getRequestHeaders().getFirst(EXCHANGE));
                if (answer == null) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                answer.answerHeaders().forEach((name, values) -> {
                    if (!RESTRICTED.contains(name.toLowerCase()) && !name.equalsIgnoreCase("transfer-encoding")
                            && !name.startsWith(":")) {
                        values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                    }
                });
                byte[] body = answer.answerBody();
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
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
                document.toFile().deleteOnExit();
                int port = free.getLocalPort();
                free.close();
                Path log = Files.createTempFile("prism-", ".log");
                log.toFile().deleteOnExit();
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
