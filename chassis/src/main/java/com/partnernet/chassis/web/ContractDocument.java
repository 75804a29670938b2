package com.partnernet.chassis.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.partnernet.chassis.security.Roles;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Writes into every service's OpenAPI document what the chassis answers on every operation, so the document states
 * the real statuses and headers without each resource repeating them: 400 for any request (undeclared query
 * parameters are refused, see {@link UnknownParameters}), 404 where a path or query parameter names a resource, 406,
 * 409 on every write (a state that forbids it, or a concurrent change), 413 and 415 where a body is sent, 412 and 428
 * where If-Match is required, 500 everywhere (a failure of the service's own); every error as
 * {@code application/problem+json} with the {@code Problem} schema;
 * {@code Location} on every 201; {@code ETag} on the successes of an operation marked as answered by {@link ETags}. A
 * repeated create answers 200 with the same body as its 201. Each service's authorization matrix compares the
 * statuses and headers it meets with this document. And the API conventions' rule for null (docs/api/README.md): a
 * property that may be null says so (its field is marked {@code @Nullable}); every other one is required, and so is
 * every property of an answer.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractDocument implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = SCHEMAS + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        decideNullability(openAPI, schemas);
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            path.getOperations().forEach((method, operation) -> {
                document(operation, method != PathItem.HttpMethod.GET, namesResource(path, operation, schemas));
                operation.getResponses().setAPIResponses(new TreeMap<>(operation.getResponses().getAPIResponses()));
            });
        }
    }

    /**
     * Writes the conventions' rule for null into every schema: a property that does not admit null (a field not
     * marked {@code @Nullable}) is required. A schema only ever answered lists every property as required, for the
     * services write every field of an answer (null where nothing is); one a request body uses leaves the others out,
     * for a client may omit them.
     */
    private static void decideNullability(OpenAPI openAPI, Map<String, Schema> schemas) {
        Set<String> read = new HashSet<>();
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().stream().flatMap(path -> path.getOperations().values().stream())
                    .map(Operation::getRequestBody).filter(Objects::nonNull)
                    .filter(body -> body.getContent() != null && body.getContent().getMediaTypes() != null)
                    .flatMap(body -> body.getContent().getMediaTypes().values().stream())
                    .forEach(media -> collectReferences(media.getSchema(), schemas, read));
        }
        // The problem's optional members are left out when empty (RFC 7807): its schema says so by itself.
        schemas.forEach((name, schema) -> {
            if (!name.equals(PROBLEM)) {
                require(schema, !read.contains(name));
            }
        });
    }

    private static void collectReferences(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (names.add(name)) {
                collectReferences(schemas.get(name), schemas, names);
            }
        }
        parts(schema).forEach(part -> collectReferences(part, schemas, names));
    }

    private static void require(Schema schema, boolean answerOnly) {
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if ((answerOnly || !admitsNull(property))
                        && (schema.getRequired() == null || !schema.getRequired().contains(name))) {
                    schema.addRequired(name);
                }
            });
        }
        parts(schema).forEach(part -> require(part, answerOnly));
    }

    /** The schemas inside a schema: its properties', its items', its map values' and its alternatives'. */
    private static Stream<Schema> parts(Schema schema) {
        return Stream.of(schema.getProperties() == null ? Stream.<Schema>empty() : schema.getProperties().values().stream(),
                Stream.of(schema.getItems(), schema.getAdditionalPropertiesSchema()),
                Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                        .flatMap(List::stream))
                .flatMap(stream -> stream).filter(Objects::nonNull);
    }

    private static boolean admitsNull(Schema schema) {
        return schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL)
                || Stream.of(schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull).flatMap(List::stream)
                        .anyMatch(ContractDocument::admitsNull);
    }

    /** A path parameter, or a query parameter holding an id (a shop to report on): 404 when there is none such. */
    private static boolean namesResource(PathItem path, Operation operation, Map<String, Schema> schemas) {
        return Stream.concat(parameters(path.getParameters()).stream(), parameters(operation.getParameters()).stream())
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH
                        || parameter.getIn() == Parameter.In.QUERY && isUuid(parameter.getSchema(), schemas));
    }

    private static boolean isUuid(Schema schema, Map<String, Schema> schemas) {
        Schema resolved = schema != null && schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)
                ? schemas.get(schema.getRef().substring(SCHEMAS.length()))
                : schema;
        return resolved != null && "uuid".equals(resolved.getFormat());
    }

    private static List<Parameter> parameters(List<Parameter> parameters) {
        return parameters == null ? List.of() : parameters;
    }

    private static void document(Operation operation, boolean writes, boolean namesResource) {
        describeCallers(operation);
        APIResponses responses = operation.getResponses();
        error(responses, "400", "The request breaks the contract: violations names every wrong field or parameter "
                + "(also any query parameter the operation does not declare)");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            error(responses, "401", "No valid bearer token");
            error(responses, "403", "The token's roles (or partner) may not do this");
        }
        if (namesResource) {
            error(responses, "404", "No such resource, or one of another partner");
        }
        error(responses, "406", "Accept names no type this operation answers with");
        error(responses, "500", "The service failed (a fault of its own, never of the request): the problem names only a "
                + "reference to its log entry");
        if (writes) {
            error(responses, "409", "The resource's state does not allow this change (the detail says why), or another "
                    + "request changed it at the same moment: reload and decide again");
        }
        if (operation.getRequestBody() != null) {
            error(responses, "413", "The body is larger than the service accepts");
            error(responses, "415", "Content-Type is not one this operation reads");
        }
        Optional<Parameter> ifMatch = parameters(operation.getParameters()).stream()
                .filter(parameter -> parameter.getIn() == Parameter.In.HEADER
                        && "If-Match".equalsIgnoreCase(parameter.getName()))
                .findFirst();
        ifMatch.ifPresent(parameter -> {
            parameter.required(true).description("The ETag of the version this change is based on");
            error(responses, "412", "If-Match names an older version: someone changed the resource meanwhile");
            error(responses, "428", "If-Match is missing");
        });
        APIResponse created = responses.getAPIResponse("201");
        if (created != null) {
            created.addHeader("Location", header("Where the new resource lives"));
            APIResponse repeated = responses.getAPIResponse("200");
            if (repeated != null && repeated.getContent() == null) {
                repeated.content(created.getContent());
            }
        }
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(ETags.DOCUMENTED)) {
            operation.removeExtension(ETags.DOCUMENTED);
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeader("ETag", header("The resource's version; send it back as If-Match to change it"));
                }
            });
        }
    }

    /** Ends the description with who may call the operation: the roles its security requirement lists. */
    private static void describeCallers(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        List<String> roles = operation.getSecurity().stream()
                .flatMap(requirement -> requirement.getSchemes().values().stream()).flatMap(List::stream).distinct()
                .sorted().map(role -> "`" + role + "`" + (role.equals(Roles.PARTNER_USER) ? " (its own partner's only)" : ""))
                .toList();
        if (!roles.isEmpty()) {
            String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
            operation.setDescription(description + "Who may call: " + String.join(", ", roles) + ".");
        }
    }

    private static void error(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(status, response);
        }
        if (response.getDescription() == null || response.getDescription().isBlank()
                || response.getDescription().equals("Not Authorized") || response.getDescription().equals("Not Allowed")
                || response.getDescription().equals("Bad Request")) {
            response.description(description);
        }
        response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One wrong input")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Where, in the contract's words: a JSON path into the body (contact.email, "
                                + "items[3].productLine) or a parameter's name"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What is wrong, and what would be right"))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 7807 problem details, the body of every error of every service")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("urn:partnernet:problem: and the kind: validation, malformed-request, not-found, "
                                + "conflict, precondition, payload-too-large, unauthenticated, forbidden, "
                                + "method-not-allowed, not-acceptable, unsupported-media-type, internal"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addType(Schema.SchemaType.NULL).description("Left out when the title says it all"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addType(Schema.SchemaType.NULL).description("The request's path"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .addType(Schema.SchemaType.NULL).items(violation)
                        .description("For 400: every wrong input at once; left out for other errors"))
                .required(List.of("type", "title", "status"));
    }
}
