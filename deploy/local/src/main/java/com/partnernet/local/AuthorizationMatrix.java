package com.partnernet.local;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks a running service's authorization and its contract against a rule per endpoint: every endpoint × {no token,
 * expired token, token signed by an unknown key, validly signed tokens with odd claims, each role, every pair of
 * roles, partner user of the resource's partner, partner user of another partner}. The endpoint list comes from the
 * service's own OpenAPI document, so an endpoint without a rule (or a rule without an endpoint) fails the check; the
 * roles and their pairs come from {@link Tokens#ALL_ROLES}, so a new role is probed everywhere. The roles the document
 * names per operation must be the rule's. Every status a probe meets must be one the document lists for that
 * operation, with the ETag and Location it promises, and every error a problem of the {@code urn:partnernet:problem:}
 * family ({@link #verifyBadInput} adds the client mistakes: undeclared parameters, malformed path parameters and
 * bodies, wrong media types; {@link #verifyAnswersMatchTheirSchemas} the bodies of reads). All mismatches are
 * reported together, one line each.
 */
public final class AuthorizationMatrix {

    /** What a partner user may do at an endpoint. */
    public enum PartnerUser {
        /** Nothing: 403. */
        DENIED,
        /** Network-wide data every partner may see (a calendar, the partner events): no 401, 403 or 404. */
        ALLOWED,
        /** Its own partner's resource only: partner A's user passes, partner B's user gets 404 as for no resource. */
        OWN,
        /** A list: each partner user gets 200 with its own partner's items only. */
        FILTERED
    }

    /** One endpoint's rule and the sample request that probes it. */
    public static final class Endpoint {
        final String method;
        final String path;
        final Set<String> roles = new TreeSet<>();
        PartnerUser partnerUser = PartnerUser.DENIED;
        final Map<String, String> parameters = new LinkedHashMap<>();
        String query = "";
        String body;
        String contentType = "application/json";
        String otherPartnersBody;
        String ownItem;

        private Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Roles (besides partner-user, see {@link #partnerUser}) the endpoint lets through. */
        public Endpoint allow(String... allowed) {
            roles.addAll(List.of(allowed));
            return this;
        }

        public Endpoint partnerUser(PartnerUser access) {
            this.partnerUser = access;
            return this;
        }

        /**
         * A list a partner user sees filtered: partner A's user must find {@code itemOfPartnerA} in the body, partner
         * B's user must not.
         */
        public Endpoint filtered(Object itemOfPartnerA) {
            this.partnerUser = PartnerUser.FILTERED;
            this.ownItem = String.valueOf(itemOfPartnerA);
            return this;
        }

        /** A path parameter's value, normally a resource of partner A (unnamed parameters get a random UUID). */
        public Endpoint with(String parameter, Object value) {
            parameters.put(parameter, String.valueOf(value));
            return this;
        }

        public Endpoint query(String queryString) {
            this.query = queryString;
            return this;
        }

        /**
         * The body every caller sends. Allowed callers should meet a validation error rather than change anything,
         * so the sample is usually incomplete ({@code {}}): authorization is decided before validation.
         */
        public Endpoint body(String json) {
            this.body = json;
            return this;
        }

        public Endpoint body(String contentType, String text) {
            this.contentType = contentType;
            this.body = text;
            return this;
        }

        /**
         * For an {@link PartnerUser#OWN} write: the complete body partner B's user sends at partner A's resource (it
         * must be refused with 404, not with a validation error).
         */
        public Endpoint otherPartnersBody(Object body) {
            try {
                this.otherPartnersBody = body instanceof String json ? json : JSON.writeValueAsString(body);
            } catch (IOException e) {
                throw new IllegalArgumentException("Not serializable as JSON: " + body, e);
            }
            return this;
        }

        String key() {
            return method + " " + path;
        }
    }

    public static Endpoint endpoint(String methodAndPath) {
        String[] parts = methodAndPath.split(" ", 2);
        return new Endpoint(parts[0], parts[1]);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_TYPES = "urn:partnernet:problem:";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> OPERATOR_ROLES = Tokens.ALL_ROLES.stream()
            .filter(role -> !role.equals(Tokens.PARTNER_USER)).toList();
    /** Roles that reach across partners: a partner user may not hold them too (no sales manager beside it). */
    private static final Set<String> ACROSS_PARTNERS = Set.of(Tokens.OPS, Tokens.MARKETING_SYSTEM);

    private final URI base;
    private final Tokens tokens;
    private final UUID partnerA;
    private final UUID partnerB;
    /** Statuses met per "METHOD /path", with who met them first and the answer's headers (for the report). */
    private final Map<String, Map<Integer, Met>> observed = new TreeMap<>();
    /** Errors answered other than as a problem of the family. */
    private final List<String> notProblems = new ArrayList<>();
    private JsonNode document;
    private final HttpClient http = ApiClient.httpClient(Duration.ofSeconds(5));

    public AuthorizationMatrix(URI base, Tokens tokens, UUID partnerA, UUID partnerB) {
        this.base = base;
        this.tokens = tokens;
        this.partnerA = partnerA;
        this.partnerB = partnerB;
    }

    /** Runs every check; throws an AssertionError listing every mismatch. */
    public void verify(List<Endpoint> endpoints) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>(coverage(endpoints));
        String expired = tokens.expired("expired-manager", Set.of(Tokens.SALES_MANAGER));
        String stranger = tokens.signedByStranger("forged-manager", Set.of(Tokens.SALES_MANAGER));
        String userOfA = tokens.forPartner(partnerA);
        String userOfB = tokens.forPartner(partnerB);
        Map<String, String> operatorTokens = new LinkedHashMap<>();
        OPERATOR_ROLES.forEach(role -> operatorTokens.put(role, tokens.forRole(role)));
        Map<String, String> oddTokens = new LinkedHashMap<>();
        for (Object claim : List.<Object>of(List.of(partnerA.toString()), 42, Map.of("id", partnerA.toString()), "A")) {
            oddTokens.put("partner_id " + JSON.writeValueAsString(claim), tokens.mint("odd-partner-claim",
                    Set.of(Tokens.PARTNER_USER), Map.of(Tokens.PARTNER_CLAIM, claim)));
        }
        oddTokens.put("groups as a number", tokens.mint("odd-groups", Set.of(), Map.of("groups", 7)));
        oddTokens.put("groups as an object", tokens.mint("odd-groups", Set.of(),
                Map.of("groups", Map.of(Tokens.SALES_MANAGER, true))));
        oddTokens.put("5,000-character subject", tokens.mint("s".repeat(5_000), Set.of(Tokens.SALES_MANAGER), Map.of()));
        for (Endpoint endpoint : endpoints) {
            expect(failures, endpoint, "no token", null, endpoint.body, status -> status == 401, "401");
            expect(failures, endpoint, "expired token", expired, endpoint.body, status -> status == 401, "401");
            expect(failures, endpoint, "unknown signer", stranger, endpoint.body, status -> status == 401, "401");
            for (Map.Entry<String, String> operator : operatorTokens.entrySet()) {
                String role = operator.getKey();
                String token = operator.getValue();
                if (endpoint.roles.contains(role)) {
                    expect(failures, endpoint, role, token, endpoint.body, status -> status != 401 && status != 403,
                            "allowed (not 401/403)");
                } else {
                    expect(failures, endpoint, role, token, endpoint.body, status -> status == 403, "403");
                }
            }
            checkPartnerUsers(failures, endpoint, userOfA, userOfB);
            checkRolePairs(failures, endpoint);
            for (Map.Entry<String, String> odd : oddTokens.entrySet()) {
                expect(failures, endpoint, odd.getKey(), odd.getValue(), endpoint.body,
                        status -> status == 401 || status == 403, "401 or 403");
            }
        }
        failures.addAll(undocumented());
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " authorization mismatches:\n  " + String.join("\n  ", failures));
        }
    }

    /**
     * Reads every GET endpoint as a caller its rule allows, with the rule's sample parameters, and checks each 200 body
     * against the schema the document gives for it (JSON Schema 2020-12, networknt's validator): a field of another
     * type, an enum value or a required field the document does not know fails. A null where the document names a
     * type or values is let pass: the documents do not model which fields may be null.
     */
    public void verifyAnswersMatchTheirSchemas(List<Endpoint> endpoints) throws IOException, InterruptedException {
        JsonNode definitions = document().path("components").path("schemas");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.method.equals("GET")) {
                continue;
            }
            String token = allowedToken(endpoint);
            HttpResponse<String> response = send(endpoint, token, null);
            if (response.statusCode() != 200) {
                failures.add(line(endpoint, "schema check", "200 to check the body", response));
                continue;
            }
            JsonNode content = operation(endpoint).path("responses").path("200").path("content");
            if (isEventStream(response)) {
                // A stream's events are not read here; its document must say it is one.
                if (content.path("text/event-stream").path("schema").isMissingNode()) {
                    failures.add(endpoint.key() + ": answers an event stream the document does not describe");
                }
                continue;
            }
            JsonNode schema = content.path("application/json").path("schema");
            if (schema.isMissingNode() || schema.isEmpty()) {
                failures.add(endpoint.key() + ": answers 200 with a body the document gives no schema for");
                continue;
            }
            // One stand-alone schema: the answer's, with the document's components as its definitions.
            String standalone = JSON.writeValueAsString(((ObjectNode) schema.deepCopy())
                    .set("$defs", definitions)).replace("\"#/components/schemas/", "\"#/$defs/");
            checked++;
            registry.getSchema(standalone, InputFormat.JSON).validate(response.body(), InputFormat.JSON).stream()
                    .filter(error -> !(Set.of("type", "enum").contains(error.getKeyword())
                            && error.getInstanceNode() != null && error.getInstanceNode().isNull()))
                    .forEach(error -> failures.add(endpoint.key() + ": " + error));
        }
        if (checked == 0) {
            failures.add("no answer was checked: the sweep would prove nothing");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " answers off their documented schema:\n  "
                    + String.join("\n  ", failures));
        }
    }

    /**
     * Calls every GET endpoint ops may read, as ops, with the rule's sample parameters, and fails on any answer holding
     * one of {@code personalValues} (the values the service's personal-data model marks, stored now), or on an endpoint
     * that could not be read at all. A sales manager reading the same endpoints must meet some of the values, or the
     * sweep would prove nothing.
     */
    public void verifyOpsReadsNoPersonalData(List<Endpoint> endpoints, Set<String> personalValues)
            throws IOException, InterruptedException {
        if (personalValues.isEmpty()) {
            throw new AssertionError("no personal data stored: the sweep would prove nothing");
        }
        List<String> failures = new ArrayList<>();
        String ops = tokens.forRole(Tokens.OPS);
        String salesManager = tokens.forRole(Tokens.SALES_MANAGER);
        Set<String> seenByManager = new TreeSet<>();
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.method.equals("GET") || !endpoint.roles.contains(Tokens.OPS)) {
                continue;
            }
            HttpResponse<String> read = send(endpoint, ops, null);
            if (read.statusCode() != 200) {
                failures.add(line(endpoint, "ops", "200 to sweep", read));
                continue;
            }
            String shown = read.body().toLowerCase();
            personalValues.stream().filter(value -> shown.contains(value.toLowerCase()))
                    .forEach(value -> failures.add(endpoint.key() + " shows ops the personal value '" + value + "'"));
            String managed = send(endpoint, salesManager, null).body().toLowerCase();
            personalValues.stream().filter(value -> managed.contains(value.toLowerCase())).forEach(seenByManager::add);
        }
        if (seenByManager.isEmpty()) {
            failures.add("a sales manager met none of the personal values either: the sample data holds none to find");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " personal-data leaks to ops:\n  " + String.join("\n  ", failures));
        }
    }

    private void checkPartnerUsers(List<String> failures, Endpoint endpoint, String userOfA, String userOfB)
            throws IOException, InterruptedException {
        switch (endpoint.partnerUser) {
            case DENIED -> {
                expect(failures, endpoint, "partner user A", userOfA, endpoint.body, status -> status == 403, "403");
                expect(failures, endpoint, "partner user B", userOfB, endpoint.body, status -> status == 403, "403");
            }
            case ALLOWED -> {
                expect(failures, endpoint, "partner user A", userOfA, endpoint.body,
                        status -> status != 401 && status != 403 && status != 404, "allowed (not 401/403/404)");
                expect(failures, endpoint, "partner user B", userOfB, endpoint.body,
                        status -> status != 401 && status != 403 && status != 404, "allowed (not 401/403/404)");
            }
            case OWN -> {
                expect(failures, endpoint, "partner user A (own)", userOfA, endpoint.body,
                        status -> status != 401 && status != 403 && status != 404, "allowed (not 401/403/404)");
                String crossBody = endpoint.otherPartnersBody != null ? endpoint.otherPartnersBody : endpoint.body;
                expect(failures, endpoint, "partner user B (A's resource)", userOfB, crossBody, status -> status == 404,
                        "404 as for no resource");
            }
            case FILTERED -> {
                HttpResponse<String> own = send(endpoint, userOfA, endpoint.body);
                observe(endpoint, "partner user A", own);
                if (own.statusCode() != 200 || !own.body().contains(endpoint.ownItem)) {
                    failures.add(line(endpoint, "partner user A", "200 listing " + endpoint.ownItem, own));
                }
                HttpResponse<String> other = send(endpoint, userOfB, endpoint.body);
                observe(endpoint, "partner user B", other);
                if (other.statusCode() != 200 || other.body().contains(endpoint.ownItem)) {
                    failures.add(line(endpoint, "partner user B", "200 without " + endpoint.ownItem, other));
                }
            }
        }
    }

    /**
     * Every pair of roles in one token. Rights add up, except that a partner user (without a sales manager beside it)
     * may not hold a role that reaches across partners: such a token is refused everywhere. A partner user's half is
     * partner B's, probed at partner A's resources: refused unless a sales manager's rights lift the confinement.
     */
    private void checkRolePairs(List<String> failures, Endpoint endpoint) throws IOException, InterruptedException {
        for (int i = 0; i < Tokens.ALL_ROLES.size(); i++) {
            for (int j = i + 1; j < Tokens.ALL_ROLES.size(); j++) {
                Set<String> pair = Set.of(Tokens.ALL_ROLES.get(i), Tokens.ALL_ROLES.get(j));
                String who = String.join("+", new TreeSet<>(pair));
                String token = pair.contains(Tokens.PARTNER_USER)
                        ? tokens.mint("pair-" + who, pair, Map.of(Tokens.PARTNER_CLAIM, partnerB.toString()))
                        : tokens.forRoles(pair);
                boolean refused = pair.contains(Tokens.PARTNER_USER) && !pair.contains(Tokens.SALES_MANAGER)
                        && pair.stream().anyMatch(ACROSS_PARTNERS::contains);
                boolean allowed = pair.stream().anyMatch(endpoint.roles::contains)
                        || (pair.contains(Tokens.PARTNER_USER) && endpoint.partnerUser != PartnerUser.DENIED);
                if (refused || !allowed) {
                    expect(failures, endpoint, who, token, endpoint.body, status -> status == 403, "403");
                } else if (pair.contains(Tokens.PARTNER_USER) && endpoint.partnerUser == PartnerUser.OWN) {
                    // With a sales manager beside it, partner B's user is not confined: A's resource is there.
                    expect(failures, endpoint, who, token, endpoint.body,
                            status -> status != 401 && status != 403 && status != 404, "allowed (not 401/403/404)");
                } else {
                    expect(failures, endpoint, who, token, endpoint.body, status -> status != 401 && status != 403,
                            "allowed (not 401/403)");
                }
            }
        }
    }

    private void expect(List<String> failures, Endpoint endpoint, String who, String token, String body,
            IntPredicate expected, String expectation) throws IOException, InterruptedException {
        HttpResponse<String> response = send(endpoint, token, body);
        observe(endpoint, who, response);
        if (!expected.test(response.statusCode())) {
            failures.add(line(endpoint, who, expectation, response));
        }
    }

    private static String line(Endpoint endpoint, String who, String expectation, HttpResponse<String> response) {
        String body = response.body().length() > 160 ? response.body().substring(0, 160) + "…" : response.body();
        return String.format("%-60s %-30s expected %s, got %d %s", endpoint.key(), who, expectation,
                response.statusCode(), body.replace('\n', ' '));
    }

    private HttpResponse<String> send(Endpoint endpoint, String token, String body)
            throws IOException, InterruptedException {
        return attempt(endpoint, token, new Mistake("", Map.of(), endpoint.query, endpoint.contentType, null, null, body, 0,
                null));
    }

    private HttpResponse<String> attempt(Endpoint endpoint, String token, Mistake request)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(endpoint, request)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.body() != null && request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.ifMatch() != null) {
            builder.header("If-Match", request.ifMatch());
        }
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
        }
        builder.method(endpoint.method, request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            // A stream of events never ends: its status and headers are the answer; closing it hangs up.
            return new Answer(response, isEventStream(response) ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static boolean isEventStream(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
    }

    /** A response with its body read as text (empty for an event stream). */
    private record Answer(HttpResponse<InputStream> response, String body) implements HttpResponse<String> {

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

    private URI uri(Endpoint endpoint, Mistake request) {
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

    /**
     * A client's mistake made at one endpoint, and the answer it must get: the status, a problem of the family, and
     * the name the problem must mention (null: none).
     */
    private record Mistake(String what, Map<String, String> pathParameters, String query, String contentType,
            String accept, String ifMatch, String body, int status, String named) {
    }

    /**
     * Makes the mistakes a client can make at every endpoint the document lists, as a caller the rule allows: an
     * undeclared query parameter (400 naming it), each path parameter malformed (400 naming it), a body of a type
     * the operation does not read — XML, JSON text sent as text/plain, a body without a Content-Type — (415),
     * malformed JSON (400), an Accept it cannot serve (406), and where the document requires If-Match, a request
     * without it (428). Every other mistake carries {@code If-Match: *} there, so it is the one flaw. Each answer must
     * be the expected problem, and a status the document lists (checked with the statuses the matrix met).
     */
    public void verifyBadInput(List<Endpoint> endpoints) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>(coverage(endpoints));
        for (Endpoint endpoint : endpoints) {
            String token = allowedToken(endpoint);
            for (Mistake mistake : mistakes(endpoint)) {
                HttpResponse<String> response = attempt(endpoint, token, mistake);
                observe(endpoint, mistake.what(), response);
                String type = response.headers().firstValue("Content-Type").orElse("");
                boolean named = mistake.named() == null || response.body().contains("\"" + mistake.named() + "\"");
                if (response.statusCode() != mistake.status() || !type.startsWith(PROBLEM) || !named) {
                    failures.add(line(endpoint, mistake.what(), mistake.status() + " problem"
                            + (mistake.named() == null ? "" : " naming " + mistake.named()), response));
                }
            }
        }
        failures.addAll(undocumented());
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " answers to bad input off the contract:\n  "
                    + String.join("\n  ", failures));
        }
    }

    /** A token of a role the rule lets through (partner A's user where the rule names no other role). */
    private String allowedToken(Endpoint endpoint) {
        return endpoint.roles.isEmpty() ? tokens.forPartner(partnerA) : tokens.forRole(endpoint.roles.iterator().next());
    }

    private List<Mistake> mistakes(Endpoint endpoint) throws IOException, InterruptedException {
        JsonNode operation = operation(endpoint);
        boolean ifMatchRequired = false;
        for (JsonNode parameter : operation.path("parameters")) {
            ifMatchRequired |= parameter.path("in").asText().equals("header")
                    && parameter.path("name").asText().equalsIgnoreCase("If-Match") && parameter.path("required").asBoolean();
        }
        String ifMatch = ifMatchRequired ? "*" : null;
        List<Mistake> mistakes = new ArrayList<>();
        String query = endpoint.query.isEmpty() ? "unexpectedParameter=1" : endpoint.query + "&unexpectedParameter=1";
        mistakes.add(new Mistake("undeclared query parameter", Map.of(), query, endpoint.contentType, null, ifMatch,
                endpoint.body, 400, "unexpectedParameter"));
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path") && constrained(parameter.path("schema"))) {
                String name = parameter.path("name").asText();
                mistakes.add(new Mistake("malformed " + name, Map.of(name, "x~1"), endpoint.query, endpoint.contentType,
                        null, ifMatch, endpoint.body, 400, name));
            }
        }
        if (operation.has("requestBody")) {
            String json = endpoint.body == null ? "{}" : endpoint.body;
            mistakes.add(new Mistake("body as application/xml", Map.of(), endpoint.query, "application/xml", null,
                    ifMatch, "<lead/>", 415, null));
            mistakes.add(new Mistake("JSON sent as text/plain", Map.of(), endpoint.query, "text/plain", null, ifMatch,
                    json, 415, null));
            mistakes.add(new Mistake("body without Content-Type", Map.of(), endpoint.query, null, null, ifMatch, json,
                    415, null));
            if (operation.path("requestBody").path("content").has("application/json")) {
                mistakes.add(new Mistake("malformed JSON", Map.of(), endpoint.query, "application/json", null, ifMatch,
                        "{\"unclosed\": ", 400, null));
            }
        }
        if (ifMatchRequired) {
            mistakes.add(new Mistake("no If-Match", Map.of(), endpoint.query, endpoint.contentType, null, null,
                    endpoint.body, 428, null));
        }
        mistakes.add(new Mistake("Accept: application/xml", Map.of(), endpoint.query, endpoint.contentType,
                "application/xml", ifMatch, endpoint.body, 406, null));
        return mistakes;
    }

    /** Whether a parameter's schema refuses "x~1": a UUID, a number, an enum. */
    private boolean constrained(JsonNode schema) throws IOException, InterruptedException {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring("#/components/schemas/".length());
            resolved = document().path("components").path("schemas").path(name);
        }
        return resolved.has("enum") || resolved.path("format").asText().equals("uuid")
                || Set.of("integer", "number").contains(resolved.path("type").asText());
    }

    /** The endpoints the OpenAPI document lists against the rules given: both sets must be the same. */
    private List<String> coverage(List<Endpoint> endpoints) throws IOException, InterruptedException {
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
        endpoints.stream().filter(endpoint -> endpoint.roles.contains(Tokens.OPS) && !endpoint.method.equals("GET"))
                .forEach(endpoint -> failures.add(endpoint.key() + ": ops may read only, never write"));
        endpoints.stream().flatMap(endpoint -> endpoint.roles.stream()).filter(role -> !Tokens.ALL_ROLES.contains(role))
                .distinct().forEach(role -> failures.add(role + ": a rule names a role Tokens.ALL_ROLES does not list"));
        for (Endpoint endpoint : endpoints) {
            JsonNode operation = operation(endpoint);
            if (operation.isMissingNode()) {
                continue;
            }
            Set<String> documented = new TreeSet<>();
            operation.path("security").forEach(requirement -> requirement.forEach(
                    scopes -> scopes.forEach(role -> documented.add(role.asText()))));
            Set<String> allowed = new TreeSet<>(endpoint.roles);
            if (endpoint.partnerUser != PartnerUser.DENIED) {
                allowed.add(Tokens.PARTNER_USER);
            }
            if (!documented.equals(allowed)) {
                failures.add(endpoint.key() + ": the document names the roles " + documented + ", the rule " + allowed);
            }
        }
        return failures;
    }

    private JsonNode document() throws IOException, InterruptedException {
        if (document == null) {
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            document = JSON.readTree(served.body());
        }
        return document;
    }

    private JsonNode operation(Endpoint endpoint) throws IOException, InterruptedException {
        return document().path("paths").path(endpoint.path).path(endpoint.method.toLowerCase());
    }

    /** Who met a status first, and which of the headers the document may promise the answer had. */
    private record Met(String who, Set<String> headers) {
    }

    private void observe(Endpoint endpoint, String who, HttpResponse<String> response) {
        Set<String> headers = new TreeSet<>();
        for (String header : List.of("ETag", "Location")) {
            response.headers().firstValue(header).ifPresent(value -> headers.add(header));
        }
        observed.computeIfAbsent(endpoint.key(), key -> new TreeMap<>()).putIfAbsent(response.statusCode(),
                new Met(who, headers));
        if (response.statusCode() >= 400 && (!response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM)
                || !response.body().contains("\"type\":\"" + PROBLEM_TYPES))) {
            notProblems.add(line(endpoint, who, "a problem of the " + PROBLEM_TYPES + " family", response));
        }
    }

    /**
     * Every status met that the document does not list for the operation, every success whose ETag or Location is
     * not what the document says, and every error not a problem.
     */
    private List<String> undocumented() throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>(notProblems);
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
}
