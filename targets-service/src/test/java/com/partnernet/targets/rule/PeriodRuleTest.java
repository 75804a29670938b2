package com.partnernet.targets.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.error.ConflictException;

/** A period rule's scope follows what it names; it is withdrawn once, for good; without a database. */
class PeriodRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void aRuleIsScopedByTheMostSpecificThingItNamesAndCoversItsDaysInclusive() {
        PeriodRule network = PeriodRule.of(new RuleRequest(PeriodRule.Type.WAIVE, null, null, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), null, " Crisis "), "director", NOW);
        assertEquals(PeriodRule.Scope.NETWORK, network.scope);
        assertEquals("Crisis", network.reason);
        assertTrue(network.covers(LocalDate.of(2026, 6, 30)));
        assertFalse(network.covers(LocalDate.of(2026, 7, 1)));
        PeriodRule shop = PeriodRule.of(new RuleRequest(PeriodRule.Type.SCALE, UUID.randomUUID(), UUID.randomUUID(), null,
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), BigDecimal.valueOf(50), "H2"), "director", NOW);
        assertEquals(PeriodRule.Scope.SHOP, shop.scope);
    }

    @Test
    void aWithdrawnRuleCannotBeWithdrawnAgain() {
        PeriodRule rule = PeriodRule.of(new RuleRequest(PeriodRule.Type.WAIVE, UUID.randomUUID(), null, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), null, "Remodel"), "director", NOW);
        assertEquals(PeriodRule.Scope.PARTNER, rule.scope);
        rule.withdraw("director", NOW.plusSeconds(60));
        ConflictException again = assertThrows(ConflictException.class, () -> rule.withdraw("director", NOW));
        assertTrue(again.getMessage().contains("was withdrawn at " + NOW.plusSeconds(60)), again.getMessage());
    }
}
