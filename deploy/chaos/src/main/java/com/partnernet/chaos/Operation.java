package com.partnernet.chaos;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnernet.testkit.service.Service;

/**
 * One operation of a service's OpenAPI document, with its schemas resolved: what scenario 7 needs to make requests
 * the operation must refuse.
 */
record Operation(Service service, String method, String path, List<Parameter> parameters, JsonNode body,
        boolean producesJson, Set<Integer> statuses) {

    /** A path, query or header parameter. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    String label() {
        return service.serviceName + " " + method + " " + path;
    }

    List<Parameter> in(String location) {
        return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
    }

    /** Every operation of a document (fetched from {@code /q/openapi?format=json}); {@code $ref}s resolved inline. */
    static List<Operation> of(Service service, JsonNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getKey().equals("parameters")) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : concat(path.getValue().path("parameters"), operation.path("parameters"))) {
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            parameter.path("required").asBoolean(), resolve(parameter.path("schema"), schemas, 0)));
                }
                JsonNode json = operation.path("requestBody").path("content").path("application/json").path("schema");
                JsonNode body = json.isMissingNode() ? null : resolve(json, schemas, 0);
                boolean producesJson = false;
                Set<Integer> statuses = new TreeSet<>();
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext();) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    statuses.add(Integer.valueOf(response.getKey()));
                    for (Iterator<String> types = response.getValue().path("content").fieldNames(); types.hasNext();) {
                        String type = types.next();
                        // What a success answers with (every error answers problem+json).
                        producesJson |= response.getKey().startsWith("2") && type.contains("json");
                    }
                }
                operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey(), parameters, body,
                        producesJson, statuses));
            }
        }
        return operations;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }

    /** The schema with {@code $ref}s (and single-entry {@code allOf}s) replaced by what they name, a few levels deep. */
    private static JsonNode resolve(JsonNode schema, JsonNode schemas, int depth) {
        if (depth > 6 || schema == null || schema.isMissingNode()) {
            return schema;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replaceFirst("^#/components/schemas/", "");
            return resolve(schemas.path(name), schemas, depth + 1);
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0), schemas, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = schema.deepCopy();
        if (schema.has("items")) {
            copy.set("items", resolve(schema.get("items"), schemas, depth + 1));
        }
        if (schema.has("properties")) {
            ObjectNode properties = copy.putObject("properties");
            schema.get("properties").fields().forEachRemaining(property -> properties.set(property.getKey(),
                    resolve(property.getValue(), schemas, depth + 1)));
        }
        return copy;
    }
}
