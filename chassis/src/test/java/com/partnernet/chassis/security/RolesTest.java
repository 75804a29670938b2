package com.partnernet.chassis.security;

import static com.partnernet.chassis.security.Roles.MARKETING_SYSTEM;
import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void aPartnerUserIsConfinedWhateverElseItHoldsUnlessItIsASalesManager() {
        assertTrue(Roles.confined(Set.of(PARTNER_USER)));
        assertTrue(Roles.confined(Set.of(PARTNER_USER, OPS)));
        assertTrue(Roles.confined(Set.of(PARTNER_USER, MARKETING_SYSTEM, OPS)));
        assertFalse(Roles.confined(Set.of(PARTNER_USER, SALES_MANAGER)));
        assertFalse(Roles.confined(Set.of(OPS)));
    }

    @Test
    void onlyAPartnerUserBesideARoleThatReachesAcrossPartnersIsRefused() {
        List<Set<String>> refused = new ArrayList<>();
        for (Set<String> roles : everyCombination()) {
            Roles.unsupportedCombination(roles).ifPresent(why -> refused.add(roles));
        }
        assertEquals(Set.of(Set.of(PARTNER_USER, OPS), Set.of(PARTNER_USER, MARKETING_SYSTEM),
                Set.of(PARTNER_USER, OPS, MARKETING_SYSTEM)), Set.copyOf(refused));
        assertEquals("A token holding partner-user is confined to its partner and cannot also hold ops or "
                + "marketing-system; ask for separate tokens",
                Roles.unsupportedCombination(List.of(PARTNER_USER, MARKETING_SYSTEM, OPS)).orElseThrow());
    }

    /** Every non-empty set of roles. */
    private static List<Set<String>> everyCombination() {
        List<Set<String>> combinations = new ArrayList<>();
        for (int mask = 1; mask < 1 << Roles.ALL.size(); mask++) {
            Set<String> roles = new java.util.HashSet<>();
            for (int i = 0; i < Roles.ALL.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    roles.add(Roles.ALL.get(i));
                }
            }
            combinations.add(roles);
        }
        return combinations;
    }
}
