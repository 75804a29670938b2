package com.partnernet.chassis.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

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
 * <p>
 * A client sends the same token with every request until it expires, and checking its RS256 signature was the largest
 * CPU cost of a read (JFR: 30 % of leads-service's samples under pipeline reads). So a token that passed is remembered
 * by its exact text, with the verification's settings, for at most {@link #REUSE} and never past its expiry; the
 * signature is checked again after that, so a withdrawn signing key stops its tokens within a minute. Refused tokens
 * are not remembered.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class StrictTokenParsing extends JWTCallerPrincipalFactory {

    /** The longest caller name accepted, and the width of every audit column that stores one. */
    public static final int MAX_NAME_LENGTH = 255;
    /** How long a verified token is used without checking its signature again. */
    static final Duration REUSE = Duration.ofMinutes(1);
    /** Tokens remembered at most: far more than the callers of one instance within {@link #REUSE}, a few MB at most. */
    static final int REMEMBERED = 1_000;

    /** A token that passed with these settings. */
    private record Verified(JWTAuthContextInfo settings, JWTCallerPrincipal principal) {
    }

    private final JWTCallerPrincipalFactory standard;
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .expireAfter(Expiry.creating((String token, Verified passed) -> untilExpiryOrReuseEnds(passed.principal())))
            .build();

    public StrictTokenParsing() {
        this(new DefaultJWTCallerPrincipalFactory());
    }

    StrictTokenParsing(JWTCallerPrincipalFactory standard) {
        this.standard = standard;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        Verified known = verified.getIfPresent(token);
        if (known != null && known.settings() == context) {
            return known.principal();
        }
        JWTCallerPrincipal principal;
        try {
            principal = standard.parse(token, context);
        } catch (RuntimeException malformed) {
            throw new ParseException("The token's claims have unexpected types", malformed);
        }
        if (principal.getName() != null && principal.getName().length() > MAX_NAME_LENGTH) {
            throw new ParseException("The token's subject is longer than " + MAX_NAME_LENGTH + " characters");
        }
        verified.put(token, new Verified(context, principal));
        return principal;
    }

    private static Duration untilExpiryOrReuseEnds(JWTCallerPrincipal principal) {
        long untilExpiryMillis = TimeUnit.SECONDS.toMillis(principal.getExpirationTime()) - System.currentTimeMillis();
        return Duration.ofMillis(Math.max(0, Math.min(untilExpiryMillis, REUSE.toMillis())));
    }
}
