package com.partnernet.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.testkit.conformance.Nullability;

import io.swagger.v3.parser.util.DeserializationUtils;

/**
 * The dashboard's TypeScript client, generated from the committed documents (this module's build), types every field
 * as the document decides it: a field that may be left out is optional ({@code name?:}), one that may be null admits
 * it ({@code | null}), so a frontend with strict null checks never takes a null for a value.
 */
class GeneratedClientTypesTest {

    private static final Pattern FIELD = Pattern.compile("^    '?(\\w+)'?(\\??): (.+);$");

    @ParameterizedTest
    @ValueSource(strings = { "partners", "leads", "targets" })
    void optionalFieldsAreOptionalAndNullableFieldsAdmitNull(String service) throws Exception {
        JsonNode schemas = DeserializationUtils.readYamlTree(Files.readString(Path.of("../../docs/api/" + service
                + "-service.openapi.yaml"))).path("components").path("schemas");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var schema : (Iterable<Map.Entry<String, JsonNode>>) schemas::fields) {
            JsonNode properties = schema.getValue().path("properties");
            if (properties.isEmpty()) {
                continue;
            }
            Map<String, String[]> declared = declarations(Path.of("target/generated-client", service, "models",
                    schema.getKey() + ".ts"));
            List<String> required = new ArrayList<>();
            schema.getValue().path("required").forEach(name -> required.add(name.asText()));
            for (var property : (Iterable<Map.Entry<String, JsonNode>>) properties::fields) {
                String where = schema.getKey() + "." + property.getKey();
                String[] field = declared.get(property.getKey());
                if (field == null) {
                    failures.add(where + ": not in the generated model");
                    continue;
                }
                checked++;
                if (required.contains(property.getKey()) == field[0].equals("?")) {
                    failures.add(where + ": " + (field[0].isEmpty() ? "always there" : "optional") + " in TypeScript, "
                            + (required.contains(property.getKey()) ? "required" : "not required") + " in the document");
                }
                if (Nullability.admitsNull(property.getValue()) != field[1].endsWith("| null")) {
                    failures.add(where + ": typed " + field[1] + ", which " + (field[1].endsWith("| null") ? "admits"
                            : "does not admit") + " the null the document " + (Nullability.admitsNull(property.getValue())
                                    ? "allows" : "rules out"));
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked > 100, "only " + checked + " fields checked");
    }

    /** The fields of the model's interface: name to {optional marker, type}. */
    private static Map<String, String[]> declarations(Path model) throws Exception {
        Map<String, String[]> fields = new HashMap<>();
        if (!Files.exists(model)) {
            return fields;
        }
        boolean inInterface = false;
        for (String line : Files.readAllLines(model)) {
            if (line.startsWith("export interface ")) {
                inInterface = true;
            } else if (inInterface && line.equals("}")) {
                break;
            } else if (inInterface) {
                Matcher field = FIELD.matcher(line);
                if (field.matches()) {
                    fields.put(field.group(1), new String[] { field.group(2), field.group(3) });
                }
            }
        }
        return fields;
    }
}
