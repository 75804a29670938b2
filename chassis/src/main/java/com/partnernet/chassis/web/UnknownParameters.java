package com.partnernet.chassis.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.partnernet.chassis.error.InvalidRequestException;

/**
 * Refuses query parameters the operation does not take, with a 400 naming each: a misspelt or unsupported filter
 * ({@code /leads?partnerId=…}, {@code ?receivedFrom=…}) must never be ignored, or the answer looks filtered when it
 * is not.
 */
public class UnknownParameters {

    private final Map<Method, Set<String>> accepted = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownQueryParameters(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> known = accepted.computeIfAbsent(method, UnknownParameters::queryParameters);
        List<Problem.Violation> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !known.contains(name)).sorted()
                .map(name -> new Problem.Violation(name, "is not a parameter of this operation; "
                        + (known.isEmpty() ? "it takes none" : "it takes " + String.join(", ", known))))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown);
        }
    }

    /** The query parameters a resource method declares, its {@code @BeanParam}s' included, sorted. */
    static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        QueryParam beanQuery = field.getAnnotation(QueryParam.class);
                        if (beanQuery != null) {
                            names.add(beanQuery.value());
                        }
                    }
                }
            }
        }
        return names;
    }
}
