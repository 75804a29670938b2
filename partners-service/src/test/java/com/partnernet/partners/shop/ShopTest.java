package com.partnernet.partners.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.error.ConflictException;

/** A shop's status moves and their rules, without a database. */
class ShopTest {

    private static final Instant OPENED = Instant.parse("2026-01-05T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void aNewShopIsOpenSinceItWasOpened() {
        Shop shop = Shop.open(UUID.randomUUID(), OPENED);
        assertEquals(ShopStatus.OPEN, shop.status());
        assertEquals(OPENED, shop.statusSince());
        assertNull(shop.statusReason());
    }

    @Test
    void aTemporaryClosureIsDatedByItsOwnDayAndReopeningClearsItsReason() {
        Shop shop = Shop.open(UUID.randomUUID(), OPENED);
        Instant remodelDay = NOW.minusSeconds(86_400 * 3);
        shop.closeTemporarily("Remodel", remodelDay, NOW);
        assertEquals(ShopStatus.TEMPORARILY_CLOSED, shop.status());
        assertEquals(remodelDay, shop.statusSince());
        assertEquals("Remodel", shop.statusReason());
        assertEquals(NOW, shop.updatedAt);
        shop.reopen(NOW, NOW);
        assertEquals(ShopStatus.OPEN, shop.status());
        assertNull(shop.statusReason());
    }

    @Test
    void onlyAnOpenShopClosesTemporarilyAndOnlyAClosedOneReopens() {
        Shop shop = Shop.open(UUID.randomUUID(), OPENED);
        ConflictException reopenOpen = assertThrows(ConflictException.class, () -> shop.reopen(NOW, NOW));
        assertTrue(reopenOpen.getMessage().contains("is OPEN and cannot become OPEN"), reopenOpen.getMessage());
        shop.closeTemporarily("Water damage", NOW, NOW);
        assertThrows(ConflictException.class, () -> shop.closeTemporarily("again", NOW, NOW));
        assertEquals("Water damage", shop.statusReason());
    }

    @Test
    void closedForGoodIsFinalAndItsDetailsStayAsTheyWere() {
        Shop shop = Shop.open(UUID.randomUUID(), OPENED);
        shop.closeTemporarily("Remodel", NOW, NOW);
        shop.close("Lease ended", NOW, NOW);
        assertEquals(ShopStatus.CLOSED, shop.status());
        assertThrows(ConflictException.class, () -> shop.close("again", NOW, NOW));
        assertThrows(ConflictException.class, () -> shop.reopen(NOW, NOW));
        assertThrows(ConflictException.class, () -> shop.closeTemporarily("x", NOW, NOW));
        ConflictException changed = assertThrows(ConflictException.class, shop::requireChangeable);
        assertTrue(changed.getMessage().contains("closed for good"), changed.getMessage());
        assertEquals("Lease ended", shop.statusReason());
    }
}
