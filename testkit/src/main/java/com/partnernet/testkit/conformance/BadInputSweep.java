package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The mistakes a client can make, made at every endpoint, each answered as the contract says. */
public final class BadInputSweep {

    private final ContractProbe probe;

    public BadInputSweep(ContractProbe probe) {
        this.probe = probe;
    }

    /**
     * Makes the mistakes a client can make at every endpoint the document lists, as a caller the rule allows: an
     * undeclared query parameter (400 naming it), each path parameter malformed (400 naming it), a body of a type
     * the operation does not read — XML, JSON text sent as text/plain, a body without a Content-Type — (415),
     * malformed JSON (400), an Accept it cannot serve (406), and where the document requires If-Match, a request
     * without it (428). Every other mistake carries {@code If-Match: *} there, so it is the one flaw. Each answer must
     * be the expected problem, and a status the document lists (checked with the statuses the matrix met). Each
     * exchange is also shown to the independent validator ({@link ContractTraffic}): the answer must pass it, and a
     * mistake the document itself rules out (a malformed path parameter, a media type it does not list, a missing
     * required If-Match) must be one it finds in the request, so the document says what the service enforces.
     */
    public void verify(List<Endpoint> endpoints) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>(probe.coverage(endpoints));
        for (Endpoint endpoint : endpoints) {
            String token = probe.allowedToken(endpoint);
            for (Mistake mistake : mistakes(endpoint)) {
                HttpResponse<String> response = probe.send(endpoint, token, mistake.request());
                probe.observe(endpoint, mistake.what(), response);
                String type = response.headers().firstValue("Content-Type").orElse("");
                boolean named = mistake.named() == null || response.body().contains("\"" + mistake.named() + "\"");
                if (response.statusCode() != mistake.status() || !type.startsWith(ContractProbe.PROBLEM) || !named) {
                    failures.add(ContractProbe.line(endpoint, mistake.what(), mistake.status() + " problem"
                            + (mistake.named() == null ? "" : " naming " + mistake.named()), response));
                }
                if (mistake.independent() != Independent.UNCHECKED) {
                    List<ContractTraffic.Violation> verdict = probe.independently(response);
                    verdict.stream().filter(ContractTraffic.Violation::ofAnswer).forEach(violation -> failures.add(
                            endpoint.key() + " " + mistake.what() + ": Prism finds the answer off the document: " + violation));
                    if (mistake.independent() == Independent.REFUSED && verdict.stream().noneMatch(v -> !v.ofAnswer())) {
                        failures.add(endpoint.key() + " " + mistake.what() + ": the service refuses it, but the document "
                                + "does not: Prism finds nothing wrong with the request");
                    }
                }
            }
        }
        failures.addAll(probe.undocumented());
        ContractProbe.report(failures, "answers to bad input off the contract");
    }

    /**
     * A client's mistake made at one endpoint, and the answer it must get: the status, a problem of the family, and
     * the name the problem must mention (null: none); and what the independent validator must make of it.
     */
    private record Mistake(String what, ContractProbe.Request request, int status, String named, Independent independent) {

        Mistake(String what, Map<String, String> pathParameters, String query, String contentType, String accept,
                String ifMatch, String body, int status, String named, Independent independent) {
            this(what, new ContractProbe.Request(pathParameters, query, contentType, accept, ifMatch, body), status, named,
                    independent);
        }
    }

    /** What Prism must find in a mistake's request: one the document rules out, one it cannot say, or none it reads. */
    private enum Independent {
        /** The document rules it out: Prism must find the request off it. */
        REFUSED,
        /** OpenAPI cannot say it (an undeclared query parameter, an Accept): only the answer is checked. */
        ANSWER_ONLY,
        /** Malformed JSON, which Prism never answers: the service's own sweep alone judges it. */
        UNCHECKED
    }

    private List<Mistake> mistakes(Endpoint endpoint) throws IOException, InterruptedException {
        JsonNode operation = probe.operation(endpoint);
        boolean ifMatchRequired = false;
        for (JsonNode parameter : operation.path("parameters")) {
            ifMatchRequired |= parameter.path("in").asText().equals("header")
                    && parameter.path("name").asText().equalsIgnoreCase("If-Match") && parameter.path("required").asBoolean();
        }
        String ifMatch = ifMatchRequired ? "*" : null;
        List<Mistake> mistakes = new ArrayList<>();
        String query = endpoint.query.isEmpty() ? "unexpectedParameter=1" : endpoint.query + "&unexpectedParameter=1";
        mistakes.add(new Mistake("undeclared query parameter", Map.of(), query, endpoint.contentType, null, ifMatch,
                endpoint.body, 400, "unexpectedParameter", Independent.ANSWER_ONLY));
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path") && constrained(parameter.path("schema"))) {
                String name = parameter.path("name").asText();
                mistakes.add(new Mistake("malformed " + name, Map.of(name, "x~1"), endpoint.query, endpoint.contentType,
                        null, ifMatch, endpoint.body, 400, name, Independent.REFUSED));
            }
        }
        if (operation.has("requestBody")) {
            String json = endpoint.body == null ? "{}" : endpoint.body;
            mistakes.add(new Mistake("body as application/xml", Map.of(), endpoint.query, "application/xml", null,
                    ifMatch, "<lead/>", 415, null, Independent.REFUSED));
            mistakes.add(new Mistake("JSON sent as text/plain", Map.of(), endpoint.query, "text/plain", null, ifMatch,
                    json, 415, null, Independent.REFUSED));
            // Given a body of no type where the document lists several, Prism picks one to read it as.
            Independent untyped = operation.path("requestBody").path("content").size() == 1 ? Independent.REFUSED
                    : Independent.ANSWER_ONLY;
            mistakes.add(new Mistake("body without Content-Type", Map.of(), endpoint.query, null, null, ifMatch, json,
                    415, null, untyped));
            if (operation.path("requestBody").path("content").has("application/json")) {
                mistakes.add(new Mistake("malformed JSON", Map.of(), endpoint.query, "application/json", null, ifMatch,
                        "{\"unclosed\": ", 400, null, Independent.UNCHECKED));
            }
        }
        if (ifMatchRequired) {
            mistakes.add(new Mistake("no If-Match", Map.of(), endpoint.query, endpoint.contentType, null, null,
                    endpoint.body, 428, null, Independent.REFUSED));
        }
        mistakes.add(new Mistake("Accept: application/xml", Map.of(), endpoint.query, endpoint.contentType,
                "application/xml", ifMatch, endpoint.body, 406, null, Independent.ANSWER_ONLY));
        return mistakes;
    }

    /** Whether a parameter's schema refuses "x~1": a UUID, a number, an enum. */
    private boolean constrained(JsonNode schema) throws IOException, InterruptedException {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring("#/components/schemas/".length());
            resolved = probe.document().path("components").path("schemas").path(name);
        }
        return resolved.has("enum") || resolved.path("format").asText().equals("uuid")
                || Set.of("integer", "number").contains(resolved.path("type").asText());
    }
}
