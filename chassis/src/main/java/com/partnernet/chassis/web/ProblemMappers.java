package com.partnernet.chassis.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.error.PreconditionException;
import com.partnernet.chassis.error.ResourceNotFoundException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error of every service as {@code application/problem+json}: field details for invalid input, 404 for
 * unknown ids, 409 for state conflicts, and for anything unexpected a 500 that carries a reference to the log
 * entry but never a stack trace.
 */
public class ProblemMappers {

    static final URI VALIDATION = URI.create("urn:partnernet:problem:validation");
    static final URI MALFORMED = URI.create("urn:partnernet:problem:malformed-request");
    static final URI NOT_FOUND = URI.create("urn:partnernet:problem:not-found");
    static final URI CONFLICT = URI.create("urn:partnernet:problem:conflict");
    static final URI PRECONDITION = URI.create("urn:partnernet:problem:precondition");
    static final URI PAYLOAD_TOO_LARGE = URI.create("urn:partnernet:problem:payload-too-large");
    static final URI UNAUTHENTICATED = URI.create("urn:partnernet:problem:unauthenticated");
    static final URI FORBIDDEN = URI.create("urn:partnernet:problem:forbidden");
    static final URI INTERNAL = URI.create("urn:partnernet:problem:internal");
    static final URI METHOD_NOT_ALLOWED = URI.create("urn:partnernet:problem:method-not-allowed");
    static final URI NOT_ACCEPTABLE = URI.create("urn:partnernet:problem:not-acceptable");
    static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:partnernet:problem:unsupported-media-type");
    /** Another status the HTTP layer answers: {@code urn:partnernet:problem:http-} and the code. */
    static final String HTTP = "urn:partnernet:problem:http-";

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String fields = violations.stream().map(Problem.Violation::field).distinct().collect(Collectors.joining(", "));
        return problem(new Problem(VALIDATION, "Invalid request", 400, "Invalid: " + fields, uri.getPath(), violations));
    }

    @ServerExceptionMapper({ JsonParseException.class, MismatchedInputException.class, JsonMappingException.class })
    public Response unreadableBody(Exception e, UriInfo uri) {
        List<Problem.Violation> violations = List.of();
        String detail = "The request body is not valid JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            violations = List.of(new Problem.Violation(field, expectation(mapping)));
            detail = "The request body has a value of the wrong type at " + field;
        } else if (e instanceof MismatchedInputException) {
            detail = "The request body does not have the expected structure";
        }
        return problem(new Problem(MALFORMED, "Malformed request body", 400, detail, uri.getPath(), violations));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidRequestException e, UriInfo uri) {
        String fields = e.violations().stream().map(Problem.Violation::field).distinct().collect(Collectors.joining(", "));
        return problem(new Problem(VALIDATION, "Invalid request", 400, "Invalid: " + fields, uri.getPath(), e.violations()));
    }

    @ServerExceptionMapper
    public Response precondition(PreconditionException e, UriInfo uri) {
        String title = e.status() == 428 ? "Precondition required" : "Precondition failed";
        return problem(new Problem(PRECONDITION, title, e.status(), e.getMessage(), uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return problem(new Problem(NOT_FOUND, "Not found", 404, e.getMessage(), uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return problem(new Problem(CONFLICT, "Conflict", 409, e.getMessage(), uri.getPath(), List.of()));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(Exception e, UriInfo uri) {
        // The reason (expired, wrong issuer, bad signature) stays in the log: a caller probing tokens learns nothing.
        Log.debugf("Unauthenticated request to %s: %s", uri.getPath(), e.getMessage());
        Response response = problem(unauthenticated(uri.getPath()));
        // A rejected token gets its challenge from the authentication mechanism already; a missing one from here.
        return e instanceof UnauthorizedException
                ? Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build()
                : response;
    }

    /** The 401 problem, the same whether the API layer or the HTTP layer (see {@link UnauthenticatedProblem}) refuses. */
    static Problem unauthenticated(String path) {
        return new Problem(UNAUTHENTICATED, "Unauthorized", 401, "A valid bearer token is required", path, List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "The token's roles do not allow this request"
                : e.getMessage();
        return problem(new Problem(FORBIDDEN, "Forbidden", 403, detail, uri.getPath(), List.of()));
    }

    /**
     * What the HTTP layer refuses before a resource runs (no such path, method, media type), in the words of this API
     * and in its problem-type family, never the framework's message.
     */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus wraps some body-reading errors in a 400; the cause says which field is wrong.
            return unreadableBody(unreadable, uri);
        }
        if (e.getCause() instanceof InvalidRequestException invalid) {
            // A query or path parameter that did not convert (see ParamConverters).
            return invalidParameter(invalid, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        int code = status.getStatusCode();
        if (code >= 500) {
            return unexpected(e, uri);
        }
        String path = uri.getPath();
        Problem problem = switch (code) {
            case 404 -> new Problem(NOT_FOUND, "Not found", 404, "No resource at " + path, path, List.of());
            case 405 -> new Problem(METHOD_NOT_ALLOWED, "Method not allowed", 405, request.getMethod() + " is not an "
                    + "operation of " + path + allowed(e), path, List.of());
            case 406 -> new Problem(NOT_ACCEPTABLE, "Not acceptable", 406, "This API answers application/json (errors "
                    + "application/problem+json); the Accept header asks for " + headers.getHeaderString(HttpHeaders.ACCEPT),
                    path, List.of());
            case 415 -> new Problem(UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", 415, "This operation does not "
                    + "read " + (headers.getMediaType() == null ? "a body without a Content-Type"
                            : headers.getMediaType().toString()) + " (the API document names the types it reads)", path,
                    List.of());
            default -> new Problem(URI.create(HTTP + code), status.getReasonPhrase(), code, status.getReasonPhrase(), path,
                    List.of());
        };
        Response response = problem(problem);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    private static String allowed(WebApplicationException e) {
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null || allow.isBlank() ? "" : "; it takes " + allow;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException
                    || cause instanceof org.hibernate.exception.ConstraintViolationException) {
                // Another request changed the same resource first (version check or unique key), often only
                // noticed at commit where it arrives wrapped: the client may reload and retry.
                // Only the constraint's name: the database's message would quote the conflicting values, which may be
                // personal data.
                String which = cause instanceof org.hibernate.exception.ConstraintViolationException unique
                        ? "unique constraint " + unique.getConstraintName()
                        : "version check";
                Log.warnf("Concurrent change answered with 409 at %s (%s)", uri.getPath(), which);
                return problem(new Problem(CONFLICT, "Conflict", 409,
                        "The resource was changed by another request at the same time; reload it and retry",
                        uri.getPath(), List.of()));
            }
        }
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error answering %s (reference %s)", uri.getPath(), reference);
        return problem(new Problem(INTERNAL, "Internal error", 500,
                "An unexpected error occurred; quote reference " + reference + " when reporting it", uri.getPath(),
                List.of()));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The name a client knows: the body's property path ({@code contact.email}) or the parameter's name, without the
     * Java method and parameter names the validator puts in front; a cross-field check names the field its
     * {@link ReportedOn} says, or the object it is on.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        int skip = 0;
        if (!nodes.isEmpty() && nodes.get(0).getKind() == ElementKind.METHOD) {
            skip++;
        }
        if (nodes.size() > skip + 1 && nodes.get(skip).getKind() == ElementKind.PARAMETER) {
            skip++;
        }
        if (skip == 1 && nodes.size() >= 2 && nodes.get(1).getKind() == ElementKind.PARAMETER) {
            String parameter = requestParameterName(violation.getRootBeanClass(), nodes.get(0).as(Path.MethodNode.class),
                    nodes.get(1).as(Path.ParameterNode.class));
            if (parameter != null) {
                return parameter;
            }
        }
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", skip + 1);
        String field = parts.length > skip ? parts[skip] : path;
        if (skip == 2 && nodes.get(1).getKind() == ElementKind.PARAMETER && nodes.get(2).getIndex() != null
                && requestParameterName(violation.getRootBeanClass(), nodes.get(0).as(Path.MethodNode.class),
                        nodes.get(1).as(Path.ParameterNode.class)) == null) {
            // An item of a list body: named by its position, as in the body ([2].startDate).
            field = "[" + nodes.get(2).getIndex() + "]." + field;
        }
        Path.Node leaf = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
        Method check = leaf == null || leaf.getKind() != ElementKind.PROPERTY ? null
                : check(violation.getLeafBean(), leaf.getName());
        if (check == null) {
            return field;
        }
        String object = field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : "";
        ReportedOn reported = check.getAnnotation(ReportedOn.class);
        if (reported == null) {
            return object;
        }
        return object.isEmpty() ? reported.value() : object + "." + reported.value();
    }

    /**
     * The query, path or header parameter's name as the request carries it ({@code shopId}), not the Java parameter's
     * ({@code shopIds}); null for a body or another kind of parameter. Looked up through the class's superclasses: a
     * CDI subclass overrides the resource method without its parameter annotations.
     */
    private static String requestParameterName(Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Annotation[] annotations = type.getDeclaredMethod(method.getName(),
                        method.getParameterTypes().toArray(Class<?>[]::new)).getParameterAnnotations()[parameter.getParameterIndex()];
                for (Annotation annotation : annotations) {
                    if (annotation instanceof QueryParam query) {
                        return query.value();
                    }
                    if (annotation instanceof PathParam path) {
                        return path.value();
                    }
                    if (annotation instanceof HeaderParam header) {
                        return header.value();
                    }
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return null;
    }

    /** The {@code isX()} method behind property {@code x} when it is a check rather than a field of the bean. */
    private static Method check(Object bean, String property) {
        if (bean == null || property == null || property.isEmpty()) {
            return null;
        }
        try {
            Method method = bean.getClass()
                    .getMethod("is" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
            boolean field = java.util.Arrays.stream(bean.getClass().getDeclaredFields())
                    .anyMatch(declared -> declared.getName().equals(property));
            return field ? null : method;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Where in a JSON document a binding error is, as a client names it: {@code contact.email}, {@code rows[3]}. */
    public static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** What a value that did not bind should have been, in the contract's words, e.g. "must be one of [MOBILE, TV]". */
    public static String expectation(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            return expectation(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return expectation(mismatch.getTargetType());
        }
        return "has a value of the wrong type";
    }

    /** What a value of a Java type looks like in JSON, without naming the Java type. */
    public static String expectation(Class<?> target) {
        if (target.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (target == java.time.LocalDate.class) {
            return "must be a date like 2026-03-31";
        }
        if (target == java.time.Instant.class || target == java.time.OffsetDateTime.class) {
            return "must be a timestamp like 2026-03-31T09:30:00Z";
        }
        if (target == java.time.LocalTime.class) {
            return "must be a time like 09:30";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (List.of(Integer.class, int.class, Long.class, long.class, Short.class, short.class).contains(target)) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "must be a number";
        }
        if (CharSequence.class.isAssignableFrom(target)) {
            return "must be a string";
        }
        if (target.isArray() || java.util.Collection.class.isAssignableFrom(target)) {
            return "must be a list";
        }
        return "must be an object";
    }
}
