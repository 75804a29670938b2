package com.partnernet.leads.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.leads.directory.RoutingShopRepository;
import com.partnernet.leads.directory.RoutingTeamRepository;

import io.quarkus.logging.Log;

/**
 * Writes the mails a lead's moves cause, in the transaction of the move: nothing is sent unless it commits, and the
 * intake never waits for a mail server ({@link NotificationSender} sends them). A shop or team without a mailbox in
 * the directory gets none.
 */
@ApplicationScoped
public class Notifications {

    private final NotificationRepository notifications;
    private final RoutingShopRepository shops;
    private final RoutingTeamRepository teams;

    public Notifications(NotificationRepository notifications, RoutingShopRepository shops, RoutingTeamRepository teams) {
        this.notifications = notifications;
        this.shops = shops;
        this.teams = teams;
    }

    /**
     * A lead given to a shop or team, with the mailbox routing knows for it (null: none).
     *
     * @param cause {@link NotificationCause#ASSIGNED} or {@link NotificationCause#REASSIGNED}
     */
    public record Assignment(UUID leadId, NotificationCause cause, Instant assignedAt, UUID shopId, UUID teamId,
            String recipient) {
    }

    /** The leads were given to shops or teams: a mail to each one with a mailbox, stored at once (after the leads). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(List<Assignment> assignments) {
        notifications.insertAll(assignments.stream().filter(assignment -> assignment.recipient() != null)
                .map(assignment -> LeadNotification.of(assignment.leadId(), assignment.cause(), assignment.assignedAt(),
                        assignment.shopId(), assignment.teamId(), assignment.recipient(), assignment.assignedAt()))
                .toList());
    }

    /** The shop (or team) let the lead's first contact lapse and lost it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void breached(UUID leadId, Instant assignedAt, UUID shopId, UUID teamId, Instant now) {
        mailboxOf(shopId, teamId).ifPresent(recipient -> notifications.persist(LeadNotification.of(leadId,
                NotificationCause.BREACHED, assignedAt, shopId, teamId, recipient, now)));
    }

    /** Writes the reminders that are due ({@link NotificationRepository#writeDueReminders}). */
    @Transactional
    public int remindDueFirstContacts(Instant now) {
        int written = notifications.writeDueReminders(now);
        if (written > 0) {
            Log.infof("First contact due soon: %d reminder(s) to send", written);
        }
        return written;
    }

    private Optional<String> mailboxOf(UUID shopId, UUID teamId) {
        return Optional.ofNullable(shopId != null
                ? shops.findByIdOptional(shopId).map(shop -> shop.email).orElse(null)
                : teams.findByIdOptional(teamId).map(team -> team.email).orElse(null));
    }
}
