package com.partnernet.chassis.web;

import java.net.URI;

import jakarta.ws.rs.core.EntityTag;

import org.jboss.resteasy.reactive.RestResponse;

import com.partnernet.chassis.error.PreconditionException;

/** Optimistic locking over HTTP: the entity's version is its ETag; an update must send it back as If-Match. */
public final class ETags {

    /**
     * The OpenAPI extension an operation answered through {@link #ok} or {@link #created} carries
     * ({@code @Extension(name = ETags.DOCUMENTED, value = "true")}), so its document lists the ETag header.
     */
    public static final String DOCUMENTED = "x-etag";

    private ETags() {
    }

    /** The strong ETag of a version, quoted as HTTP wants it. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the resource and its version as ETag. */
    public static <T> RestResponse<T> ok(T entity, long version) {
        return RestResponse.ResponseBuilder.ok(entity).tag(entityTag(version)).build();
    }

    /** 201 with the new resource, where it lives, and its version as ETag. */
    public static <T> RestResponse<T> created(String location, T entity, long version) {
        return RestResponse.ResponseBuilder.<T> created(URI.create(location)).tag(entityTag(version)).entity(entity)
                .build();
    }

    private static EntityTag entityTag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks an update's If-Match against the current version.
     *
     * @throws PreconditionException 428 when the header is missing, 412 when it names another version
     */
    public static void requireMatch(String ifMatch, long currentVersion, String resource) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionException.required();
        }
        String current = of(currentVersion);
        String trimmed = ifMatch.trim();
        if (!trimmed.equals("*") && !trimmed.equals(current) && !trimmed.equals("W/" + current)) {
            throw PreconditionException.failed(resource, current);
        }
    }
}
