package com.partnernet.chassis.security;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * A service refuses to start unless it knows which issuer it trusts and the key that issuer's tokens are verified
 * with. No profile but the test and dev ones ships a value, so no default key can reach production: a misconfigured
 * deployment fails at start, not at the first request.
 */
@Singleton
public class TokenVerificationCheck {

    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String KEY = "mp.jwt.verify.publickey";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";

    private final Optional<String> issuer;
    private final Optional<String> key;
    private final Optional<String> keyLocation;

    public TokenVerificationCheck(@ConfigProperty(name = ISSUER) Optional<String> issuer,
            @ConfigProperty(name = KEY) Optional<String> key,
            @ConfigProperty(name = KEY_LOCATION) Optional<String> keyLocation) {
        this.issuer = issuer;
        this.key = key;
        this.keyLocation = keyLocation;
    }

    void onStart(@Observes StartupEvent start) {
        if (issuer.isEmpty() || (key.isEmpty() && keyLocation.isEmpty())) {
            throw new IllegalStateException("Bearer tokens cannot be verified: configure the trusted issuer ("
                    + ISSUER + ", env MP_JWT_VERIFY_ISSUER) and its public key (" + KEY_LOCATION
                    + ", env MP_JWT_VERIFY_PUBLICKEY_LOCATION: a PEM file or a JWKS URL; or " + KEY + ")");
        }
    }
}
