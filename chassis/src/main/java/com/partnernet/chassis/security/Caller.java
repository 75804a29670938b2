package com.partnernet.chassis.security;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.partnernet.chassis.error.ResourceNotFoundException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the resources need it: the name for audit trails, the one partner a partner user is confined
 * to, and whether personal data may be shown. A partner user meeting another partner's resource learns nothing:
 * the answer is the same 404 as for an id that does not exist.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The authenticated principal's name (the token's {@code upn}, {@code preferred_username} or {@code sub}). */
    public String name() {
        return identity.getPrincipal().getName();
    }

    /**
     * The partner this caller is confined to: present for a partner user, empty for operator roles. A partner-user
     * token without a valid partner claim is refused rather than read as unconfined.
     */
    public Optional<UUID> partnerScope() {
        if (!confined()) {
            return Optional.empty();
        }
        return Optional.of(partnerClaim(identity.getPrincipal()).orElseThrow(() -> new ForbiddenException(MISSING_PARTNER)));
    }

    static final String MISSING_PARTNER = "A partner-user token must name its partner's id in the " + Roles.PARTNER_CLAIM
            + " claim";

    /** The partner id a token's {@value Roles#PARTNER_CLAIM} claim names; empty if absent or not a UUID string. */
    static Optional<UUID> partnerClaim(Principal principal) {
        Object claim = principal instanceof JsonWebToken token ? token.getClaim(Roles.PARTNER_CLAIM) : null;
        // A claim of another JSON type (array, number, object) is no partner id either.
        String text = claim instanceof JsonString json ? json.getString() : claim instanceof String string ? string : null;
        try {
            return Optional.ofNullable(text).map(UUID::fromString);
        } catch (IllegalArgumentException notAPartnerId) {
            return Optional.empty();
        }
    }

    /**
     * Lets the request go on only if the resource belongs to a partner this caller may see; otherwise answers exactly
     * as if the resource did not exist.
     */
    public void requireAccess(UUID ownerPartnerId, String resource, Object id) {
        if (!mayAccess(ownerPartnerId)) {
            throw new ResourceNotFoundException(resource, id);
        }
    }

    /** Whether this caller may see a resource of the given partner (for filtering lists). */
    public boolean mayAccess(UUID ownerPartnerId) {
        return partnerScope().map(own -> own.equals(ownerPartnerId)).orElse(true);
    }

    /**
     * The partner a list must be confined to: a partner user's own whatever the client asked (another partner named in
     * a filter answers 404, as that partner's resources do), for everyone else the client's filter, possibly null.
     */
    public UUID confine(UUID requestedPartnerId) {
        Optional<UUID> own = partnerScope();
        if (own.isEmpty()) {
            return requestedPartnerId;
        }
        if (requestedPartnerId != null) {
            requireAccess(requestedPartnerId, "Partner", requestedPartnerId);
        }
        return own.get();
    }

    /**
     * Whether personal data (names, contact details) may be shown: to sales managers, and to a partner user within
     * its own partner's resources; never to ops or marketing systems.
     */
    public boolean seesPersonalData() {
        return identity.hasRole(Roles.SALES_MANAGER) || confined();
    }

    /** A partner user is confined to its partner whatever else it holds, unless it is a sales manager too. */
    private boolean confined() {
        return Roles.confined(identity.getRoles());
    }
}
