package com.partnernet.testkit.token;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    /** Every role: checks that must cover each one (and each pair) take them from here. */
    public static final List<String> ALL_ROLES = List.of(SALES_MANAGER, PARTNER_USER, MARKETING_SYSTEM, OPS);
    /** The claim naming the lead sources a marketing system may submit under. */
    public static final String SOURCES_CLAIM = "lead_sources";
    /** The sources of the marketing-system tokens minted here (the local run's and the tests'). */
    public static final List<String> MARKETING_SOURCES = List.of("meta-ads", "instagram");

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

    /** A test caller's token holding all of {@code roles}, valid for half an hour. */
    public String forRoles(Set<String> roles) {
        return mint("as-" + String.join("+", new TreeSet<>(roles)), TEST_LIFETIME, roles);
    }

    /** A test caller's partner-user token for {@code partnerId}, valid for half an hour. */
    public String forPartner(Object partnerId) {
        return partnerUser("staff-of-" + partnerId, TEST_LIFETIME, partnerId.toString());
    }

    /**
     * A token for {@code subject} with {@code roles}, valid from now for {@code lifetime}; a marketing system's names
     * {@link #MARKETING_SOURCES}.
     */
    public String mint(String subject, Duration lifetime, Set<String> roles) {
        return sign(claims(subject, roles, Instant.now(), lifetime));
    }

    /**
     * A validly signed token with {@code claims} over the usual ones, of any JSON type: for tests of what odd tokens
     * get. Signed without the builder, which refuses claims of unexpected types (as {@code groups} a number).
     */
    public String mint(String subject, Set<String> roles, Map<String, Object> claims) {
        Instant now = Instant.now();
        Map<String, Object> all = new LinkedHashMap<>(Map.of("iss", issuer, "sub", subject, "upn", subject,
                "groups", roles, "jti", UUID.randomUUID().toString(), "iat", now.getEpochSecond(),
                "exp", now.plus(TEST_LIFETIME).getEpochSecond()));
        all.putAll(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(keys.privateKey());
        try {
            jws.setPayload(new ObjectMapper().writeValueAsString(all));
            return jws.getCompactSerialization();
        } catch (JsonProcessingException | JoseException e) {
            throw new IllegalArgumentException("Cannot sign claims " + claims.keySet(), e);
        }
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
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime));
        return roles.contains(MARKETING_SYSTEM) ? claims.claim(SOURCES_CLAIM, MARKETING_SOURCES) : claims;
    }

    private String sign(JwtClaimsBuilder claims) {
        return claims.jws().sign(keys.privateKey());
    }
}
