package com.partnernet.chassis.outbox;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.event.EventEnvelope;
import com.partnernet.chassis.event.Traces;

/**
 * The only way a service publishes an event: it is stored with the caller's state change, in the caller's
 * transaction, and {@link OutboxRelay} sends it after the commit. No event without its commit, no commit
 * without its event.
 * <p>
 * A transaction's events are inserted together just before it commits, in one JDBC batch, each row taking its id from
 * the table's sequence there: in the order they were published, and after every lock the transaction takes. So
 * whatever orders two transactions' writes to one aggregate (its row lock) orders their events' ids too, which is
 * the order the relay sends in — across instances. (An id per row from the sequence at publish time cost a round trip
 * per event.)
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox_event (event_id, topic, message_key, event_type, envelope, "
            + "created_at, trace_parent) values (?, ?, ?, ?, ?, ?, ?)";

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
     * Stores an event for {@code topic}, keyed by {@code aggregateId}, with the caller's transaction, and the current
     * trace context: the relay publishes it in the trace of what caused it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String aggregateType, String aggregateId, String type, int version, Object payload) {
        Instant now = Timestamps.now();
        // A node that holds the payload itself: the envelope is written in one pass, the payload not built as a tree first.
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, version, now, aggregateType, aggregateId,
                mapper.getNodeFactory().pojoNode(payload));
        pendingEvents().add(new PendingEvent(envelope.eventId(), topic, aggregateId, type, serialize(envelope), now,
                Traces.currentTraceParent()));
    }

    /** This transaction's events, registered to be inserted before it commits (once, however many it publishes). */
    private List<PendingEvent> pendingEvents() {
        TransactionEvents pending = (TransactionEvents) transactions.getResource(TransactionEvents.class);
        if (pending == null) {
            SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
            pending = new TransactionEvents(session, relay);
            transactions.putResource(TransactionEvents.class, pending);
            // Hibernate's own completion callbacks, not a JTA synchronization after Hibernate's: they run while the
            // session still holds its connection, before it hands it back. Run later, the insert took the connection
            // again and left it open at commit (Agroal's "Closing open connection(s) prior to commit" each time).
            session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) pending);
            session.getTransactionCompletionCallbacks().registerCallback((AfterCompletionCallback) pending);
        }
        return pending.events;
    }

    private record PendingEvent(UUID eventId, String topic, String messageKey, String eventType, String envelope,
            Instant createdAt, String traceParent) {
    }

    /**
     * Inserts a transaction's events as it is about to commit (a failure rolls it back), and wakes the relay once it
     * committed, so publishing waits for the commit, not for the next poll.
     */
    private static final class TransactionEvents implements BeforeCompletionCallback, AfterCompletionCallback {

        private final SharedSessionContractImplementor session;
        private final OutboxRelay relay;
        private final List<PendingEvent> events = new ArrayList<>();

        TransactionEvents(SharedSessionContractImplementor session, OutboxRelay relay) {
            this.session = session;
            this.relay = relay;
        }

        @Override
        public void doBeforeTransactionCompletion(SharedSessionContractImplementor completing) {
            // The transaction's own writes first, so their row locks too are held before the ids are drawn.
            session.flush();
            session.doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (PendingEvent event : events) {
                        insert.setObject(1, event.eventId());
                        insert.setString(2, event.topic());
                        insert.setString(3, event.messageKey());
                        insert.setString(4, event.eventType());
                        insert.setString(5, event.envelope());
                        insert.setObject(6, event.createdAt().atOffset(ZoneOffset.UTC));
                        insert.setString(7, event.traceParent());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
        }

        @Override
        public void doAfterTransactionCompletion(boolean committed, SharedSessionContractImplementor completed) {
            if (committed) {
                relay.wakeUp();
            }
        }
    }

    private String serialize(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be serialized", e);
        }
    }
}
