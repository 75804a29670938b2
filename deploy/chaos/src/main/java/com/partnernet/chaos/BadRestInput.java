package com.partnernet.chaos;

import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.local.DemoData;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.token.Tokens;

/**
 * Scenario 7: for every operation in the three services' OpenAPI documents and every kind of flaw that applies to it
 * (see {@link BadRequests}), property-based generated requests that are valid but for that one flaw must each be
 * answered with a 4xx problem document of a status the document lists for the operation — the very status where the
 * contract names one (415, 428, 401 …) — never a 5xx, never a success, nothing undocumented; and afterwards no table
 * holds a row more or less and no topic a record more: nothing was half-written. Every operation meets every kind of
 * flaw at least once, whatever the size of the run; on a failure the generator shrinks the request to the simplest
 * one that still fails and reports it.
 */
final class BadRestInput implements Scenario {

    private static final List<Service> SERVICES = List.of(Service.PARTNERS, Service.LEADS, Service.TARGETS);
    /** Clients sending the bad requests at once. */
    private static final int CLIENTS = 3;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    private final int requestsPerFlaw;
    private final long seed;
    private final AtomicLong sent = new AtomicLong();
    private final Map<Integer, AtomicLong> statuses = new TreeMap<>();

    BadRestInput(int requestsPerFlaw, long seed) {
        this.requestsPerFlaw = requestsPerFlaw;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "7 bad REST input";
    }

    @Override
    public List<Service> services() {
        return SERVICES;
    }

    /** The periodic pacing review would write by itself while the scenario watches for writes. */
    @Override
    public Map<String, String> environment() {
        return Map.of("TARGETS_PACING_REVIEW_INTERVAL", "off");
    }

    @Override
    public Outcome run(SystemUnderTest system) throws Exception {
        String token = system.token(Tokens.SALES_MANAGER);
        DemoData.load(Map.of(Service.PARTNERS, system.url(Service.PARTNERS), Service.LEADS, system.url(Service.LEADS),
                Service.TARGETS, system.url(Service.TARGETS)), token);
        List<Operation> operations = new ArrayList<>();
        for (Service service : SERVICES) {
            JsonNode document = SystemUnderTest.JSON.readTree(system.call(service, Tokens.OPS, "GET", "/q/openapi?format=json", null));
            operations.addAll(Operation.of(service, document));
        }
        BadRequests requests = known(system, operations, token);
        Map<String, Long> before = quietState(system);

        // Each operation × flaw pair with a seed of its own, so the pairs may run side by side (as clients do) and a
        // run repeats whatever the order.
        List<Callable<String>> pairs = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            List<BadRequests.Flaw> kinds = requests.of(operations.get(i));
            for (int j = 0; j < kinds.size(); j++) {
                long pairSeed = seed + 1_000L * i + j;
                BadRequests.Flaw flaw = kinds.get(j);
                pairs.add(() -> {
                    try {
                        qt().withFixedSeed(pairSeed).withExamples(requestsPerFlaw).withShrinkCycles(30)
                                .forAll(flaw.requests()).checkAssert(request -> refused(system, request));
                        return null;
                    } catch (AssertionError failure) {
                        return falsified(failure);
                    }
                });
            }
        }
        List<String> failures = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (Future<String> pair : clients.invokeAll(pairs)) {
                if (pair.get() != null) {
                    failures.add(pair.get());
                }
            }
        } finally {
            clients.shutdownNow();
        }
        int flaws = pairs.size();

        Map<String, Long> after = quietState(system);
        List<String> written = new ArrayList<>();
        after.forEach((place, count) -> {
            if (!count.equals(before.get(place))) {
                written.add(place + " " + before.get(place) + " -> " + count);
            }
        });
        long problems = statuses.entrySet().stream().filter(status -> status.getKey() >= 400 && status.getKey() < 500)
                .mapToLong(status -> status.getValue().get()).sum();
        return new Outcome(name(), String.format("%,d bad requests, %d operations, %d operation × flaw pairs",
                sent.get(), operations.size(), flaws),
                "flawed bodies, path/query parameters, content types, If-Match, credentials", sent.get(), problems,
                failures.size(), written.size(), failures.isEmpty() && written.isEmpty(),
                "answers by status " + statuses + "; " + (failures.isEmpty() ? "every answer a 4xx problem document"
                        : "FAILED (shrunk): " + String.join("; ", failures)) + "; "
                        + (written.isEmpty() ? "no row or record written" : "WRITTEN: " + written) + ", seed " + seed);
    }

    /** Sends the request and fails (for the shrinker) unless it is answered with a 4xx problem document. */
    private void refused(SystemUnderTest system, BadRequest request) {
        HttpResponse<String> response;
        try {
            response = system.send(toHttp(system, request));
        } catch (IOException e) {
            throw new AssertionError("no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        sent.incrementAndGet();
        synchronized (statuses) {
            statuses.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status < 400 || status >= 500) {
            throw new AssertionError("answered " + status + " " + abbreviate(response.body()));
        }
        if (request.status() != 0 && status != request.status()) {
            throw new AssertionError("answered " + status + ", the contract says " + request.status() + ": "
                    + abbreviate(response.body()));
        }
        if (!request.operation().statuses().contains(status)) {
            throw new AssertionError("answered " + status + ", which the OpenAPI document does not list for "
                    + request.operation().label() + " (it lists " + request.operation().statuses() + ")");
        }
        if (!type.startsWith("application/problem+json")) {
            throw new AssertionError("answered " + status + " as '" + type + "', not a problem document: "
                    + abbreviate(response.body()));
        }
        try {
            JsonNode problem = SystemUnderTest.JSON.readTree(response.body());
            if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()) {
                throw new AssertionError("answered " + status + " with a problem without status or title: "
                        + abbreviate(response.body()));
            }
        } catch (IOException e) {
            throw new AssertionError("answered " + status + " with a body that is no JSON: " + abbreviate(response.body()));
        }
    }

    private static HttpRequest toHttp(SystemUnderTest system, BadRequest request) {
        String query = request.query().entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(system.url(request.operation().service())
                + request.path() + (query.isEmpty() ? "" : "?" + query))).timeout(Duration.ofSeconds(30));
        request.headers().forEach(http::header);
        return http.method(request.operation().method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body())).build();
    }

    /** Ids and codes of what exists (read from every list the services offer), for parameters that name something. */
    private static BadRequests known(SystemUnderTest system, List<Operation> operations, String token) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Operation operation : operations) {
            if (operation.method().equals("GET") && operation.parameters().stream().noneMatch(Operation.Parameter::required)
                    && !operation.path().startsWith("/q/")) {
                String body = system.call(operation.service(), Tokens.SALES_MANAGER, "GET", operation.path(), null);
                for (Matcher id = UUID_TEXT.matcher(body); id.find() && ids.size() < 200;) {
                    ids.add(id.group());
                }
                for (Matcher code = CODE.matcher(body); code.find();) {
                    codes.add(code.group(1));
                }
            }
        }
        return new BadRequests(token, List.copyOf(ids), List.copyOf(codes));
    }

    /**
     * Row counts of every table and record counts of every topic, once they stopped changing: the demo data's events
     * are relayed and consumed asynchronously.
     */
    private static Map<String, Long> quietState(SystemUnderTest system) throws Exception {
        Map<String, Long> previous = null;
        for (int round = 0; round < 60; round++) {
            Map<String, Long> state = new TreeMap<>();
            for (Service service : SERVICES) {
                state.putAll(system.rowCounts(service));
            }
            state.putAll(system.topicEnds());
            if (state.equals(previous)) {
                return state;
            }
            previous = state;
            Thread.sleep(2_000);
        }
        throw new IllegalStateException("The system did not come to rest within two minutes: " + previous);
    }

    /** The shrunk request and what was wrong with its answer, from QuickTheories' report. */
    private static String falsified(AssertionError failure) {
        List<String> lines = failure.getMessage().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        int example = lines.indexOf("Smallest found falsifying value(s) :-");
        int cause = lines.indexOf("Cause was :-");
        return (example >= 0 && example + 1 < lines.size() ? lines.get(example + 1) : lines.get(0))
                + (cause >= 0 && cause + 1 < lines.size() ? " => " + lines.get(cause + 1) : "");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
