package com.partnernet.chassis.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

class StrictTokenParsingTest {

    private static final String ISSUER = "partnernet-test";

    private final KeyPair keys = rsaKeys();
    private final JWTAuthContextInfo settings = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
    private final CountingFactory standard = new CountingFactory();
    private final StrictTokenParsing parsing = new StrictTokenParsing(standard);

    @Test
    void aTokenThatPassedIsUsedAgainWithoutCheckingItsSignatureAgain() throws Exception {
        String token = sign(keys, "shop-staff", Instant.now().plusSeconds(300));
        JWTCallerPrincipal first = parsing.parse(token, settings);
        assertSame(first, parsing.parse(token, settings));
        assertEquals("shop-staff", first.getName());
        assertEquals(1, standard.verifications.get());

        parsing.parse(sign(keys, "other-staff", Instant.now().plusSeconds(300)), settings);
        assertEquals(2, standard.verifications.get(), "another token is verified on its own");
        parsing.parse(token, new JWTAuthContextInfo(keys.getPublic(), ISSUER));
        assertEquals(3, standard.verifications.get(), "under other settings the token is verified again");
    }

    @Test
    void aTokenIsCheckedAgainOnceItExpiresAndNoRefusalIsRemembered() throws Exception {
        String soonExpired = sign(keys, "shop-staff", Instant.now().plusSeconds(1));
        parsing.parse(soonExpired, settings);
        Thread.sleep(1_100);
        // Past its expiry, it is verified again (and refused once it is past the clock skew, as SmallRye decides).
        parsing.parse(soonExpired, settings);
        assertEquals(2, standard.verifications.get());

        String forged = sign(rsaKeys(), "intruder", Instant.now().plusSeconds(300));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThrows(ParseException.class, () -> parsing.parse(forged, settings));
        }
        assertEquals(4, standard.verifications.get(), "a refused token is checked each time it comes");
        String tooLongName = sign(keys, "x".repeat(StrictTokenParsing.MAX_NAME_LENGTH + 1), Instant.now().plusSeconds(300));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThrows(ParseException.class, () -> parsing.parse(tooLongName, settings));
        }
        assertEquals(6, standard.verifications.get());
    }

    /** SmallRye's verification, counted. */
    private static final class CountingFactory extends JWTCallerPrincipalFactory {

        final AtomicInteger verifications = new AtomicInteger();
        private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
            verifications.incrementAndGet();
            return verifier.parse(token, context);
        }
    }

    private static String sign(KeyPair keys, String subject, Instant expiry) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(Roles.SALES_MANAGER));
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
