package com.partnernet.partners.fieldsales;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.error.ConflictException;

/** A field team is active until it is disbanded, once and for good; without a database. */
class FieldTeamTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void aDisbandedTeamIsNeitherChangedNorJoinedNorDisbandedAgain() {
        FieldTeam team = FieldTeam.form(UUID.randomUUID(), NOW);
        assertEquals(FieldTeamStatus.ACTIVE, team.status());
        assertDoesNotThrow(() -> team.requireActive("joined"));
        team.disband(NOW.plusSeconds(60));
        assertEquals(FieldTeamStatus.DISBANDED, team.status());
        assertEquals(NOW.plusSeconds(60), team.updatedAt);
        ConflictException joined = assertThrows(ConflictException.class, () -> team.requireActive("joined"));
        assertTrue(joined.getMessage().contains("is DISBANDED and cannot be joined"), joined.getMessage());
        assertThrows(ConflictException.class, () -> team.disband(NOW));
    }
}
