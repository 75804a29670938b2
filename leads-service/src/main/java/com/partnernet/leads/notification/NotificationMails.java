package com.partnernet.leads.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The text of a lead mail, in German with Berlin time. It names the lead's product, postal code and campaign and why
 * it came, never the customer: the contact is read in the lead inbox the mail links to, after signing in.
 */
final class NotificationMails {

    /** A composed mail. */
    record Text(String subject, String body) {
    }

    /** What a mail tells about its lead. */
    record About(NotificationCause cause, String assignee, String productLine, String segment, String postalCode,
            String campaign, String routingReason, Instant assignedAt, Instant dueAt, UUID shopId) {
    }

    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("EEE, dd.MM.yyyy, HH:mm 'Uhr'",
            Locale.GERMANY);

    private NotificationMails() {
    }

    static Text compose(About about, ZoneId zone, String inboxUrl) {
        String lead = product(about.productLine()) + " (" + segment(about.segment()) + ") in " + about.postalCode();
        String due = about.dueAt() == null ? null : GERMAN.format(about.dueAt().atZone(zone));
        String inbox = inboxUrl + (about.shopId() == null ? "" : "?shop=" + about.shopId());
        StringBuilder body = new StringBuilder("Guten Tag,\n\n");
        String subject;
        switch (about.cause()) {
            case ASSIGNED, REASSIGNED -> {
                subject = (about.cause() == NotificationCause.ASSIGNED ? "Neuer Lead: " : "Lead übernommen: ") + lead
                        + " – Erstkontakt bis " + due;
                body.append(about.assignee()).append(" hat einen ")
                        .append(about.cause() == NotificationCause.ASSIGNED ? "neuen Lead" : "Lead von einem anderen "
                                + "Shop (dort abgelehnt oder nicht rechtzeitig kontaktiert)")
                        .append(" erhalten.\n\n");
                details(body, lead, about);
                body.append("Erstkontakt fällig:  ").append(due).append('\n');
            }
            case DUE_SOON -> {
                subject = "Erinnerung: Erstkontakt bis " + due + " – " + lead;
                body.append("der Erstkontakt zu einem Lead von ").append(about.assignee()).append(" ist bald fällig: ")
                        .append(due).append(". Danach geht der Lead an einen anderen Shop.\n\n");
                details(body, lead, about);
            }
            default -> {
                subject = "Lead weitergegeben: Erstkontakt versäumt – " + lead;
                body.append("der Lead ").append(lead).append(", ")
                        .append(about.assignee()).append(" am ").append(GERMAN.format(about.assignedAt().atZone(zone)))
                        .append(" zugewiesen, wurde nicht rechtzeitig kontaktiert und ist an einen anderen Shop "
                                + "gegangen.\n\n");
                body.append("Kampagne:            ").append(about.campaign()).append('\n');
            }
        }
        body.append("\nKontaktdaten, Annahme oder Ablehnung im Lead-Eingang: ").append(inbox)
                .append("\n\nDiese Nachricht enthält keine Kundendaten.\n");
        return new Text(subject, body.toString());
    }

    private static void details(StringBuilder body, String lead, About about) {
        body.append("Lead:                ").append(lead).append('\n')
                .append("Kampagne:            ").append(about.campaign()).append('\n')
                .append("Warum zu Ihnen:      ").append(about.routingReason()).append('\n');
    }

    private static String product(String productLine) {
        return switch (productLine) {
            case "MOBILE" -> "Mobilfunk";
            case "BROADBAND" -> "Festnetz-Internet";
            case "HOME_NETWORKING" -> "Heimnetz";
            case "BUSINESS_SOLUTIONS" -> "Geschäftslösungen";
            default -> productLine;
        };
    }

    private static String segment(String segment) {
        return "BUSINESS".equals(segment) ? "Geschäftskunde" : "Privatkunde";
    }
}
