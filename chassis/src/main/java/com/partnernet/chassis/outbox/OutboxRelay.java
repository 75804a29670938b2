package com.partnernet.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.HibernateHints;

import com.partnernet.chassis.event.EventEnvelope;
import com.partnernet.chassis.event.Traces;
import com.partnernet.chassis.shutdown.Drain;
import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.chassis.time.Timestamps;

import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes committed outbox rows to Kafka in insert order, with the aggregate id as key and the envelope's id and
 * type and the trace context (each record a span in its row's trace) as headers, each batch in one Kafka transaction,
 * and marks them sent after the transaction committed. So that every event is on its topic exactly once:
 * <ul>
 * <li>One instance of a service relays at a time: it holds a lease ({@code outbox_relay_lease}), renewed on each pass
 * under an advisory lock; another instance takes over only when the lease ran out.</li>
 * <li>All instances use one transactional id, so a new relay fences an old one and aborts its open transaction: a
 * batch that did not commit on Kafka is invisible to the (read-committed) consumers and is sent again.</li>
 * <li>A batch can commit on Kafka and not in the database (a crash, the database gone). Whenever the relay cannot be
 * sure (after its start, a failure, or taking over the lease) it first reads the tail of the partitions the next rows
 * go to, and marks the rows it finds there sent instead of sending them again.</li>
 * </ul>
 * A commit that wrote outbox rows wakes the relay at once ({@link #wakeUp()}); the scheduler is the safety net for
 * rows a wake-up missed. Within one JVM all passes run on one thread, which alone touches the producer.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Serializes the passes of all instances; any constant does: each service owns its database. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final EntityManager entityManager;
    private final Map<String, Object> kafkaConfig;
    private final OutboxConfig config;
    private final Traces traces;
    private final Drain drain;
    private final String transactionalId;
    /** Host (the pod's name on Kubernetes) and process, so ops and fault scenarios can tell who holds the lease. */
    private final String instance = System.getenv().getOrDefault("HOSTNAME", "localhost") + "/"
            + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Relay thread only. */
    private KafkaProducer<String, String> producer;
    /** Relay thread only: whether Kafka may hold rows the database does not know as sent. */
    private boolean uncertain = true;

    public OutboxRelay(EntityManager entityManager, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            OutboxConfig config, Traces traces, Drain drain,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.drain = drain;
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.traces = traces;
        this.transactionalId = applicationName + "-outbox-relay";
    }

    @Drained
    @Scheduled(identity = "outbox-relay", every = "${chassis.outbox.poll-interval}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wakeUp();
    }

    /** Asks for a relay pass soon; passes asked for while one runs coalesce into one more. */
    void wakeUp() {
        requested.set(true);
        if (scheduled.compareAndSet(false, true)) {
            try {
                relayThread.execute(this::relayWhileRequested);
            } catch (RejectedExecutionException stopped) {
                // Stopping: the next instance relays what is left.
                scheduled.set(false);
            }
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
            int handled;
            do {
                handled = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (handled == config.batchSize() && !drain.stopping());
        } catch (RuntimeException e) {
            // The rows stay unsent and are retried on the next poll, after a look at what Kafka already has; the
            // broker or database being away is not news worth a stack trace every interval.
            uncertain = true;
            closeProducer();
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            Log.warnf("Outbox relay paused: %s%s", e, cause == e ? "" : " (" + cause + ")");
        }
    }

    /** One batch: the rows handled (sent, or found published already); 0 when another instance holds the lease. */
    private int relayBatch() {
        boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
        if (!locked || !renewLease()) {
            return 0;
        }
        // Read-only: rows are marked sent by one statement below, not one update each after dirty checking.
        List<OutboxEvent> batch = entityManager
                .createQuery("from OutboxEvent e where e.sentAt is null order by e.id", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        Instant now = Timestamps.now();
        List<OutboxEvent> toSend = batch;
        if (uncertain) {
            Set<UUID> published = alreadyPublished(batch);
            toSend = batch.stream().filter(row -> !published.contains(row.eventId)).toList();
            if (!published.isEmpty()) {
                Log.infof("Outbox relay: %d row(s) were published before the last interruption, not sent again",
                        published.size());
            }
            // Rows of the interrupted batch may have been pushed past this selection by rows that committed late
            // with lower ids: stay careful until a batch finds nothing published.
            uncertain = !published.isEmpty();
        }
        if (!toSend.isEmpty()) {
            send(toSend);
        }
        entityManager.createNativeQuery("update outbox_event set sent_at = :now where id = any(cast(:ids as bigint[]))")
                .setParameter("now", now)
                .setParameter("ids", batch.stream().map(row -> row.id).toArray(Long[]::new))
                .executeUpdate();
        return batch.size();
    }

    /**
     * Renews this instance's lease, or takes it over when it ran out; false while another instance holds it. Taking
     * it over makes the relay uncertain: the former holder may have died between a Kafka and a database commit.
     */
    private boolean renewLease() {
        Instant now = Timestamps.now();
        List<?> current = entityManager.createNativeQuery(
                "select holder, renewed_at > :expiredBefore from outbox_relay_lease where id = 1")
                .setParameter("expiredBefore", now.minus(config.lease()))
                .getResultList();
        if (!current.isEmpty()) {
            Object[] lease = (Object[]) current.get(0);
            boolean mine = instance.equals(lease[0]);
            if (!mine && Boolean.TRUE.equals(lease[1])) {
                return false;
            }
            uncertain |= !mine;
        }
        entityManager.createNativeQuery("insert into outbox_relay_lease (id, holder, renewed_at) values (1, :holder, :now) "
                + "on conflict (id) do update set holder = excluded.holder, renewed_at = excluded.renewed_at")
                .setParameter("holder", instance)
                .setParameter("now", now)
                .executeUpdate();
        return true;
    }

    /**
     * The event ids among {@code rows} that are on their topics already. Nothing but this relay writes those topics,
     * and at most one batch was sent since the interruption, so such records sit near the end of their partitions:
     * reading the last few offsets of each (committed records only) finds them.
     */
    private Set<UUID> alreadyPublished(List<OutboxEvent> rows) {
        Map<TopicPartition, Integer> rowsPerPartition = new HashMap<>();
        KafkaProducer<String, String> kafka = producer();
        for (OutboxEvent row : rows) {
            int partition = partitionOf(row.messageKey, kafka.partitionsFor(row.topic).size());
            rowsPerPartition.merge(new TopicPartition(row.topic, partition), 1, Integer::sum);
        }
        Set<UUID> published = new HashSet<>();
        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("transactional."));
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(rowsPerPartition.keySet());
            Map<TopicPartition, Long> ends = consumer.endOffsets(rowsPerPartition.keySet(), config.sendTimeout());
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(rowsPerPartition.keySet(), config.sendTimeout());
            rowsPerPartition.forEach((partition, count) -> consumer.seek(partition,
                    lookBackFrom(begins.get(partition), ends.get(partition), count, config.batchSize())));
            Instant deadline = Instant.now().plus(config.sendTimeout());
            while (rowsPerPartition.keySet().stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read the end of the outbox topics in time");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Header eventId = record.headers().lastHeader(EventEnvelope.EVENT_ID_HEADER);
                    if (eventId != null) {
                        published.add(UUID.fromString(new String(eventId.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return published;
    }

    /** The partition Kafka's default partitioner puts a keyed record in (murmur2 of the key's UTF-8 bytes). */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Where to start reading a partition to find {@code rows} records an interrupted batch may have put there: far
     * enough back for them, one more batch sent since, and their transaction markers (which take offsets too), but
     * not before the partition's first offset.
     */
    static long lookBackFrom(long beginOffset, long endOffset, int rows, int batchSize) {
        return Math.max(beginOffset, endOffset - 2L * (rows + batchSize) - 10);
    }

    /**
     * Sends rows in one Kafka transaction, each record with a span of its own in the trace its row kept (in its
     * headers for the consumers), ended once the transaction is settled.
     */
    private void send(List<OutboxEvent> rows) {
        KafkaProducer<String, String> kafka = producer();
        List<Span> spans = new ArrayList<>(rows.size());
        try {
            kafka.beginTransaction();
            for (OutboxEvent row : rows) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(EventEnvelope.EVENT_ID_HEADER, row.eventId.toString().getBytes(StandardCharsets.UTF_8));
                headers.add(EventEnvelope.TYPE_HEADER, row.eventType.getBytes(StandardCharsets.UTF_8));
                spans.add(traces.startPublish(row.topic, row.traceParent, row.eventId.toString(), row.eventType, headers));
                kafka.send(new ProducerRecord<>(row.topic, null, row.messageKey, row.envelope, headers));
            }
            // Flushes and waits; a failure leaves the transaction open, and the next producer aborts it.
            kafka.commitTransaction();
        } catch (RuntimeException e) {
            spans.forEach(span -> Traces.failed(span, e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** The transactional producer, created (fencing any earlier one of this service) when there is none. */
    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
            producerConfig.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("isolation."));
            producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
            producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.sendTimeout().toMillis());
            producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
            producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis() / 2);
            producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            KafkaProducer<String, String> created = new KafkaProducer<>(producerConfig, new StringSerializer(),
                    new StringSerializer());
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                Log.debugf("Closing the outbox producer: %s", e);
            }
            producer = null;
        }
    }

    @Drained
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

    /**
     * Stops relaying right after the drain (which observes first) let the work in hand commit, while the database is
     * still open: the pass under way ends (up to the send timeout); rows committed later are the next instance's.
     */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) ShutdownEvent shutdown)
            throws InterruptedException {
        relayThread.shutdown();
        relayThread.awaitTermination(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        // The relay thread has ended (or is given up on): nothing else touches the producer.
        closeProducer();
    }
}
