package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One endpoint's authorization rule and the sample request that probes it. */
public final class Endpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String method;
    final String path;
    final Set<String> roles = new TreeSet<>();
    PartnerUser partnerUser = PartnerUser.DENIED;
    final Map<String, String> parameters = new LinkedHashMap<>();
    String query = "";
    String body;
    String contentType = "application/json";
    String otherPartnersBody;
    String ownItem;

    private Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** {@code "METHOD /path"} as the OpenAPI document writes the path. */
    public static Endpoint endpoint(String methodAndPath) {
        String[] parts = methodAndPath.split(" ", 2);
        return new Endpoint(parts[0], parts[1]);
    }

    /** Roles (besides partner-user, see {@link #partnerUser}) the endpoint lets through. */
    public Endpoint allow(String... allowed) {
        roles.addAll(List.of(allowed));
        return this;
    }

    public Endpoint partnerUser(PartnerUser access) {
        this.partnerUser = access;
        return this;
    }

    /**
     * A list a partner user sees filtered: partner A's user must find {@code itemOfPartnerA} in the body, partner
     * B's user must not.
     */
    public Endpoint filtered(Object itemOfPartnerA) {
        this.partnerUser = PartnerUser.FILTERED;
        this.ownItem = String.valueOf(itemOfPartnerA);
        return this;
    }

    /** A path parameter's value, normally a resource of partner A (unnamed parameters get a random UUID). */
    public Endpoint with(String parameter, Object value) {
        parameters.put(parameter, String.valueOf(value));
        return this;
    }

    public Endpoint query(String queryString) {
        this.query = queryString;
        return this;
    }

    /**
     * The body every caller sends. Allowed callers should meet a validation error rather than change anything,
     * so the sample is usually incomplete ({@code {}}): authorization is decided before validation.
     */
    public Endpoint body(String json) {
        this.body = json;
        return this;
    }

    public Endpoint body(String contentType, String text) {
        this.contentType = contentType;
        this.body = text;
        return this;
    }

    /**
     * For an {@link PartnerUser#OWN} write: the complete body partner B's user sends at partner A's resource (it
     * must be refused with 404, not with a validation error).
     */
    public Endpoint otherPartnersBody(Object body) {
        try {
            this.otherPartnersBody = body instanceof String json ? json : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not serializable as JSON: " + body, e);
        }
        return this;
    }

    String key() {
        return method + " " + path;
    }
}
