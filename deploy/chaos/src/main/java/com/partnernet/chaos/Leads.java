package com.partnernet.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.token.Tokens;

/** Campaign leads as a marketing system publishes them. */
final class Leads {

    private Leads() {
    }

    /** A rolled-out campaign every shop may serve; returns its code. */
    static String campaign(SystemUnderTest system) throws Exception {
        String code = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        system.call(Service.LEADS, Tokens.MARKETING_SYSTEM, "POST", "/campaigns", Map.of("code", code,
                "name", "Chaos " + code, "channel", "FACEBOOK", "productFocus", List.of("TV"), "segment", "CONSUMER",
                "startsOn", "2021-01-01", "status", "ROLLED_OUT"));
        return code;
    }

    /** A valid lead of one person (each lead a different person, so none is a duplicate). */
    static Map<String, Object> lead(String campaign, String externalId, String postalCode) {
        return Map.of("source", "chaos", "externalId", externalId, "campaign", campaign, "productLine", "TV",
                "postalCode", postalCode,
                "contact", Map.of("name", "Kim Kunde", "email", externalId + "@chaos.example"),
                "consent", Map.of("granted", true, "grantedAt", Instant.now().toString()));
    }
}
