package com.partnernet.chassis.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.error.PreconditionException;

class ETagsTest {

    @Test
    void theCurrentVersionItsWeakFormAndAStarMatch() {
        String current = ETags.of(7);
        assertDoesNotThrow(() -> ETags.requireMatch(current, 7, "Shop"));
        assertDoesNotThrow(() -> ETags.requireMatch(" W/" + current + " ", 7, "Shop"));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 7, "Shop"));
    }

    @Test
    void aMissingIfMatchIs428AndAnotherVersion412() {
        assertEquals(428, assertThrows(PreconditionException.class, () -> ETags.requireMatch(" ", 7, "Shop")).status());
        assertEquals(412, assertThrows(PreconditionException.class, () -> ETags.requireMatch(ETags.of(6), 7, "Shop"))
                .status());
    }
}
