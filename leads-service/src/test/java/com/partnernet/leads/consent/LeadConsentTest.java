package com.partnernet.leads.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.leads.lead.Lead;
import com.partnernet.leads.vocabulary.ProductLine;
import com.partnernet.leads.vocabulary.Segment;

/** The consent a lead arrives with, as recorded at intake; without a database. */
class LeadConsentTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final Duration TWO_YEARS = Duration.ofDays(730);

    private static Lead lead() {
        return Lead.received(new Lead.Arrival("meta-ads", "ext-1", "tv-social", UUID.randomUUID(), ProductLine.TV,
                Segment.CONSUMER, "50667", null), NOW);
    }

    @Test
    void aConsentWithoutTimesIsGivenNowForTheConfiguredValidity() {
        Lead lead = lead();
        LeadConsent consent = LeadConsent.recorded(lead, "meta-ads", true, null, null, TWO_YEARS, NOW);
        assertEquals(lead.id, consent.leadId);
        assertEquals(ProductLine.TV, consent.productLine);
        assertEquals(LeadConsent.CONTACT_ABOUT_PRODUCT_LINE, consent.purpose);
        assertEquals(LeadConsent.ASSIGNED_PARTNER, consent.recipient);
        assertEquals(NOW, consent.grantedAt);
        assertEquals(NOW.plus(TWO_YEARS), consent.expiresAt);
        assertTrue(consent.isValidAt(NOW.plus(TWO_YEARS).minusSeconds(1)));
        assertFalse(consent.isValidAt(NOW.plus(TWO_YEARS)));
    }

    @Test
    void aConsentGivenEarlierRunsFromThenAndOneRefusedHasNoTimesAndIsNeverValid() {
        Instant earlier = NOW.minus(Duration.ofDays(800));
        LeadConsent expired = LeadConsent.recorded(lead(), "meta-ads", true, earlier, null, TWO_YEARS, NOW);
        assertEquals(earlier.plus(TWO_YEARS), expired.expiresAt);
        assertFalse(expired.isValidAt(NOW));
        LeadConsent refused = LeadConsent.recorded(lead(), "meta-ads", false, earlier, NOW.plusSeconds(60), TWO_YEARS, NOW);
        assertNull(refused.grantedAt);
        assertNull(refused.expiresAt);
        assertFalse(refused.isValidAt(NOW));
    }

    @Test
    void aLeadKeepsHowToReachTheCustomerOnlyOnceTheyConsented() {
        Lead lead = lead();
        assertNull(lead.contactName);
        assertFalse(lead.consentGranted);
        lead.consented(new Lead.Contact("  Erika Muster ", "erika@example.com", "0221 123456", "+49221123456", 50.9,
                6.9, "Call me"), NOW);
        assertTrue(lead.consentGranted);
        assertEquals("Erika Muster", lead.contactName);
        assertEquals("erika@example.com", lead.emailNormalized);
        assertEquals("+49221123456", lead.phoneE164);
        assertEquals(NOW, lead.consentAt);
    }
}
