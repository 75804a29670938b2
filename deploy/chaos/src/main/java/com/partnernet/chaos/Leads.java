package com.partnernet.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnernet.local.Service;
import com.partnernet.local.Tokens;

/** Campaign leads as a marketing system publishes them, and counts read from leads-service's database. */
final class Leads {

    private Leads() {
    }

    /** A rolled-out campaign every shop may serve; returns its code. */
    static String campaign(ChaosSystem system) throws Exception {
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

    static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static long stored(Connection db, String campaign) throws SQLException {
        return count(db, "select count(*) from lead where campaign = ?", campaign);
    }

    static long unsentOutboxRows(Connection db) throws SQLException {
        return count(db, "select count(*) from outbox_event where sent_at is null");
    }
}
