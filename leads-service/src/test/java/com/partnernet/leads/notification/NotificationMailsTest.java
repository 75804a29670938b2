package com.partnernet.leads.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What a shop reads in its lead mails, and how a failing mail is retried. */
class NotificationMailsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final UUID SHOP = UUID.fromString("6f1c2a2e-0000-4000-8000-000000000001");

    @Test
    void aNewLeadsMailSaysWhatWhyAndByWhenInGermanBerlinTime() {
        NotificationMails.Text mail = NotificationMails.compose(about(NotificationCause.ASSIGNED), BERLIN,
                "https://leads.example/inbox/");
        // 15:55 UTC on 2 November 2027 is 16:55 in Berlin (winter time).
        assertEquals("Neuer Lead: TV (Privatkunde) in 50667 – Erstkontakt bis Di., 02.11.2027, 16:55 Uhr", mail.subject());
        assertTrue(mail.body().contains("Ihr Shop Köln Hohe Straße hat einen neuen Lead erhalten."), mail.body());
        assertTrue(mail.body().contains("Warum zu Ihnen:      catchment covers postal code 50667"), mail.body());
        assertTrue(mail.body().contains("https://leads.example/inbox/?shop=" + SHOP), mail.body());
        NotificationMails.About mobile = new NotificationMails.About(NotificationCause.REASSIGNED, "Ihr Team Berlin",
                "MOBILE", "BUSINESS", "10115", "b2b", "field team covers 10115", Instant.parse("2027-10-30T18:55:00Z"),
                Instant.parse("2027-11-02T15:55:00Z"), null);
        assertTrue(NotificationMails.compose(mobile, BERLIN, "https://x/").subject()
                .startsWith("Lead übernommen: Mobilfunk (Geschäftskunde) in 10115"));
    }

    @Test
    void aReminderAndABreachSayWhatIsDueAndWhatHappened() {
        assertEquals("Erinnerung: Erstkontakt bis Di., 02.11.2027, 16:55 Uhr – TV (Privatkunde) in 50667",
                NotificationMails.compose(about(NotificationCause.DUE_SOON), BERLIN, "https://x/").subject());
        NotificationMails.Text breach = NotificationMails.compose(about(NotificationCause.BREACHED), BERLIN, "https://x/");
        assertEquals("Lead weitergegeben: Erstkontakt versäumt – TV (Privatkunde) in 50667", breach.subject());
        // Assigned at 18:55 UTC on Saturday 30 October 2027: 20:55 in Berlin, still summer time.
        assertTrue(breach.body().contains("am Sa., 30.10.2027, 20:55 Uhr zugewiesen"), breach.body());
    }

    @Test
    void aFailingMailIsRetriedWithAGrowingDelayThenGivenUp() {
        Instant now = Instant.parse("2027-11-01T10:00:00Z");
        LeadNotification mail = LeadNotification.of(UUID.randomUUID(), NotificationCause.ASSIGNED, now, SHOP, null,
                "shop@partner.example", now);
        Duration first = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(2);
        assertFalse(mail.failed("refused", now, first, max, 4));
        assertEquals(now.plusSeconds(30), mail.nextAttemptAt);
        assertFalse(mail.failed("refused", now, first, max, 4));
        assertEquals(now.plusSeconds(60), mail.nextAttemptAt);
        assertFalse(mail.failed("x".repeat(600), now, first, max, 4));
        assertEquals(now.plusSeconds(120), mail.nextAttemptAt, "capped");
        assertEquals(500, mail.lastError.length());
        assertTrue(mail.failed("refused", now, first, max, 4));
        assertEquals(now, mail.givenUpAt);
    }

    private static NotificationMails.About about(NotificationCause cause) {
        return new NotificationMails.About(cause, "Ihr Shop Köln Hohe Straße", "TV", "CONSUMER", "50667", "tv-herbst",
                "catchment covers postal code 50667", Instant.parse("2027-10-30T18:55:00Z"),
                Instant.parse("2027-11-02T15:55:00Z"), SHOP);
    }
}
