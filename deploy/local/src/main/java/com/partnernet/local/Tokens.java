package com.partnernet.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints bearer tokens as the identity provider would: issuer, subject, the roles in {@code groups} and, for a partner
 * user, the {@code partner_id} claim. Used by the local run (a ready token per role) and by the tests.
 */
public final class Tokens {

    /** The issuer the local run's services trust. */
    public static final String LOCAL_ISSUER = "partnernet-local";
    /** The issuer the tests' services trust. */
    public static final String TEST_ISSUER = "partnernet-test";

    public static final String SALES_MANAGER = "sales-manager";
    public static final String PARTNER_USER = "partner-user";
    public static final String MARKETING_SYSTEM = "marketing-system";
    public static final String OPS = "ops";
    public static final String PARTNER_CLAIM = "partner_id";

    private static final Duration TEST_LIFETIME = Duration.ofMinutes(30);

    private final JwtKeys keys;
    private final String issuer;

    public Tokens(JwtKeys keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** A test caller's token with one role, valid for half an hour. */
    public String forRole(String role) {
        return mint("as-" + role, TEST_LIFETIME, Set.of(role));
    }

    /** A test caller's partner-user token for {@code partnerId}, valid for half an hour. */
    public String forPartner(Object partnerId) {
        return partnerUser("staff-of-" + partnerId, TEST_LIFETIME, partnerId.toString());
    }

    /** A token for {@code subject} with {@code roles}, valid from now for {@code lifetime}. */
    public String mint(String subject, Duration lifetime, Set<String> roles) {
        return sign(claims(subject, roles, Instant.now(), lifetime));
    }

    /** A partner user's token for {@code partnerId}. */
    public String partnerUser(String subject, Duration lifetime, String partnerId) {
        return sign(claims(subject, Set.of(PARTNER_USER), Instant.now(), lifetime).claim(PARTNER_CLAIM, partnerId));
    }

    /** A token issued two hours ago that expired an hour ago, well beyond any clock skew a verifier allows. */
    public String expired(String subject, Set<String> roles) {
        return sign(claims(subject, roles, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)));
    }

    /** A well-formed token for {@code roles}, signed by a key nobody trusts. */
    public String signedByStranger(String subject, Set<String> roles) {
        return claims(subject, roles, Instant.now(), Duration.ofHours(1)).jws().sign(JwtKeys.generate().privateKey());
    }

    private JwtClaimsBuilder claims(String subject, Set<String> roles, Instant issuedAt, Duration lifetime) {
        return Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime));
    }

    private String sign(JwtClaimsBuilder claims) {
        return claims.jws().sign(keys.privateKey());
    }
}
