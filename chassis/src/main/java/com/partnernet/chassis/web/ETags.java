package com.partnernet.chassis.web;

import jakarta.ws.rs.core.EntityTag;

import com.partnernet.chassis.error.PreconditionException;

/** Optimistic locking over HTTP: the entity's version is its ETag; an update must send it back as If-Match. */
public final class ETags {

    private ETags() {
    }

    /** The strong ETag of a version, quoted as HTTP wants it. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The same, for a JAX-RS response's {@code tag(…)}. */
    public static EntityTag entityTag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks an update's If-Match against the current version.
     *
     * @throws PreconditionException 428 when the header is missing, 412 when it names another version
     */
    public static void requireMatch(String ifMatch, long currentVersion, String resource) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionException.required(resource);
        }
        String current = of(currentVersion);
        String trimmed = ifMatch.trim();
        if (!trimmed.equals("*") && !trimmed.equals(current) && !trimmed.equals("W/" + current)) {
            throw PreconditionException.failed(resource, current);
        }
    }
}
