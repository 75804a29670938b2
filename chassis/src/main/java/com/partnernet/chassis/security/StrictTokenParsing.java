package com.partnernet.chassis.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies tokens as SmallRye JWT does, and refuses (401) a validly signed token it cannot use instead of failing on
 * it: claims of an unexpected JSON type (the standard parser throws on {@code groups} as a number), or a caller name
 * longer than any identity provider issues (OpenID Connect bounds {@code sub} to 255 characters). The name goes into
 * audit columns, which hold exactly that much.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class StrictTokenParsing extends JWTCallerPrincipalFactory {

    /** The longest caller name accepted, and the width of every audit column that stores one. */
    public static final int MAX_NAME_LENGTH = 255;

    private final JWTCallerPrincipalFactory standard = new DefaultJWTCallerPrincipalFactory();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal principal;
        try {
            principal = standard.parse(token, context);
        } catch (RuntimeException malformed) {
            throw new ParseException("The token's claims have unexpected types", malformed);
        }
        if (principal.getName() != null && principal.getName().length() > MAX_NAME_LENGTH) {
            throw new ParseException("The token's subject is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return principal;
    }
}
