package com.partnernet.leads.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.error.ConflictException;
import com.partnernet.leads.vocabulary.DeclineReason;
import com.partnernet.leads.vocabulary.LeadStatus;
import com.partnernet.leads.vocabulary.LostReason;
import com.partnernet.leads.vocabulary.ProductLine;

/** A lead's life: its transitions and their rules, without a database. */
class LeadTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void anAssignedLeadIsDueForFirstContactAndOverdueFromItsDueTime() {
        Lead lead = assigned();
        assertEquals(LeadStatus.NEW, lead.status());
        assertFalse(lead.isFirstContactOverdueAt(NOW.plus(Duration.ofHours(24)).minusMillis(1)));
        assertTrue(lead.isFirstContactOverdueAt(NOW.plus(Duration.ofHours(24))));
        assertThrows(IllegalArgumentException.class,
                () -> lead.assign(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "both", NOW, NOW, NOW));
    }

    @Test
    void theShopMovesALeadForwardOnlyAndTheFirstMoveStopsTheClock() {
        Lead lead = assigned();
        Instant later = NOW.plusSeconds(3600);
        assertEquals(LeadStatus.NEW, lead.moveTo(LeadStatus.CONTACTED, null, later));
        assertEquals(later, lead.firstContactAt);
        assertNull(lead.slaDueAt);
        assertFalse(lead.isFirstContactOverdueAt(later.plus(Duration.ofDays(2))));
        ConflictException backwards = assertThrows(ConflictException.class, () -> lead.moveTo(LeadStatus.NEW, null, later));
        assertTrue(backwards.getMessage().contains("is CONTACTED and cannot become NEW"), backwards.getMessage());
        lead.moveTo(LeadStatus.LOST, LostReason.NO_INTEREST, later.plusSeconds(60));
        assertEquals(later.plusSeconds(60), lead.closedAt);
        assertThrows(ConflictException.class, () -> lead.moveTo(LeadStatus.WON, null, later));
    }

    @Test
    void parkingALeadTakesItFromItsShopAndStopsTheClock() {
        Lead lead = assigned();
        lead.park("no eligible shop", NOW);
        assertEquals(LeadStatus.UNROUTED, lead.status());
        assertNull(lead.shopId);
        assertNull(lead.partnerId);
        assertNull(lead.slaDueAt);
        assertEquals(lead.id.toString(), lead.eventKey());
    }

    @Test
    void erasingAnOpenLeadClosesItAsLostAndKeepsItsFigures() {
        Lead lead = assigned();
        lead.contactName = "Erika Muster";
        lead.contactEmail = "erika@example.org";
        lead.emailNormalized = "erika@example.org";
        lead.message = "Call me";
        lead.latitude = 52.5;
        assertEquals(Optional.of(LeadStatus.NEW), lead.erase(NOW));
        assertEquals(LeadStatus.LOST, lead.status());
        assertEquals(LostReason.PERSONAL_DATA_ERASED, lead.lostReason);
        assertEquals(Lead.ERASED, lead.contactName);
        assertEquals(Lead.ERASED, lead.message);
        assertNull(lead.contactEmail);
        assertNull(lead.emailNormalized);
        assertNull(lead.latitude);
        assertTrue(lead.isErased());
        assertEquals(ProductLine.TV, lead.productLine);
    }

    @Test
    void erasingAClosedLeadLeavesItsOutcome() {
        Lead lead = assigned();
        lead.moveTo(LeadStatus.WON, null, NOW);
        assertEquals(Optional.empty(), lead.erase(NOW));
        assertEquals(LeadStatus.WON, lead.status());
    }

    @Test
    void aDuplicateIsLinkedToTheEarlierLeadAndSaysWhy() {
        Lead earlier = assigned();
        Lead lead = received();
        lead.linkAsDuplicateOf(earlier);
        assertEquals(LeadStatus.DUPLICATE, lead.status());
        assertEquals(earlier.id, lead.duplicateOf);
        assertTrue(lead.routingReason.contains(earlier.id.toString()), lead.routingReason);
    }

    @Test
    void anAcceptedLeadStillAwaitsItsFirstContactAndCanNoLongerBeDeclined() {
        Lead lead = assigned();
        assertEquals(LeadStatus.NEW, lead.moveTo(LeadStatus.ACCEPTED, null, NOW.plusSeconds(60)));
        assertEquals(NOW.plusSeconds(60), lead.acceptedAt);
        assertNull(lead.firstContactAt);
        assertTrue(lead.isFirstContactOverdueAt(NOW.plus(Duration.ofHours(24))), "accepting is no contact");
        assertThrows(ConflictException.class, () -> lead.decline(DeclineReason.NO_CAPACITY, NOW));
        assertThrows(ConflictException.class, () -> lead.moveTo(LeadStatus.NEW, null, NOW));
        lead.moveTo(LeadStatus.CONTACTED, null, NOW.plusSeconds(120));
        assertEquals(NOW.plusSeconds(120), lead.firstContactAt);
        assertNull(lead.slaDueAt);
        assertNull(lead.slaReminderAt);
    }

    @Test
    void aDeclinedLeadWaitsForRoutingButOneDeclinedAsSpamIsClosed() {
        Lead declined = assigned();
        declined.decline(DeclineReason.NOT_OUR_AREA, NOW);
        assertEquals(LeadStatus.NEW, declined.status(), "routed on by the caller");
        Lead spam = assigned();
        spam.decline(DeclineReason.SPAM_OR_FAKE, NOW);
        assertEquals(LeadStatus.REJECTED_AS_SPAM, spam.status());
        assertEquals(NOW, spam.closedAt);
        assertNull(spam.slaDueAt);
        assertFalse(spam.status().isOpen());
        assertThrows(ConflictException.class, () -> spam.decline(DeclineReason.SPAM_OR_FAKE, NOW));
    }

    private static Lead assigned() {
        Lead lead = received();
        lead.assign(UUID.randomUUID(), null, UUID.randomUUID(), "catchment", NOW, NOW.plus(Duration.ofHours(24)),
                NOW.plus(Duration.ofHours(22)));
        return lead;
    }

    private static Lead received() {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.productLine = ProductLine.TV;
        lead.receivedAt = NOW;
        return lead;
    }
}
