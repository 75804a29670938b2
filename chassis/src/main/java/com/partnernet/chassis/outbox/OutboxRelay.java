package com.partnernet.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.event.EventEnvelope;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes committed outbox rows to Kafka in insert order, with the aggregate id as key and the envelope's id and
 * type as headers, and marks them sent only after the broker acknowledged them. A crash between the
 * acknowledgement and the commit re-sends the batch: delivery is at least once, consumers are idempotent.
 * <p>
 * A commit that wrote outbox rows wakes the relay at once ({@link #wakeUp()}); the scheduler is the safety net for
 * rows a wake-up missed (a send failed, another instance crashed). Within one JVM all passes run on one thread.
 */
@ApplicationScoped
public class OutboxRelay {

    /**
     * Only one relay of a service works at a time, so two instances neither send a row twice nor overtake each
     * other's order. Any constant does: each service owns its database.
     */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final EntityManager entityManager;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final ThreadContext outsideTransaction = ThreadContext.builder().propagated()
            .cleared(ThreadContext.TRANSACTION).unchanged(ThreadContext.ALL_REMAINING).build();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public OutboxRelay(EntityManager entityManager,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<String> emitter,
            OutboxConfig config) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.config = config;
    }

    @Scheduled(identity = "outbox-relay", every = "${chassis.outbox.poll-interval}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wakeUp();
    }

    /** Asks for a relay pass soon; passes asked for while one runs coalesce into one more. */
    void wakeUp() {
        requested.set(true);
        if (scheduled.compareAndSet(false, true)) {
            relayThread.execute(this::relayWhileRequested);
        }
    }

    private void relayWhileRequested() {
        try {
            while (requested.getAndSet(false)) {
                relayPending();
            }
        } finally {
            scheduled.set(false);
            if (requested.get()) {
                wakeUp();
            }
        }
    }

    private void relayPending() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (sent == config.batchSize());
        } catch (RuntimeException e) {
            // The rows stay unsent and are retried on the next poll; the broker or database being away is not news
            // worth a stack trace every interval.
            Log.warnf("Outbox relay paused: %s", e.toString());
        }
    }

    private int relayBatch() {
        boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        List<OutboxEvent> batch = entityManager
                .createQuery("from OutboxEvent e where e.sentAt is null order by e.id", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        CompletableFuture<?>[] sends = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker acknowledged the batch", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the batch: " + e, e);
        }
        Instant sentAt = Timestamps.now();
        batch.forEach(row -> row.sentAt = sentAt);
        return batch.size();
    }

    /**
     * Sends one row. The send is set up with the relay's transaction suspended: context propagation would otherwise
     * carry the transaction into the producer's callback threads, and its commit fails with "multiple threads
     * active" (the batch is then sent again).
     */
    private CompletableFuture<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventEnvelope.EVENT_ID_HEADER, row.eventId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add(EventEnvelope.TYPE_HEADER, row.eventType.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .withHeaders(headers)
                .build();
        Message<String> message = Message.of(row.envelope).addMetadata(metadata);
        return outsideTransaction.contextualSupplier(() -> emitter.sendMessage(message).subscribeAsCompletionStage()).get();
    }

    @Scheduled(identity = "outbox-cleanup", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void removeSentRows() {
        Instant cutoff = Timestamps.now().minus(config.retention());
        int removed = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("delete from OutboxEvent e where e.sentAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
        if (removed > 0) {
            Log.infof("Outbox cleanup removed %d rows sent before %s", removed, cutoff);
        }
    }

    @PreDestroy
    void stop() {
        relayThread.shutdown();
    }
}
