package com.partnernet.partners.remodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.error.ConflictException;

/** A remodel's life: PLANNED → IN_PROGRESS → COMPLETED, or CANCELLED while open; without a database. */
class RemodelTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    private static Remodel planned() {
        Remodel remodel = Remodel.plan(UUID.randomUUID(), UUID.randomUUID(), true, NOW);
        remodel.schedule(START, START.plusDays(14), null, NOW);
        return remodel;
    }

    @Test
    void aPlannedRemodelMayBeRescheduledUntilItStarts() {
        Remodel remodel = planned();
        remodel.schedule(START.plusDays(7), START.plusDays(21), false, NOW);
        assertEquals(START.plusDays(7), remodel.plannedStart);
        assertFalse(remodel.closesShop);
        remodel.start(START.plusDays(7), NOW);
        ConflictException late = assertThrows(ConflictException.class,
                () -> remodel.schedule(START, START.plusDays(1), null, NOW));
        assertTrue(late.getMessage().contains("only a PLANNED remodel can be rescheduled"), late.getMessage());
    }

    @Test
    void itRunsFromItsStartAndCannotEndBeforeIt() {
        Remodel remodel = planned();
        assertThrows(ConflictException.class, () -> remodel.complete(START, NOW));
        remodel.start(START, NOW);
        assertEquals(RemodelStatus.IN_PROGRESS, remodel.status());
        assertThrows(ConflictException.class, () -> remodel.start(START, NOW));
        ConflictException early = assertThrows(ConflictException.class, () -> remodel.complete(START.minusDays(1), NOW));
        assertTrue(early.getMessage().contains("cannot end before"), early.getMessage());
        remodel.complete(START.plusDays(10), NOW);
        assertEquals(RemodelStatus.COMPLETED, remodel.status());
        assertEquals(START.plusDays(10), remodel.actualEnd());
    }

    @Test
    void cancellingSaysWhetherItWasRunningAndAFinishedRemodelStaysFinished() {
        Remodel waiting = planned();
        assertFalse(waiting.cancel("budget", NOW));
        assertEquals(RemodelStatus.CANCELLED, waiting.status());
        assertEquals("budget", waiting.cancelReason());
        Remodel running = planned();
        running.start(START, NOW);
        assertTrue(running.cancel("landlord", NOW));
        assertThrows(ConflictException.class, () -> running.cancel("again", NOW));
        assertThrows(ConflictException.class, () -> running.start(START, NOW));
    }

    @Test
    void overdueWhenItsPlannedStartOrEndHasPassed() {
        Remodel remodel = planned();
        assertFalse(remodel.isOverdue(START));
        assertTrue(remodel.isOverdue(START.plusDays(1)));
        remodel.start(START.plusDays(1), NOW);
        assertFalse(remodel.isOverdue(START.plusDays(14)));
        assertTrue(remodel.isOverdue(START.plusDays(15)));
    }
}
