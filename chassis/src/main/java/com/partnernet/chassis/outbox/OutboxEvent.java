package com.partnernet.chassis.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event waiting to be published (or already published, until cleanup), as the relay reads it. Written (by
 * {@link Outbox}) in the same transaction as the state change it reports; the relay publishes rows in {@link #id} order.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** From the table's sequence as {@link Outbox} inserts the row, just before its transaction commits. */
    @Id
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

    /** The W3C traceparent of the span that published it (null outside a trace): the relay's span continues it. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "sent_at")
    public Instant sentAt;
}
