package com.partnernet.leads.ingestion;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chassis.security.Roles;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The sources a caller may submit leads under over REST: a marketing system only those its token's
 * {@value #CLAIM} claim names (so no system can submit as, or probe the leads of, another), a sales manager any.
 * On Kafka the topic's ACL decides who may publish.
 */
@RequestScoped
public class LeadSources {

    /** The claim listing a marketing system's sources: a JSON array of strings. */
    public static final String CLAIM = "lead_sources";

    private final SecurityIdentity identity;

    public LeadSources(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Refuses the request (403) unless the caller may submit under every one of these sources. */
    public void requireAll(Collection<String> sources) {
        if (identity.hasRole(Roles.SALES_MANAGER)) {
            return;
        }
        Set<String> granted = granted();
        Set<String> refused = sources.stream().filter(source -> !granted.contains(source))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!refused.isEmpty()) {
            throw new ForbiddenException("This token may not submit leads under the source" + (refused.size() > 1 ? "s " : " ")
                    + String.join(", ", refused) + "; its " + CLAIM + " claim names "
                    + (granted.isEmpty() ? "none" : String.join(", ", new TreeSet<>(granted))));
        }
    }

    private Set<String> granted() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(CLAIM) : null;
        if (claim instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(value -> ((JsonString) value).getString())
                    .collect(Collectors.toSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).collect(Collectors.toSet());
        }
        return claim instanceof String single ? Set.of(single) : Set.of();
    }

    /** Refuses the request (403) unless the caller may submit under the source of every item that names one. */
    public void requireAllOf(List<JsonNode> items) {
        // Items without a textual source are rejected by their validation.
        requireAll(items.stream().filter(item -> item != null && item.path("source").isTextual())
                .map(item -> item.path("source").asText()).distinct().toList());
    }
}
