package com.partnernet.chassis.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.partnernet.chassis.error.PreconditionException;

/**
 * Holds every request to what its operation's document promises before the operation reads anything, so a refused
 * request writes nothing:
 * <ul>
 * <li>a body only in a media type the operation lists — its {@code @Consumes}, or JSON where it declares none, as the
 * OpenAPI document then says — else 415. Quarkus REST by itself lets a method without {@code @Consumes} read a
 * {@code text/plain} body as JSON, and passes a body sent without any Content-Type;</li>
 * <li>an {@code If-Match} header wherever the operation takes one (the document marks it required), else 428: a change
 * to a versioned resource must say which version it was decided on, or two people's moves overwrite each other.</li>
 * </ul>
 */
public class RequestContract {

    /** What one operation requires of a request: the media types its body may have (none: it reads no body). */
    record Expected(List<MediaType> bodyTypes, boolean ifMatch) {
    }

    private final Map<Method, Expected> expected = new ConcurrentHashMap<>();

    /** After the token's roles are checked ({@code TokenRolesFilter}): a caller who may not do this learns only that. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void refuseRequestsOffTheContract(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Expected operation = expected.computeIfAbsent(method, key -> of(key, resource.getResourceClass()));
        if (!operation.bodyTypes().isEmpty() && !readable(request, operation.bodyTypes())) {
            throw new NotSupportedException();
        }
        if (operation.ifMatch()) {
            String ifMatch = request.getHeaderString(HttpHeaders.IF_MATCH);
            if (ifMatch == null || ifMatch.isBlank()) {
                throw PreconditionException.required();
            }
        }
    }

    /**
     * A body in one of the types, or no body at all (the operation's own validation then says what is missing). A
     * Content-Type with a wildcard names no type.
     */
    static boolean readable(ContainerRequestContext request, List<MediaType> types) {
        MediaType sent = request.getMediaType();
        if (sent == null) {
            return !hasBody(request);
        }
        return !sent.isWildcardType() && !sent.isWildcardSubtype()
                && types.stream().anyMatch(type -> type.isCompatible(sent));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || length != null && !length.strip().equals("0");
    }

    static Expected of(Method method, Class<?> resource) {
        boolean body = Arrays.stream(method.getParameters()).anyMatch(RequestContract::isBody);
        boolean ifMatch = Arrays.stream(method.getParameters()).map(parameter -> parameter.getAnnotation(HeaderParam.class))
                .anyMatch(header -> header != null && header.value().equalsIgnoreCase(HttpHeaders.IF_MATCH));
        return new Expected(body ? consumed(method, resource) : List.of(), ifMatch);
    }

    private static List<MediaType> consumed(Method method, Class<?> resource) {
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        if (consumes == null) {
            return List.of(MediaType.APPLICATION_JSON_TYPE);
        }
        return Arrays.stream(consumes.value()).flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> MediaType.valueOf(value.strip())).toList();
    }

    /**
     * The entity parameter: the one that is neither a request parameter ({@code jakarta.ws.rs} or Quarkus REST
     * annotations, {@code @Context}) nor a type the framework injects by itself.
     */
    private static boolean isBody(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (fromFramework(annotation.annotationType())) {
                return false;
            }
        }
        return !fromFramework(parameter.getType());
    }

    private static boolean fromFramework(Class<?> type) {
        String name = type.getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.")
                || name.startsWith("io.vertx.");
    }
}
