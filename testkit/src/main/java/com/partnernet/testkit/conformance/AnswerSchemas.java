package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** Every read's answer against the schema its document gives for it. */
public final class AnswerSchemas {

    private final ContractProbe probe;

    public AnswerSchemas(ContractProbe probe) {
        this.probe = probe;
    }

    /**
     * Reads every GET endpoint as a caller its rule allows, with the rule's sample parameters, and checks each 200 body
     * against the schema the document gives for it (JSON Schema 2020-12, networknt's validator): a field of another
     * type, an enum value or a required field the document does not know fails. A null where the document names a
     * type or values is let pass: the documents do not model which fields may be null.
     */
    public void verify(List<Endpoint> endpoints) throws IOException, InterruptedException {
        JsonNode definitions = probe.document().path("components").path("schemas");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.method.equals("GET")) {
                continue;
            }
            String token = probe.allowedToken(endpoint);
            HttpResponse<String> response = probe.send(endpoint, token, (String) null);
            if (response.statusCode() != 200) {
                failures.add(ContractProbe.line(endpoint, "schema check", "200 to check the body", response));
                continue;
            }
            JsonNode content = probe.operation(endpoint).path("responses").path("200").path("content");
            if (ContractProbe.isEventStream(response)) {
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
            String standalone = ContractProbe.JSON.writeValueAsString(((ObjectNode) schema.deepCopy())
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
        ContractProbe.report(failures, "answers off their documented schema");
    }
}
