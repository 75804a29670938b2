package com.partnernet.chassis.security;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.ForbiddenException;

/**
 * Refuses, on every endpoint and with a 403 that says why, a token whose roles cannot be used as they stand: roles that
 * may not be combined ({@link Roles#unsupportedCombination}), or a partner user's token that names no partner. A role
 * beside another must never lift what the other confines, and a confined caller must know its partner everywhere.
 */
public class TokenRolesFilter {

    @ServerRequestFilter
    public void refuseUnusableRoles(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        List<String> held = Roles.ALL.stream().filter(security::isUserInRole).toList();
        Roles.unsupportedCombination(held).ifPresent(why -> {
            throw new ForbiddenException(why);
        });
        if (Roles.confined(held) && Caller.partnerClaim(security.getUserPrincipal()).isEmpty()) {
            throw new ForbiddenException(Caller.MISSING_PARTNER);
        }
    }
}
