package com.partnernet.targets.annualtarget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A target's units change only through {@link Target#set}, each change kept for its history; without a database. */
class TargetTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void theFirstSetHasNoUnitsBeforeAndEachLaterChangeSaysFromWhatToWhat() {
        Target target = Target.of(UUID.randomUUID(), null, 2026, ProductLine.TV);
        TargetChange first = target.set(1200, "sales-director", "Plan 2026", NOW).orElseThrow();
        assertNull(first.unitsBefore);
        assertEquals(1200, first.unitsAfter);
        assertEquals(NOW, first.changedAt);
        assertEquals(target.id, first.targetId);
        TargetChange cut = target.set(600, "sales-director", "Crisis", NOW.plusSeconds(60)).orElseThrow();
        assertEquals(1200, cut.unitsBefore);
        assertEquals(600, target.units());
        assertEquals(NOW.plusSeconds(60), target.updatedAt());
    }

    @Test
    void settingTheUnitsItHasChangesNothingAndKeepsNoHistory() {
        Target target = Target.of(UUID.randomUUID(), UUID.randomUUID(), 2026, ProductLine.MOBILE);
        target.set(0, "planner", "none yet", NOW);
        assertTrue(target.set(0, "planner", "again", NOW.plusSeconds(60)).isEmpty());
        assertEquals(NOW, target.updatedAt());
    }
}
