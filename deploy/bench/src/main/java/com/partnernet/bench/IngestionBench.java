package com.partnernet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chaos.FixedRate;
import com.partnernet.chaos.SystemUnderTest;
import com.partnernet.local.KafkaTestClient;
import com.partnernet.local.Service;

/**
 * Leads published on {@code leads.inbound} as a marketing system would, at a fixed rate or flat out, and the time
 * until each one's {@code LeadAssigned} event is on {@code leads.events} (read committed, as every consumer reads it).
 * Latency counts from the moment a lead was meant to be sent, so a load that falls behind shows as latency
 * (no coordinated omission); the lead behind an event is found by its id in leads-service's database afterwards.
 */
final class IngestionBench {

    /** Sustained leads/s (first send to last assignment) and the latencies. */
    record Result(String campaign, int leads, int assigned, double seconds, double leadsPerSecond, Latencies latencies) {
    }

    private final SystemUnderTest system;
    private final BenchNetwork network;

    IngestionBench(SystemUnderTest system, BenchNetwork network) {
        this.system = system;
        this.network = network;
    }

    /** @param perSecond the fixed rate, or 0 for flat out */
    Result run(String name, int leads, int perSecond) throws Exception {
        String campaign = network.campaign(name);
        byte[][] records = new byte[leads][];
        for (int i = 0; i < leads; i++) {
            records[i] = network.lead(campaign, i);
        }
        Map<UUID, Long> assignedAt = new ConcurrentHashMap<>();
        long[] intended = new long[leads];
        AtomicLong failedSends = new AtomicLong();
        try (AssignedEvents events = new AssignedEvents(system.infrastructure().bootstrapServers(), campaign, assignedAt);
                KafkaProducer<String, byte[]> producer = system.producer()) {
            events.start();
            if (perSecond > 0) {
                long start = FixedRate.run(leads, perSecond, i -> send(producer, campaign, i, records[i], failedSends));
                for (int i = 0; i < leads; i++) {
                    intended[i] = FixedRate.intended(start, i, perSecond);
                }
            } else {
                for (int i = 0; i < leads; i++) {
                    intended[i] = System.nanoTime();
                    send(producer, campaign, i, records[i], failedSends);
                }
            }
            producer.flush();
            if (failedSends.get() > 0) {
                throw new IllegalStateException(failedSends.get() + " sends to leads.inbound failed");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60 + leads / 100).toNanos();
            while (assignedAt.size() < leads && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        Map<UUID, Integer> indexOf = leadIndexes(campaign);
        Latencies latencies = new Latencies();
        long last = intended[0];
        for (Map.Entry<UUID, Long> assigned : assignedAt.entrySet()) {
            Integer index = indexOf.get(assigned.getKey());
            if (index != null) {
                latencies.record(assigned.getValue() - intended[index]);
                last = Math.max(last, assigned.getValue());
            }
        }
        double seconds = (last - intended[0]) / 1e9;
        return new Result(campaign, leads, assignedAt.size(), seconds, assignedAt.size() / seconds, latencies);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String campaign, int index, byte[] record,
            AtomicLong failedSends) {
        producer.send(new ProducerRecord<>("leads.inbound", BenchNetwork.key(campaign, index), record),
                (metadata, error) -> {
                    if (error != null) {
                        failedSends.incrementAndGet();
                    }
                });
    }

    /** The benchmark lead each stored lead came from, by the index in its external id. */
    private Map<UUID, Integer> leadIndexes(String campaign) throws Exception {
        Map<UUID, Integer> indexes = new ConcurrentHashMap<>();
        try (Connection db = system.database(Service.LEADS);
                PreparedStatement query = db.prepareStatement("select id, external_id from lead where campaign = ?")) {
            query.setString(1, campaign);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String externalId = rows.getString(2);
                    indexes.put(rows.getObject(1, UUID.class),
                            Integer.parseInt(externalId.substring(externalId.lastIndexOf('-') + 1)));
                }
            }
        }
        return indexes;
    }

    /** Notes when each {@code LeadAssigned} of the campaign arrives, from the topic's end at the start on. */
    private static final class AssignedEvents extends Thread implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final String campaign;
        private final Map<UUID, Long> assignedAt;
        private final AtomicBoolean running = new AtomicBoolean(true);

        AssignedEvents(String bootstrapServers, String campaign, Map<UUID, Long> assignedAt) {
            super("bench-assigned-events");
            this.campaign = campaign;
            this.assignedAt = assignedAt;
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
            List<TopicPartition> partitions = consumer.partitionsFor("leads.events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // Resolves the end offsets now, before the first lead is sent.
            partitions.forEach(consumer::position);
        }

        @Override
        public void run() {
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if ("LeadAssigned".equals(KafkaTestClient.header(record, "type"))) {
                        JsonNode lead = SystemUnderTest.payload(record);
                        if (campaign.equals(lead.path("campaign").asText())) {
                            assignedAt.putIfAbsent(UUID.fromString(lead.path("leadId").asText()), now);
                        }
                    }
                }
            }
            consumer.close();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            join();
        }
    }
}
