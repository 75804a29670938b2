package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.util.DeserializationUtils;

/**
 * A service's OpenAPI document, as it serves it, against the one committed under {@code docs/api/}: the committed
 * document is the contract clients build on (and the dashboard's client is generated from). Any difference fails
 * the build; {@code -Dcontract.update=true} writes the served document over the committed one, but refuses a
 * breaking change (a removed path, operation, field or enum value, a narrowed type; openapi-diff decides) unless
 * {@code -Dcontract.breaking=accept} says it is deliberate — by the compatibility policy (docs/api/README.md), a breaking change is a
 * new path or version instead. Also checked: every operation has a unique operationId and says which roles may call it.
 */
public final class ApiContract {

    private static final int SHOWN_DIFF = 6_000;

    private ApiContract() {
    }

    public static void verify(String served, Path committed) throws IOException {
        List<String> lint = lint(served);
        if (!lint.isEmpty()) {
            throw new AssertionError("The OpenAPI document breaks the conventions:\n  " + String.join("\n  ", lint));
        }
        String contract = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : null;
        if (served.equals(contract)) {
            return;
        }
        ChangedOpenApi diff = contract == null ? null : OpenApiCompare.fromContents(contract, served);
        List<String> removals = contract == null ? List.of() : removals(contract, served);
        boolean breaking = diff != null && diff.isIncompatible() || !removals.isEmpty();
        String changes = diff == null ? "(no committed document yet)"
                : String.join("\n", removals) + (removals.isEmpty() ? "" : "\n") + render(diff);
        if (Boolean.getBoolean("contract.update")) {
            if (breaking && !"accept".equals(System.getProperty("contract.breaking"))) {
                throw new AssertionError("Not written: the change breaks clients of " + committed.getFileName()
                        + " (docs/api/README.md, compatibility policy: add, never remove or narrow; a breaking change is a new "
                        + "path or version). If it is deliberate, add -Dcontract.breaking=accept.\n" + changes);
            }
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
            return;
        }
        throw new AssertionError("The service's OpenAPI document differs from the committed contract "
                + committed.normalize() + (breaking ? " — and the change BREAKS clients" : " (compatible)")
                + ". If the change is intended, write it with ./mvnw verify -Dcontract.update=true and commit the "
                + "document.\n" + changes);
    }

    private static String render(ChangedOpenApi diff) {
        String text = new ConsoleRender().render(diff);
        return text.length() > SHOWN_DIFF ? text.substring(0, SHOWN_DIFF) + "\n…" : text;
    }

    /**
     * Fields, enum values and types a schema of the contract had and the served document no longer has. openapi-diff
     * judges from the reader's side (a response field that was not required may go); a schema read in one place is
     * written in another here (a client echoes what it read), so every removal counts as breaking.
     */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    static List<String> removals(String contract, String served) {
        Map<String, Schema> before = schemas(contract);
        Map<String, Schema> after = schemas(served);
        List<String> removals = new ArrayList<>();
        before.forEach((name, old) -> {
            Schema now = after.get(name);
            if (now == null) {
                return;
            }
            compare(name, old, now, removals);
            Map<String, Schema> oldProperties = old.getProperties() == null ? Map.of() : old.getProperties();
            Map<String, Schema> newProperties = now.getProperties() == null ? Map.of() : now.getProperties();
            oldProperties.forEach((property, schema) -> {
                if (!newProperties.containsKey(property)) {
                    removals.add("REMOVED field " + name + "." + property);
                } else {
                    compare(name + "." + property, schema, newProperties.get(property), removals);
                }
            });
        });
        return removals;
    }

    @SuppressWarnings("rawtypes")
    private static void compare(String where, Schema old, Schema now, List<String> removals) {
        if (old.getEnum() != null) {
            List<?> kept = now.getEnum() == null ? List.of() : now.getEnum();
            old.getEnum().stream().filter(value -> !kept.contains(value))
                    .forEach(value -> removals.add("REMOVED enum value " + where + " " + value));
        }
        if (old.getType() != null && !old.getType().equals(now.getType())
                || old.getFormat() != null && !old.getFormat().equals(now.getFormat())) {
            removals.add("CHANGED type " + where + " " + old.getType() + "/" + old.getFormat() + " to " + now.getType()
                    + "/" + now.getFormat());
        }
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> schemas(String document) {
        OpenAPI api = parse(document);
        return api.getComponents() == null || api.getComponents().getSchemas() == null ? Map.of()
                : api.getComponents().getSchemas();
    }

    private static OpenAPI parse(String document) {
        var result = new OpenAPIV3Parser().readContents(document);
        if (result.getOpenAPI() == null) {
            throw new AssertionError("Not an OpenAPI document: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    /**
     * What every operation must state: a unique operationId, and the roles that may call it. And the API conventions' rule for
     * optimistic locking: a change to an existing resource whose answer carries its version (an ETag, and no 201 of a
     * create) requires If-Match, with 428 when it is missing and 412 when it is stale; no other operation takes one.
     */
    static List<String> lint(String document) {
        OpenAPI api = parse(document);
        List<String> failures = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String key = method + " " + path;
            String id = operation.getOperationId();
            if (id == null || id.isBlank()) {
                failures.add(key + ": no operationId");
            } else {
                String other = operationIds.putIfAbsent(id, key);
                if (other != null) {
                    failures.add(key + ": operationId " + id + " is " + other + "'s already");
                }
            }
            if (roles(operation).isEmpty()) {
                failures.add(key + ": names no roles (security requirement with the roles as scopes)");
            }
            failures.addAll(ifMatch(key, method, operation));
        }));
        // The parser's own YAML reading: it takes an example time such as 13:45:30 for the text it is.
        DeserializationUtils.readYamlTree(document).path("components").path("schemas").fields().forEachRemaining(
                schema -> failures.addAll(Nullability.undecided(schema.getKey(), schema.getValue())));
        return failures;
    }

    private static List<String> ifMatch(String key, PathItem.HttpMethod method, Operation operation) {
        List<Parameter> ifMatch = operation.getParameters() == null ? List.of() : operation.getParameters().stream()
                .filter(parameter -> "header".equals(parameter.getIn()) && "If-Match".equalsIgnoreCase(parameter.getName()))
                .toList();
        boolean versioned = operation.getResponses().entrySet().stream()
                .anyMatch(response -> response.getKey().startsWith("2") && response.getValue().getHeaders() != null
                        && response.getValue().getHeaders().containsKey("ETag"));
        boolean changesExisting = method != PathItem.HttpMethod.GET && versioned
                && !operation.getResponses().containsKey("201");
        List<String> failures = new ArrayList<>();
        if (changesExisting && ifMatch.isEmpty()) {
            failures.add(key + ": changes a versioned resource (its answer has an ETag) but takes no If-Match");
        }
        if (!changesExisting && !ifMatch.isEmpty()) {
            failures.add(key + ": takes If-Match but changes no existing versioned resource");
        }
        if (!ifMatch.isEmpty()) {
            if (!Boolean.TRUE.equals(ifMatch.get(0).getRequired())) {
                failures.add(key + ": If-Match is not marked required");
            }
            for (String status : List.of("412", "428")) {
                if (!operation.getResponses().containsKey(status)) {
                    failures.add(key + ": takes If-Match but does not list " + status);
                }
            }
        }
        return failures;
    }

    /** The roles an operation lets through, as its security requirement lists them. */
    public static List<String> roles(Operation operation) {
        return operation.getSecurity() == null ? List.of()
                : operation.getSecurity().stream().flatMap(requirement -> requirement.values().stream())
                        .flatMap(List::stream).distinct().sorted().toList();
    }

    /** The document's operations by "METHOD /path". */
    public static Map<String, Operation> operations(String document) {
        OpenAPI api = parse(document);
        Map<String, Operation> operations = new HashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((PathItem.HttpMethod method, Operation operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }
}
