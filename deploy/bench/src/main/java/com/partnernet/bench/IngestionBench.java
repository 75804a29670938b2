package com.partnernet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

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
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.service.MetricsText;
import com.partnernet.testkit.service.Service;

/**
 * Leads published on {@code leads.inbound} as a marketing system would, at a fixed rate or flat out, and the time
 * until each one's {@code LeadAssigned} event is on {@code leads.events} (read committed, as every consumer reads it).
 * Latency counts from the moment a lead was meant to be sent, so a load that falls behind shows as latency
 * (no coordinated omission); the lead behind an event is found by its id in leads-service's database afterwards.
 */
final class IngestionBench {

    /**
     * Sustained leads/s (first send to last assignment) and the latencies; {@code intakeWithin}: the share of the run's
     * leads whose intake (publish to committed in leads-service, its own histogram of {@code intakes} leads) took at most
     * 100, 250, 500 ms.
     */
    record Result(String campaign, int leads, int assigned, double seconds, double leadsPerSecond, Latencies latencies,
            long intakes, Map<String, Double> intakeWithin) {
    }

    /** The buckets of leads-service's intake histogram (its service level objectives) the report shows. */
    private static final List<String> INTAKE_BUCKETS = List.of("0.1", "0.25", "0.5");

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
        Map<String, Double> intakeBefore = intakeBuckets();
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
        Map<String, Double> intakeAfter = intakeBuckets();
        double intakes = intakeAfter.get("+Inf") - intakeBefore.get("+Inf");
        Map<String, Double> intakeWithin = new LinkedHashMap<>();
        INTAKE_BUCKETS.forEach(le -> intakeWithin.put(le, (intakeAfter.get(le) - intakeBefore.get(le)) / Math.max(1, intakes)));
        return new Result(campaign, leads, assignedAt.size(), seconds, assignedAt.size() / seconds, latencies, (long) intakes,
                intakeWithin);
    }

    /** Cumulative counts of leads-service's intake latency histogram, by bucket bound, from its metrics endpoint. */
    private Map<String, Double> intakeBuckets() throws Exception {
        String metrics = system.send(HttpRequest.newBuilder(URI.create(system.managementUrl(Service.LEADS) + "/q/metrics")).build()).body();
        Map<String, Double> buckets = new HashMap<>();
        Stream.concat(INTAKE_BUCKETS.stream(), Stream.of("+Inf")).forEach(le -> buckets.put(le, 0.0));
        for (String line : metrics.lines().toList()) {
            if (line.startsWith("partnernet_leads_intake_latency_seconds_bucket{")) {
                String le = line.substring(line.indexOf("le=\"") + 4, line.indexOf('"', line.indexOf("le=\"") + 4));
                buckets.computeIfPresent(le, (bound, count) -> count + MetricsText.sampleValue(line));
            }
        }
        return buckets;
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
