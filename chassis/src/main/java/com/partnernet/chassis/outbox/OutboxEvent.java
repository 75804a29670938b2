package com.partnernet.chassis.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One event waiting to be published (or already published, until cleanup). Written in the same transaction as
 * the state change it reports; the relay publishes rows in {@link #id} order.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /**
     * From a sequence, one value per row (not pooled: ids must follow the order events are
     * written in, across instances, for per-aggregate ordering). Not IDENTITY: that inserts each row at once, and
     * with it everything the transaction has queued, instead of in the commit's JDBC batches.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_id")
    @SequenceGenerator(name = "outbox_event_id", sequenceName = "outbox_event_seq", allocationSize = 1)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The serialized {@link com.partnernet.chassis.event.EventEnvelope}, exactly as it goes on the wire. */
    @Column(nullable = false, columnDefinition = "text")
    public String envelope;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
