package com.partnernet.chassis.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.event.EventEnvelope;

/**
 * The only way a service publishes an event: it is stored with the caller's state change, in the caller's
 * transaction, and {@link OutboxRelay} sends it after the commit. No event without its commit, no commit
 * without its event.
 */
@ApplicationScoped
public class Outbox {

    private static final Object RELAY_WAKE_UP_REGISTERED = new Object();

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager entityManager, ObjectMapper mapper, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Stores an event for {@code topic}, keyed by {@code aggregateId}.
     *
     * @return the envelope as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String aggregateType, String aggregateId, String type, int version,
            Object payload) {
        Instant now = Timestamps.now();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, version, now, aggregateType, aggregateId,
                mapper.valueToTree(payload));
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.messageKey = aggregateId;
        row.eventType = type;
        row.envelope = serialize(envelope);
        row.createdAt = now;
        entityManager.persist(row);
        wakeRelayAfterCommit();
        return envelope;
    }

    /** Publishing waits for the commit, not for the next poll; once per transaction, however many events it wrote. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(RELAY_WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(RELAY_WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    private String serialize(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be serialized", e);
        }
    }
}
