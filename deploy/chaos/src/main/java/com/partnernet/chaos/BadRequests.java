package com.partnernet.chaos;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generators of requests an operation must refuse, derived from its OpenAPI description: each request is valid but
 * for one flaw — a body that is no JSON, has the wrong shape, a field of the wrong type, required fields missing or a
 * value out of its documented range; a path or query parameter that cannot be what the document says; a content type
 * (or none) or an accepted type the operation does not speak; a required If-Match missing; missing or broken
 * credentials; a body over the size limit.
 */
final class BadRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String IF_MATCH = "If-Match";
    /** Over the services' 2 MB request body limit. */
    private static final int OVERSIZED = 2 * 1024 * 1024 + 1024;

    private final String validToken;
    private final List<String> knownIds;
    private final List<String> knownCodes;

    /**
     * @param knownIds ids of existing resources, so that path parameters often name something that exists
     * @param knownCodes codes of existing resources (e.g. campaigns) for text path parameters
     */
    BadRequests(String validToken, List<String> knownIds, List<String> knownCodes) {
        this.validToken = validToken;
        this.knownIds = knownIds.isEmpty() ? List.of(UUID.randomUUID().toString()) : knownIds;
        this.knownCodes = knownCodes.isEmpty() ? List.of("unknown") : knownCodes;
    }

    /** One kind of flaw and the requests that have it. */
    record Flaw(String kind, Gen<BadRequest> requests) {
    }

    /** Every kind of flaw that applies to the operation, each with its own generator. */
    List<Flaw> of(Operation operation) {
        List<Flaw> flaws = new ArrayList<>();
        JsonNode body = operation.body();
        if (body != null) {
            flaws.add(new Flaw("body is no JSON", withBody(operation, Generate.pick(List.of("{", "{\"name\": ", "not json",
                    "{'single': 'quotes'}", "[1, 2", "{\"a\": 1}}")).map(text -> new FlawedBody("body is no JSON", text)))));
            flaws.add(new Flaw("body of the wrong shape", withBody(operation, Generate.pick(wrongShapes(body))
                    .map(json -> new FlawedBody("body of the wrong shape", json)))));
            JsonNode properties = body.path("properties");
            if (properties.size() > 0) {
                flaws.add(new Flaw("field of the wrong type", withBody(operation, Generate.pick(names(properties))
                        .flatMap(name -> Generate.pick(wrongValues(properties.path(name))).map(value ->
                                new FlawedBody("field " + name + " of the wrong type", json(name, value)))))));
            }
            if (body.path("required").size() > 0) {
                flaws.add(new Flaw("required fields missing", withBody(operation,
                        Generate.constant(new FlawedBody("required fields missing", "{}")))));
            }
            List<String> constrained = names(properties).stream()
                    .filter(name -> !outOfRange(properties.path(name)).isEmpty()).toList();
            if (!constrained.isEmpty()) {
                flaws.add(new Flaw("field out of range", withBody(operation, Generate.pick(constrained).flatMap(name ->
                        Generate.pick(outOfRange(properties.path(name))).map(value ->
                                new FlawedBody("field " + name + " out of range", json(name, value)))))));
            }
            // The body is what the operation would accept as JSON: only its media type is wrong.
            flaws.add(new Flaw("content type", Generate.pick(List.of("text/plain", "application/xml",
                    "application/x-www-form-urlencoded", "")).flatMap(type -> validPath(operation).map(path -> {
                        Map<String, String> headers = headers(operation, type, "application/json", validToken);
                        if (type.isEmpty()) {
                            headers.remove("Content-Type");
                        }
                        return new BadRequest(operation, type.isEmpty() ? "no content type" : "content type " + type,
                                path, requiredQuery(operation), headers, validBodyStandIn(operation), 415);
                    }))));
            flaws.add(new Flaw("body over the size limit", validPath(operation).map(path -> new BadRequest(operation,
                    "body over the size limit", path, requiredQuery(operation),
                    headers(operation, "application/json", "application/json", validToken),
                    "{\"note\": \"" + "x".repeat(OVERSIZED) + "\"}", 413))));
        }
        if (operation.in("header").stream().anyMatch(parameter -> parameter.name().equalsIgnoreCase(IF_MATCH))) {
            flaws.add(new Flaw("If-Match missing", Generate.pick(List.of("", " ")).flatMap(ifMatch ->
                    validPath(operation).map(path -> {
                        Map<String, String> headers = headers(operation, "application/json", "application/json", validToken);
                        if (ifMatch.isEmpty()) {
                            headers.remove(IF_MATCH);
                        } else {
                            headers.put(IF_MATCH, ifMatch);
                        }
                        return new BadRequest(operation, ifMatch.isEmpty() ? "no If-Match" : "blank If-Match", path,
                                requiredQuery(operation), headers, validBodyStandIn(operation), 428);
                    }))));
        }
        List<Operation.Parameter> pathParameters = operation.in("path").stream()
                .filter(parameter -> !invalidValues(parameter.schema()).isEmpty()).toList();
        if (!pathParameters.isEmpty()) {
            flaws.add(new Flaw("path parameter", Generate.pick(pathParameters).flatMap(parameter ->
                    Generate.pick(invalidValues(parameter.schema())).flatMap(value ->
                            validPath(operation, parameter.name(), value).map(path -> new BadRequest(operation,
                                    "path parameter " + parameter.name() + " = " + value, path, requiredQuery(operation),
                                    headers(operation, "application/json", "application/json", validToken),
                                    validBodyStandIn(operation), 0))))));
        }
        List<Operation.Parameter> queryParameters = operation.in("query").stream()
                .filter(parameter -> !invalidValues(parameter.schema()).isEmpty()).toList();
        if (!queryParameters.isEmpty()) {
            flaws.add(new Flaw("query parameter", Generate.pick(queryParameters).flatMap(parameter ->
                    Generate.pick(invalidValues(parameter.schema())).flatMap(value -> validPath(operation).map(path -> {
                        Map<String, String> query = new LinkedHashMap<>(requiredQuery(operation));
                        query.put(parameter.name(), value);
                        return new BadRequest(operation, "query parameter " + parameter.name() + " = " + value, path,
                                query, headers(operation, "application/json", "application/json", validToken),
                                validBodyStandIn(operation), 0);
                    })))));
        }
        if (operation.producesJson()) {
            flaws.add(new Flaw("accepted type", Generate.pick(List.of("application/xml", "text/csv", "image/png"))
                    .flatMap(type -> validPath(operation).map(path -> new BadRequest(operation, "accepts only " + type,
                            path, requiredQuery(operation), headers(operation, "application/json", type, validToken),
                            validBodyStandIn(operation), 406)))));
        }
        flaws.add(new Flaw("credentials", Generate.pick(List.of("", "Bearer", "Bearer not.a.jwt",
                "Basic dXNlcjpwYXNzd29yZA==", "Bearer " + validToken.substring(0, validToken.length() - 8) + "AAAAAAAA"))
                .flatMap(authorization -> validPath(operation).map(path -> new BadRequest(operation, "credentials '"
                        + (authorization.length() > 30 ? "token with a forged signature" : authorization) + "'", path,
                        requiredQuery(operation), headers(operation, "application/json", "application/json", authorization),
                        validBodyStandIn(operation), 401)))));
        return flaws;
    }

    /** A body with its flaw named. */
    private record FlawedBody(String flaw, String body) {
    }

    private Gen<BadRequest> withBody(Operation operation, Gen<FlawedBody> bodies) {
        return bodies.flatMap(body -> validPath(operation).map(path -> new BadRequest(operation, body.flaw(), path,
                requiredQuery(operation), headers(operation, "application/json", "application/json", validToken),
                body.body(), 0)));
    }

    /** A body for operations that need one when the flaw is elsewhere: the smallest JSON of the right shape. */
    private static String validBodyStandIn(Operation operation) {
        if (operation.body() == null) {
            return null;
        }
        return "array".equals(operation.body().path("type").asText()) ? "[]" : "{}";
    }

    /**
     * The headers of a request that is right but for its flaw: where the operation requires If-Match, {@code *}, so
     * that the flaw, not the missing precondition, is what gets refused.
     */
    private static Map<String, String> headers(Operation operation, String contentType, String accept,
            String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Accept", accept);
        if (operation.in("header").stream().anyMatch(parameter -> parameter.name().equalsIgnoreCase(IF_MATCH))) {
            headers.put(IF_MATCH, "*");
        }
        if (!authorization.isEmpty()) {
            headers.put("Authorization", authorization.startsWith("Bearer") || authorization.startsWith("Basic")
                    ? authorization : "Bearer " + authorization);
        }
        return headers;
    }

    /** The path with every parameter filled with a valid value (existing ids half of the time). */
    private Gen<String> validPath(Operation operation) {
        return validPath(operation, null, null);
    }

    /** The same with {@code badParameter} set to {@code badValue}. */
    private Gen<String> validPath(Operation operation, String badParameter, String badValue) {
        Gen<Map<String, String>> values = Generate.constant(Map::of);
        for (Operation.Parameter parameter : operation.in("path")) {
            if (parameter.name().equals(badParameter)) {
                values = values.map(filled -> with(filled, parameter.name(), badValue));
            } else {
                Gen<String> valid = validValue(parameter.schema());
                values = values.flatMap(filled -> valid.map(value -> with(filled, parameter.name(), value)));
            }
        }
        return values.map(filled -> fill(operation.path(), filled));
    }

    private Gen<String> validValue(JsonNode schema) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            return Generate.pick(texts(schema.get("enum")));
        }
        if ("uuid".equals(format)) {
            return Generate.oneOf(Generate.pick(knownIds), Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE)
                    .map(bits -> new UUID(bits, ~bits).toString()));
        }
        if ("date".equals(format)) {
            return Generate.constant("2021-10-05");
        }
        if ("integer".equals(type)) {
            return Generate.range(schema.path("minimum").asInt(1), schema.path("maximum").asInt(100)).map(value -> Integer.toString(value));
        }
        return Generate.pick(knownCodes);
    }

    private static Map<String, String> requiredQuery(Operation operation) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Operation.Parameter parameter : operation.in("query")) {
            if (parameter.required()) {
                JsonNode schema = parameter.schema();
                String format = schema.path("format").asText();
                query.put(parameter.name(), schema.has("enum") ? schema.get("enum").get(0).asText()
                        : "uuid".equals(format) ? UUID.randomUUID().toString()
                        : "date".equals(format) ? "2021-10-05"
                        : "integer".equals(schema.path("type").asText()) ? String.valueOf(schema.path("minimum").asInt(1))
                        : "x");
            }
        }
        return query;
    }

    /** Texts a parameter of this schema can never accept (none for free text and flags, which accept anything). */
    private static List<String> invalidValues(JsonNode schema) {
        if ("array".equals(schema.path("type").asText())) {
            return invalidValues(schema.path("items"));
        }
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        List<String> values = new ArrayList<>();
        if (schema.has("enum")) {
            // An empty value is no bad value: a filter given as "?status=" means no filter.
            values.addAll(List.of("NOT_A_VALUE", "%00", "null"));
        } else if ("uuid".equals(format)) {
            values.addAll(List.of("not-a-uuid", "123", "' OR '1'='1", "00000000-0000-0000-0000-00000000000Z",
                    "a".repeat(300)));
        } else if ("date".equals(format)) {
            values.addAll(List.of("2021-02-30", "tomorrow", "05.10.2021"));
        } else if ("date-time".equals(format)) {
            values.addAll(List.of("2021-13-01T25:61:00Z", "noon"));
        } else if ("integer".equals(type) || "number".equals(type)) {
            values.addAll(List.of("abc", "1,5", "99999999999999999999"));
            if (schema.has("minimum")) {
                values.add(String.valueOf(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                values.add(String.valueOf(schema.get("maximum").asLong() + 1));
            }
        } else if ("string".equals(type) && schema.has("maxLength")) {
            values.add("x".repeat(schema.get("maxLength").asInt() + 1));
        }
        return values;
    }

    /** JSON bodies whose root is not what the schema says. */
    private static List<String> wrongShapes(JsonNode schema) {
        return "array".equals(schema.path("type").asText()) ? List.of("{}", "\"text\"", "42", "null")
                : List.of("[]", "[{}]", "\"text\"", "42", "true", "null");
    }

    /** JSON values a field of this schema can never be (no lenient coercion turns them into one). */
    private static List<JsonNode> wrongValues(JsonNode schema) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        List<JsonNode> values = new ArrayList<>();
        if ("array".equals(type)) {
            values.add(NODES.objectNode().put("not", "a list"));
            values.add(NODES.numberNode(42));
        } else if ("object".equals(type) || schema.has("properties")) {
            values.add(NODES.arrayNode().add(1));
            values.add(NODES.booleanNode(true));
        } else if ("integer".equals(type) || "number".equals(type)) {
            values.add(NODES.textNode("abc"));
            values.add(NODES.objectNode());
            values.add(NODES.numberNode(1e40));
        } else if ("boolean".equals(type)) {
            values.add(NODES.textNode("maybe"));
            values.add(NODES.objectNode());
        } else if (schema.has("enum")) {
            values.add(NODES.textNode("NOT_A_VALUE"));
            values.add(NODES.arrayNode());
        } else if ("uuid".equals(format)) {
            values.add(NODES.textNode("not-a-uuid"));
            values.add(NODES.arrayNode());
        } else if ("date".equals(format) || "date-time".equals(format)) {
            values.add(NODES.textNode("2021-02-30"));
            values.add(NODES.textNode("tomorrow"));
        } else {
            values.add(NODES.objectNode().put("not", "a text"));
            values.add(NODES.arrayNode().add("a").add("b"));
        }
        return values;
    }

    /** Values just outside what the schema documents: longer than maxLength, beyond minimum/maximum, too many items. */
    private static List<JsonNode> outOfRange(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        if (schema.has("maxLength")) {
            values.add(NODES.textNode("x".repeat(schema.get("maxLength").asInt() + 1)));
        }
        if (schema.has("minLength") && schema.get("minLength").asInt() > 0) {
            values.add(NODES.textNode(""));
        }
        if (schema.has("minimum")) {
            values.add(NODES.numberNode(schema.get("minimum").asLong() - 1));
        }
        if (schema.has("maximum")) {
            values.add(NODES.numberNode(schema.get("maximum").asLong() + 1));
        }
        if (schema.has("maxItems")) {
            ArrayNode tooMany = NODES.arrayNode();
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                tooMany.add("item-" + i);
            }
            values.add(tooMany);
        }
        return values;
    }

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}",
                    URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    private static String json(String field, JsonNode value) {
        ObjectNode object = NODES.objectNode();
        object.set(field, value);
        return object.toString();
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        for (Iterator<JsonNode> values = array.elements(); values.hasNext();) {
            texts.add(values.next().asText());
        }
        return texts;
    }
}
