package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.testkit.http.ApiClient;
import com.partnernet.testkit.token.Tokens;

/**
 * A running service probed against its own OpenAPI document, shared by the conformance checks ({@link AuthorizationMatrix},
 * {@link BadInputSweep}, {@link AnswerSchemas}, {@link PersonalDataSweep}): sends the endpoints' sample requests, and
 * remembers every status met per operation with who met it first, so that {@link #undocumented} can list each status
 * the document does not list, each success without the ETag or Location it promises, each error that is no problem
 * of the {@code urn:partnernet:problem:} family and each body off the schema documented for it ({@link AnswerSchemas}).
 */
public final class ContractProbe {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_TYPES = "urn:partnernet:problem:";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    final Tokens tokens;
    final UUID partnerA;
    final UUID partnerB;
    private final URI base;
    private final HttpClient http = ApiClient.httpClient(Duration.ofSeconds(5));
    /** Statuses met per "METHOD /path", with who met them first and the answer's headers (for the report). */
    private final Map<String, Map<Integer, Met>> observed = new TreeMap<>();
    /** Errors answered other than as a problem of the family. */
    private final List<String> notProblems = new ArrayList<>();
    /** Every way an answer's body broke its documented schema, with who met it first. */
    private final Map<String, String> offSchema = new TreeMap<>();
    private final AnswerSchemas schemas = new AnswerSchemas(this);
    private JsonNode document;

    /** @param partnerA the partner whose resources the endpoints' samples name; {@code partnerB} another one */
    public ContractProbe(URI base, Tokens tokens, UUID partnerA, UUID partnerB) {
        this.base = base;
        this.tokens = tokens;
        this.partnerA = partnerA;
        this.partnerB = partnerB;
    }

    /** A request to an endpoint: its sample's, or one with a client's mistake in it. */
    record Request(Map<String, String> pathParameters, String query, String contentType, String accept, String ifMatch,
            String body) {

        static Request sample(Endpoint endpoint, String body) {
            return new Request(Map.of(), endpoint.query, endpoint.contentType, null, null, body);
        }
    }

    HttpResponse<String> send(Endpoint endpoint, String token, String body) throws IOException, InterruptedException {
        return send(endpoint, token, Request.sample(endpoint, body));
    }

    HttpResponse<String> send(Endpoint endpoint, String token, Request request) throws IOException, InterruptedException {
        URI uri = uri(endpoint, request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (token != null) {
            headers.put("Authorization", List.of("Bearer " + token));
        }
        if (request.body() != null && request.contentType() != null) {
            headers.put("Content-Type", List.of(request.contentType()));
        }
        if (request.accept() != null) {
            headers.put("Accept", List.of(request.accept()));
        }
        if (request.ifMatch() != null) {
            headers.put("If-Match", List.of(request.ifMatch()));
        }
        headers.forEach((name, values) -> builder.header(name, values.get(0)));
        byte[] body = request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8);
        builder.method(endpoint.method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream answer = response.body()) {
            // A stream of events never ends: its status and headers are the answer; closing it hangs up.
            return new Answer(response, isEventStream(response) ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8),
                    new Sent(endpoint.method, uri, headers, body));
        }
    }

    /**
     * What the independent validator (Prism, {@link ContractTraffic}) finds off the document in an exchange this
     * probe had: a second opinion on the request (does the document refuse what the service refused?) and on the
     * answer.
     */
    List<ContractTraffic.Violation> independently(HttpResponse<String> response) {
        Sent sent = ((Answer) response).sent();
        return ContractTraffic.validate(new ContractTraffic.Exchange(sent.method(), sent.uri(), sent.headers(), sent.body(),
                response.statusCode(), response.headers().map(), response.body().getBytes(StandardCharsets.UTF_8)));
    }

    static boolean isEventStream(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
    }

    /** A token of a role the rule lets through (partner A's user where the rule names no other role). */
    String allowedToken(Endpoint endpoint) {
        return endpoint.roles.isEmpty() ? tokens.forPartner(partnerA) : tokens.forRole(endpoint.roles.iterator().next());
    }

    static String line(Endpoint endpoint, String who, String expectation, HttpResponse<String> response) {
        String body = response.body().length() > 160 ? response.body().substring(0, 160) + "…" : response.body();
        return String.format("%-60s %-30s expected %s, got %d %s", endpoint.key(), who, expectation,
                response.statusCode(), body.replace('\n', ' '));
    }

    /** Throws an AssertionError listing every failure, one a line, unless there is none. */
    static void report(List<String> failures, String what) {
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " " + what + ":\n  " + String.join("\n  ", failures));
        }
    }

    /** The endpoints the OpenAPI document lists against the rules given: both sets must be the same. */
    List<String> coverage(List<Endpoint> endpoints) throws IOException, InterruptedException {
        Set<String> served = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    served.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        Set<String> ruled = endpoints.stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
        List<String> failures = new ArrayList<>();
        served.stream().filter(key -> !ruled.contains(key))
                .forEach(key -> failures.add(key + ": served but has no authorization rule"));
        ruled.stream().filter(key -> !served.contains(key))
                .forEach(key -> failures.add(key + ": has a rule but is not served"));
        if (ruled.size() != endpoints.size()) {
            failures.add("some endpoints have more than one rule");
        }
        return failures;
    }

    JsonNode document() throws IOException, InterruptedException {
        if (document == null) {
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            document = JSON.readTree(served.body());
        }
        return document;
    }

    JsonNode operation(Endpoint endpoint) throws IOException, InterruptedException {
        return document().path("paths").path(endpoint.path).path(endpoint.method.toLowerCase());
    }

    void observe(Endpoint endpoint, String who, HttpResponse<String> response) throws IOException, InterruptedException {
        Set<String> headers = new TreeSet<>();
        for (String header : List.of("ETag", "Location")) {
            response.headers().firstValue(header).ifPresent(value -> headers.add(header));
        }
        observed.computeIfAbsent(endpoint.key(), key -> new TreeMap<>()).putIfAbsent(response.statusCode(),
                new Met(who, headers));
        if (response.statusCode() >= 500) {
            notProblems.add(line(endpoint, who, "no failure of the service's own (the document lists 500 for that)", response));
        }
        if (response.statusCode() >= 400 && (!response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM)
                || !response.body().contains("\"type\":\"" + PROBLEM_TYPES))) {
            notProblems.add(line(endpoint, who, "a problem of the " + PROBLEM_TYPES + " family", response));
        }
        schemas.check(endpoint, response).forEach(failure -> offSchema.putIfAbsent(failure, who));
    }

    /**
     * Every status met that the document does not list for the operation, every success whose ETag or Location is
     * not what the document says, every error not a problem, and every body off its documented schema.
     */
    List<String> undocumented() throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>(notProblems);
        offSchema.forEach((failure, who) -> failures.add(failure + " (first met by " + who + ")"));
        for (Map.Entry<String, Map<Integer, Met>> met : observed.entrySet()) {
            String[] key = met.getKey().split(" ", 2);
            JsonNode responses = document().path("paths").path(key[1]).path(key[0].toLowerCase()).path("responses");
            met.getValue().forEach((status, answer) -> {
                JsonNode documented = responses.path(String.valueOf(status));
                if (documented.isMissingNode()) {
                    failures.add(String.format("%-60s %-30s answered %d, which the OpenAPI document does not list",
                            met.getKey(), answer.who(), status));
                } else if (status < 300) {
                    Set<String> promised = new TreeSet<>();
                    documented.path("headers").fieldNames().forEachRemaining(promised::add);
                    promised.retainAll(Set.of("ETag", "Location"));
                    if (!promised.equals(answer.headers())) {
                        failures.add(String.format("%-60s %-30s answered %d with the headers %s, the document says %s",
                                met.getKey(), answer.who(), status, answer.headers(), promised));
                    }
                }
            });
        }
        return failures;
    }

    /** Who met a status first, and which of the headers the document may promise the answer had. */
    private record Met(String who, Set<String> headers) {
    }

    private URI uri(Endpoint endpoint, Request request) {
        Matcher parameter = PARAMETER.matcher(endpoint.path);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = request.pathParameters().getOrDefault(name,
                    endpoint.parameters.getOrDefault(name, UUID.randomUUID().toString()));
            parameter.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        parameter.appendTail(path);
        return base.resolve(path + (request.query().isEmpty() ? "" : "?" + request.query()));
    }

    /** What a request sent. */
    private record Sent(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    }

    /** A response with its body read as text (empty for an event stream), and what its request sent. */
    private record Answer(HttpResponse<InputStream> response, String body, Sent sent) implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }
}
