package com.partnernet.leads.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A mail to a shop (or field team) about one of its leads: written in the transaction that caused it, sent after that
 * committed. There is one per lead, cause and assignment ({@link #assignedAt}), whatever retries or instances do.
 */
@Entity
@Table(name = "lead_notification")
public class LeadNotification {

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationCause cause;

    /** The assignment it is about: the lead's {@code assignedAt} then. */
    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "shop_id")
    public UUID shopId;

    @Column(name = "team_id")
    public UUID teamId;

    /** The shop's (or team's) mailbox. */
    @Column(nullable = false)
    public String recipient;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "given_up_at")
    public Instant givenUpAt;

    @Column(name = "dropped_at")
    public Instant droppedAt;

    /** The last failure's kind and message, for ops. */
    @Column(name = "last_error")
    public String lastError;

    static LeadNotification of(UUID leadId, NotificationCause cause, Instant assignedAt, UUID shopId, UUID teamId,
            String recipient, Instant now) {
        LeadNotification notification = new LeadNotification();
        notification.id = UUID.randomUUID();
        notification.leadId = leadId;
        notification.cause = cause;
        notification.assignedAt = assignedAt;
        notification.shopId = shopId;
        notification.teamId = teamId;
        notification.recipient = recipient;
        notification.createdAt = now;
        notification.nextAttemptAt = now;
        return notification;
    }

    /** The mail server took it. */
    void sent(Instant now) {
        attempts++;
        sentAt = now;
    }

    /** Nothing to tell any more: the lead moved on before the mail went out. */
    void drop(Instant now) {
        droppedAt = now;
    }

    /**
     * Sending failed: tried again after a delay that doubles per attempt up to {@code maxDelay}, given up after
     * {@code maxAttempts}.
     *
     * @return whether it was given up
     */
    boolean failed(String error, Instant now, Duration firstDelay, Duration maxDelay, int maxAttempts) {
        attempts++;
        lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= maxAttempts) {
            givenUpAt = now;
            return true;
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        return false;
    }
}
