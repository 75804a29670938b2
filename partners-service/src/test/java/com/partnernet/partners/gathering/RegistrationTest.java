package com.partnernet.partners.gathering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.error.ConflictException;

/** A registration's life: confirmed or waiting, promoted in turn, cancelled once; without a database. */
class RegistrationTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final List<Attendee> TWO = List.of(new Attendee("A. Example", "a@example.com", "Owner"),
            new Attendee("B. Example", null, "Sales"));

    @Test
    void aRegistrationThatFitsIsConfirmedAtOnceOneThatDoesNotWaitsWithoutSeats() {
        Registration confirmed = Registration.of(UUID.randomUUID(), UUID.randomUUID(), TWO, true, NOW);
        assertEquals(RegistrationStatus.CONFIRMED, confirmed.status());
        assertEquals(NOW, confirmed.confirmedAt());
        assertEquals(2, confirmed.seats);
        Registration waiting = Registration.of(UUID.randomUUID(), UUID.randomUUID(), TWO, false, NOW);
        assertEquals(RegistrationStatus.WAITLISTED, waiting.status());
        assertNull(waiting.confirmedAt());
    }

    @Test
    void onlyAWaitingRegistrationIsPromoted() {
        Registration waiting = Registration.of(UUID.randomUUID(), UUID.randomUUID(), TWO, false, NOW);
        waiting.promote(NOW.plusSeconds(60));
        assertEquals(RegistrationStatus.CONFIRMED, waiting.status());
        assertEquals(NOW.plusSeconds(60), waiting.confirmedAt());
        assertThrows(ConflictException.class, () -> waiting.promote(NOW));
    }

    @Test
    void aRegistrationIsCancelledOnceAndThenNeitherPromotedNorCancelledAgain() {
        Registration waiting = Registration.of(UUID.randomUUID(), UUID.randomUUID(), TWO, false, NOW);
        waiting.cancel(NOW);
        assertEquals(RegistrationStatus.CANCELLED, waiting.status());
        assertEquals(NOW, waiting.cancelledAt());
        ConflictException again = assertThrows(ConflictException.class, () -> waiting.cancel(NOW));
        assertTrue(again.getMessage().contains("was cancelled at"), again.getMessage());
        assertThrows(ConflictException.class, () -> waiting.promote(NOW));
    }
}
