package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.swagger.v3.parser.util.DeserializationUtils;

/**
 * Answers against the schema their document gives for their status and media type (JSON Schema 2020-12, networknt's
 * validator), strictly: a field of another type, an enum value or a required field the document does not know, and
 * a {@code null} where the schema does not admit one, each fail. {@link ContractProbe} checks every answer it meets
 * this way (successes, problems, pages); {@link #verify} also reads every GET as an allowed caller, so that every
 * read's success is checked at least once.
 */
public final class AnswerSchemas {

    private final ContractProbe probe;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** Compiled schemas by "METHOD /path status media-type". */
    private final Map<String, Schema> compiled = new HashMap<>();

    AnswerSchemas(ContractProbe probe) {
        this.probe = probe;
    }

    /**
     * Reads every GET endpoint as a caller its rule allows, with the rule's sample parameters: each must answer 200,
     * with a body its document describes (checked by the probe as every answer is, and by the independent
     * validator).
     */
    public static void verify(ContractProbe probe, List<Endpoint> endpoints) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.method.equals("GET")) {
                continue;
            }
            HttpResponse<String> response = probe.send(endpoint, probe.allowedToken(endpoint), (String) null);
            probe.observe(endpoint, "allowed reader", response);
            if (response.statusCode() != 200) {
                failures.add(ContractProbe.line(endpoint, "schema check", "200 to check the body", response));
            } else if (!ContractProbe.isEventStream(response)) {
                probe.independently(response).forEach(violation -> failures.add(endpoint.key()
                        + ": Prism finds the exchange off the document: " + violation));
            }
        }
        failures.addAll(probe.undocumented());
        ContractProbe.report(failures, "answers off their documented schema");
    }

    /** What is wrong with an answer's body against its document, one line each; nothing when it is right. */
    List<String> check(Endpoint endpoint, HttpResponse<String> response) throws IOException, InterruptedException {
        String mediaType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        JsonNode documented = probe.operation(endpoint).path("responses").path(String.valueOf(response.statusCode()));
        if (documented.isMissingNode() || ContractProbe.isEventStream(response)) {
            // An undocumented status is reported as such; a stream's events are checked where a test reads them.
            return List.of();
        }
        JsonNode content = documented.path("content");
        if (response.body().isEmpty()) {
            return content.isEmpty() || content.has("*/*") ? List.of()
                    : List.of(endpoint.key() + ": answered " + response.statusCode() + " without the body "
                            + "the document describes");
        }
        if (!content.has(mediaType)) {
            return List.of(endpoint.key() + ": answered " + response.statusCode() + " as " + mediaType
                    + ", which the document does not list for it (" + mediaTypes(content) + ")");
        }
        if (!mediaType.endsWith("json")) {
            return List.of();
        }
        String key = endpoint.key() + " " + response.statusCode() + " " + mediaType;
        Schema schema = compiled.get(key);
        if (schema == null) {
            schema = registry.getSchema(standalone(content.path(mediaType).path("schema"),
                    probe.document().path("components").path("schemas")), InputFormat.JSON);
            compiled.put(key, schema);
        }
        return schema.validate(response.body(), InputFormat.JSON).stream()
                .map(error -> endpoint.key() + " (" + response.statusCode() + "): " + error).toList();
    }

    /**
     * What is wrong with one event of a stream (its data against the schema the document gives the stream's GET),
     * one line each; for the tests that read streams, which neither the probe nor Prism can.
     */
    public static List<String> ofStreamEvent(Path document, String path, String data) throws IOException {
        JsonNode api = DeserializationUtils.readYamlTree(Files.readString(document));
        for (var operation : (Iterable<Map.Entry<String, JsonNode>>) api.path("paths")::fields) {
            if (path.matches(operation.getKey().replaceAll("\\{[^/]+}", "[^/]+"))) {
                JsonNode schema = operation.getValue().path("get").path("responses").path("200").path("content")
                        .path("text/event-stream").path("schema");
                if (schema.isMissingNode()) {
                    return List.of(path + ": the document describes no event stream here");
                }
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(standalone(schema, api.path("components").path("schemas")), InputFormat.JSON)
                        .validate(data, InputFormat.JSON).stream().map(error -> path + " event: " + error).toList();
            }
        }
        return List.of(path + ": not in the document");
    }

    /** One stand-alone schema: the answer's, with the document's components as its definitions. */
    private static String standalone(JsonNode schema, JsonNode definitions) throws IOException {
        return ContractProbe.JSON.writeValueAsString(((ObjectNode) schema.deepCopy()).set("$defs", definitions))
                .replace("\"#/components/schemas/", "\"#/$defs/");
    }

    private static List<String> mediaTypes(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
