package com.partnernet.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chaos.SystemUnderTest;
import com.partnernet.testkit.infrastructure.Postgres;
import com.partnernet.testkit.service.Service;

/**
 * The anchor for ingestion: what this machine does at all with the same records and no framework — plain
 * kafka-clients reading {@code leads.inbound} (one consumer, as leads-service has per instance) and inserting the
 * same lead rows into PostgreSQL with one JDBC batch and one commit per poll, offsets committed after the database
 * commit (at-least-once, a redelivered lead is not inserted twice). No validation, routing or events.
 */
final class RawConsumer {

    record Result(long rows, double seconds, double rowsPerSecond) {
    }

    private static final String DATABASE = "bench_raw";

    private final SystemUnderTest system;

    RawConsumer(SystemUnderTest system) {
        this.system = system;
    }

    /** Reads the topic from its start until {@code records} records were inserted. */
    Result run(long records) throws Exception {
        String jdbcUrl = prepareDatabase();
        try (Connection db = DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.PASSWORD);
                KafkaConsumer<String, byte[]> consumer = inboundReader(system, "bench-raw-" + UUID.randomUUID());
                PreparedStatement insert = db.prepareStatement("insert into lead (id, source, external_id, campaign, "
                        + "product_line, postal_code, contact_name, contact_email, contact_phone, message, "
                        + "consent_granted, consent_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (source, external_id) do nothing")) {
            db.setAutoCommit(false);
            consumer.subscribe(List.of("leads.inbound"));
            long inserted = 0;
            long start = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(120 + records / 1000).toNanos();
            while (inserted < records && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (batch.isEmpty()) {
                    continue;
                }
                if (start == 0) {
                    start = System.nanoTime();
                }
                Timestamp now = Timestamp.from(Instant.now());
                for (ConsumerRecord<String, byte[]> record : batch) {
                    JsonNode lead = SystemUnderTest.JSON.readTree(record.value());
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, lead.path("source").asText());
                    insert.setString(3, lead.path("externalId").asText());
                    insert.setString(4, lead.path("campaign").asText());
                    insert.setString(5, lead.path("productLine").asText());
                    insert.setString(6, lead.path("postalCode").asText());
                    insert.setString(7, lead.path("contact").path("name").asText());
                    insert.setString(8, lead.path("contact").path("email").asText(null));
                    insert.setString(9, lead.path("contact").path("phone").asText(null));
                    insert.setString(10, lead.path("message").asText(null));
                    insert.setBoolean(11, lead.path("consent").path("granted").asBoolean());
                    insert.setTimestamp(12, Timestamp.from(Instant.parse(lead.path("consent").path("grantedAt").asText())));
                    insert.setTimestamp(13, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                db.commit();
                consumer.commitSync();
                inserted += batch.count();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(inserted, seconds, inserted / seconds);
        }
    }

    /** A consumer of {@code leads.inbound} from its start, committed records only, offsets committed by hand. */
    static KafkaConsumer<String, byte[]> inboundReader(SystemUnderTest system, String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infrastructure().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }

    /** An empty database {@code name} on the services' server (dropped first if an earlier run left it); its URL. */
    static String freshDatabase(SystemUnderTest system, String name) throws Exception {
        try (Connection admin = system.database(Service.LEADS); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        }
        return system.infrastructure().jdbcUrl(name);
    }

    /** A database of its own on the same server, with the lead table's columns the raw consumer fills. */
    private String prepareDatabase() throws Exception {
        String jdbcUrl = freshDatabase(system, DATABASE);
        try (Connection db = DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.PASSWORD);
                Statement statement = db.createStatement()) {
            statement.execute("create table lead (id uuid primary key, source varchar(100) not null, "
                    + "external_id varchar(200) not null, campaign varchar(200) not null, product_line varchar(32) not null, "
                    + "postal_code varchar(5) not null, contact_name varchar(200), contact_email varchar(254), "
                    + "contact_phone varchar(32), message varchar(2000), consent_granted boolean not null, "
                    + "consent_at timestamptz, received_at timestamptz not null, "
                    + "constraint lead_source_external_id unique (source, external_id))");
        }
        return jdbcUrl;
    }
}
