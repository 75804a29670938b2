package com.partnernet.testkit.conformance;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The contracts' rule for null (docs/api/README.md), the same for the REST APIs' schemas and the events': a property
 * that may be left out admits null in its type, so every property is required, or admits null ({@code "null"} among
 * its types, or a {@code {"type": "null"}} alternative beside a {@code $ref}), or both (always there, sometimes null).
 * A property that is neither has no decision, and a client generated from the schema would lie about it.
 */
public final class Nullability {

    private Nullability() {
    }

    /** Every property, in the schema and the schemas inside it, that is neither required nor admits null. */
    static List<String> undecided(String where, JsonNode schema) {
        List<String> failures = new ArrayList<>();
        collect(where, schema, failures);
        return failures;
    }

    private static void collect(String where, JsonNode schema, List<String> failures) {
        if (!schema.isObject()) {
            return;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").fields().forEachRemaining(property -> {
            String at = where + "." + property.getKey();
            if (!required.contains(property.getKey()) && !admitsNull(property.getValue())) {
                failures.add(at + ": neither required nor admitting null (docs/api/README.md, null)");
            }
            collect(at, property.getValue(), failures);
        });
        collect(where + "[]", schema.path("items"), failures);
        collect(where + "{}", schema.path("additionalProperties"), failures);
        schema.path("$defs").fields().forEachRemaining(definition ->
                collect(where + "#" + definition.getKey(), definition.getValue(), failures));
        for (String alternatives : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(alternatives).forEach(alternative -> collect(where, alternative, failures));
        }
    }

    public static boolean admitsNull(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.asText().equals("null")) {
            return true;
        }
        for (JsonNode oneOfTypes : type) {
            if (oneOfTypes.asText().equals("null")) {
                return true;
            }
        }
        for (String alternatives : List.of("anyOf", "oneOf")) {
            for (JsonNode alternative : schema.path(alternatives)) {
                if (admitsNull(alternative)) {
                    return true;
                }
            }
        }
        return false;
    }
}
