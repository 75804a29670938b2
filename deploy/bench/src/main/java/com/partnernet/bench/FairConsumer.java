package com.partnernet.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chaos.SystemUnderTest;
import com.partnernet.testkit.infrastructure.Postgres;

/**
 * The fair anchor for ingestion: what leads-service's guarantees cost without the framework. Plain kafka-clients and
 * JDBC doing the same durable work per lead: its row (with the routing's outcome), its consent, its routing decision
 * and assignment, the shop's weekly count (locked, as capacity is), two events (LeadReceived, LeadAssigned) as outbox
 * rows, all in one transaction per poll; then the events in a Kafka transaction together with the poll's offsets,
 * and the outbox rows marked sent. Routing itself is a lookup of the postal code (the bench network gives each shop
 * its own area): the service's rules are its own work, not the guarantees'.
 * <p>
 * It writes either into tables of its own with the columns it fills and the indexes its work needs, or into
 * leads-service's own schema (its migrations: the same tables with every index and trigger the product's reads need,
 * which a lead's insert maintains).
 */
final class FairConsumer {

    record Result(long leads, double seconds, double leadsPerSecond) {
    }

    /** Where the anchor writes. */
    enum Schema {
        /** Its own tables: the columns it fills, an index for each lookup its own work makes. */
        OWN_TABLES("bench_fair"),
        /** leads-service's tables as its migrations make them, with their indexes and triggers. */
        SERVICE_SCHEMA("bench_fair_service");

        final String database;

        Schema(String database) {
            this.database = database;
        }
    }

    private static final String EVENTS_TOPIC = "bench.fair-events";
    /** Where leads-service's migrations are (the chassis' and its own, as quarkus.flyway.locations names them). */
    private static final List<String> MIGRATIONS = List.of("chassis/src/main/resources/db/chassis",
            "leads-service/src/main/resources/db/migration");

    private final SystemUnderTest system;
    private final Path root;
    private final Schema schema;
    private final Map<String, BenchNetwork.Shop> shopsByPostalCode = new HashMap<>();

    FairConsumer(SystemUnderTest system, Path root, Schema schema, List<BenchNetwork.Shop> shops) {
        this.system = system;
        this.root = root;
        this.schema = schema;
        shops.forEach(shop -> shopsByPostalCode.put(shop.postalCode(), shop));
    }

    /** Reads {@code leads.inbound} from its start until {@code records} leads were stored and their events published. */
    Result run(long records) throws Exception {
        String jdbcUrl = prepareDatabase();
        String bootstrap = system.infrastructure().bootstrapServers();
        String group = "bench-fair-" + schema.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.PASSWORD);
                KafkaConsumer<String, byte[]> consumer = RawConsumer.inboundReader(system, group);
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, group,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 5,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
                Statements sql = new Statements(db)) {
            db.setAutoCommit(false);
            producer.initTransactions();
            consumer.subscribe(List.of("leads.inbound"));
            long stored = 0;
            long start = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(120 + records / 1000).toNanos();
            while (stored < records && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (batch.isEmpty()) {
                    continue;
                }
                if (start == 0) {
                    start = System.nanoTime();
                }
                List<Event> events = store(sql, batch);
                db.commit();
                publish(producer, consumer, batch, events);
                sql.markSent(events);
                db.commit();
                stored += batch.count();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(stored, seconds, stored / seconds);
        }
    }

    private record Event(long outboxId, UUID eventId, String key, String type, String envelope) {
    }

    /** One poll's leads with everything the service writes for them, in the open transaction. */
    private List<Event> store(Statements sql, ConsumerRecords<String, byte[]> batch) throws Exception {
        Instant now = Instant.now();
        Timestamp at = Timestamp.from(now);
        Map<UUID, Integer> perShop = new TreeMap<>();
        List<Event> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            JsonNode lead = SystemUnderTest.JSON.readTree(record.value());
            BenchNetwork.Shop shop = shopsByPostalCode.get(lead.path("postalCode").asText());
            UUID leadId = UUID.randomUUID();
            sql.lead(leadId, lead, shop, at, Timestamp.from(now.plus(8, ChronoUnit.HOURS)));
            sql.consent(leadId, lead, at);
            sql.decision(leadId, shop, at);
            if (shop != null) {
                sql.assignment(leadId, shop, at);
                perShop.merge(shop.shopId(), 1, Integer::sum);
            }
            String key = shop != null ? shop.shopId().toString() : leadId.toString();
            for (String type : shop != null ? List.of("LeadReceived", "LeadAssigned") : List.of("LeadReceived")) {
                UUID eventId = UUID.randomUUID();
                String envelope = SystemUnderTest.JSON.writeValueAsString(Map.of("eventId", eventId, "type", type,
                        "version", 1, "occurredAt", now.toString(), "aggregateType", "ShopPipeline", "aggregateId", key,
                        "payload", Map.of("leadId", leadId, "shopId", shop == null ? "" : shop.shopId().toString(),
                                "campaign", lead.path("campaign").asText(), "productLine", lead.path("productLine").asText(),
                                "status", shop == null ? "UNROUTED" : "NEW", "at", now.toString())));
                events.add(new Event(sql.outbox(eventId, key, type, envelope, at), eventId, key, type, envelope));
            }
        }
        // Capacity: each shop's weekly count, locked in a fixed order (as intake locks the shops it routes to).
        for (Map.Entry<UUID, Integer> shop : perShop.entrySet()) {
            sql.count(shop.getKey(), shop.getValue());
        }
        sql.flush();
        return events;
    }

    /** The poll's events and its offsets in one Kafka transaction: consumers see both or neither. */
    private static void publish(KafkaProducer<String, String> producer, KafkaConsumer<String, byte[]> consumer,
            ConsumerRecords<String, byte[]> batch, List<Event> events) {
        producer.beginTransaction();
        for (Event event : events) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
            headers.add("type", event.type().getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(EVENTS_TOPIC, null, event.key(), event.envelope(), headers));
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<String, byte[]>> records = batch.records(partition);
            offsets.put(partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
    }

    /** The statements of a poll, each one JDBC batch. */
    private static final class Statements implements AutoCloseable {

        private final PreparedStatement lead;
        private final PreparedStatement consent;
        private final PreparedStatement decision;
        private final PreparedStatement assignment;
        private final PreparedStatement count;
        private final PreparedStatement outbox;
        private final PreparedStatement sent;
        private long nextOutboxId;

        Statements(Connection db) throws Exception {
            lead = db.prepareStatement("insert into lead (id, source, external_id, campaign, product_line, postal_code, "
                    + "contact_name, contact_email, contact_phone, message, consent_granted, consent_at, status, shop_id, "
                    + "partner_id, routing_reason, received_at, assigned_at, sla_due_at, updated_at, version, "
                    + "email_normalized, phone_e164) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) "
                    + "on conflict (source, external_id) do nothing");
            consent = db.prepareStatement("insert into lead_consent (id, lead_id, purpose, recipient, product_line, granted, "
                    + "granted_at, expires_at, source, recorded_at) values (?, ?, 'CONTACT', 'ASSIGNED_PARTNER', ?, ?, ?, ?, ?, ?)");
            decision = db.prepareStatement("insert into routing_decision (id, lead_id, decided_at, cause, outcome, shop_id, "
                    + "reason, trail) values (?, ?, ?, 'INTAKE', ?, ?, ?, cast(? as jsonb))");
            assignment = db.prepareStatement("insert into lead_assignment (id, lead_id, shop_id, assigned_at) "
                    + "values (?, ?, ?, ?)");
            count = db.prepareStatement("insert into shop_week_count (shop_id, week, assigned) values (?, 1, ?) "
                    + "on conflict (shop_id, week) do update set assigned = shop_week_count.assigned + excluded.assigned");
            outbox = db.prepareStatement("insert into outbox_event (id, event_id, topic, message_key, event_type, envelope, "
                    + "created_at) values (?, ?, ?, ?, ?, ?, ?)");
            sent = db.prepareStatement("update outbox_event set sent_at = now() where id = any(?)");
        }

        void lead(UUID id, JsonNode lead, BenchNetwork.Shop shop, Timestamp at, Timestamp due) throws Exception {
            this.lead.setObject(1, id);
            this.lead.setString(2, lead.path("source").asText());
            this.lead.setString(3, lead.path("externalId").asText());
            this.lead.setString(4, lead.path("campaign").asText());
            this.lead.setString(5, lead.path("productLine").asText());
            this.lead.setString(6, lead.path("postalCode").asText());
            this.lead.setString(7, lead.path("contact").path("name").asText());
            this.lead.setString(8, lead.path("contact").path("email").asText(null));
            this.lead.setString(9, lead.path("contact").path("phone").asText(null));
            this.lead.setString(10, lead.path("message").asText(null));
            this.lead.setBoolean(11, lead.path("consent").path("granted").asBoolean());
            this.lead.setTimestamp(12, at);
            this.lead.setString(13, shop == null ? "UNROUTED" : "NEW");
            this.lead.setObject(14, shop == null ? null : shop.shopId());
            this.lead.setObject(15, shop == null ? null : shop.partnerId());
            this.lead.setString(16, shop == null ? "no shop covers the postal code" : "catchment covers the postal code");
            this.lead.setTimestamp(17, at);
            this.lead.setTimestamp(18, shop == null ? null : at);
            this.lead.setTimestamp(19, shop == null ? null : due);
            this.lead.setTimestamp(20, at);
            // As intake keeps them for the duplicate check (the phone without its spaces stands in for E.164).
            this.lead.setString(21, lead.path("contact").path("email").asText("").toLowerCase(Locale.ROOT));
            this.lead.setString(22, lead.path("contact").path("phone").asText("").replace(" ", ""));
            this.lead.addBatch();
        }

        void consent(UUID leadId, JsonNode lead, Timestamp at) throws Exception {
            consent.setObject(1, UUID.randomUUID());
            consent.setObject(2, leadId);
            consent.setString(3, lead.path("productLine").asText());
            consent.setBoolean(4, lead.path("consent").path("granted").asBoolean());
            consent.setTimestamp(5, at);
            consent.setTimestamp(6, Timestamp.from(at.toInstant().plus(365, ChronoUnit.DAYS)));
            consent.setString(7, lead.path("source").asText());
            consent.setTimestamp(8, at);
            consent.addBatch();
        }

        void decision(UUID leadId, BenchNetwork.Shop shop, Timestamp at) throws Exception {
            decision.setObject(1, UUID.randomUUID());
            decision.setObject(2, leadId);
            decision.setTimestamp(3, at);
            decision.setString(4, shop == null ? "UNROUTED" : "SHOP");
            decision.setObject(5, shop == null ? null : shop.shopId());
            decision.setString(6, shop == null ? "no shop covers the postal code" : "catchment covers the postal code");
            decision.setString(7, SystemUnderTest.JSON.writeValueAsString(List.of(Map.of("step", "CATCHMENT",
                    "verdict", shop == null ? "NONE" : "CHOSEN", "reason", "catchment covers the postal code"))));
            decision.addBatch();
        }

        void assignment(UUID leadId, BenchNetwork.Shop shop, Timestamp at) throws Exception {
            assignment.setObject(1, UUID.randomUUID());
            assignment.setObject(2, leadId);
            assignment.setObject(3, shop.shopId());
            assignment.setTimestamp(4, at);
            assignment.addBatch();
        }

        void count(UUID shopId, int leads) throws Exception {
            count.setObject(1, shopId);
            count.setInt(2, leads);
            count.addBatch();
        }

        long outbox(UUID eventId, String key, String type, String envelope, Timestamp at) throws Exception {
            long id = ++nextOutboxId;
            outbox.setLong(1, id);
            outbox.setObject(2, eventId);
            outbox.setString(3, EVENTS_TOPIC);
            outbox.setString(4, key);
            outbox.setString(5, type);
            outbox.setString(6, envelope);
            outbox.setTimestamp(7, at);
            outbox.addBatch();
            return id;
        }

        void flush() throws Exception {
            for (PreparedStatement statement : List.of(lead, consent, decision, assignment, count, outbox)) {
                statement.executeBatch();
            }
        }

        void markSent(List<Event> events) throws Exception {
            sent.setArray(1, sent.getConnection().createArrayOf("bigint",
                    events.stream().map(Event::outboxId).toArray(Long[]::new)));
            sent.executeUpdate();
        }

        @Override
        public void close() throws Exception {
            for (PreparedStatement statement : List.of(lead, consent, decision, assignment, count, outbox, sent)) {
                statement.close();
            }
        }
    }

    /** A database of its own on the same server with the tables (and indexes) intake writes to, as {@link #schema} says. */
    private String prepareDatabase() throws Exception {
        String jdbcUrl = RawConsumer.freshDatabase(system, schema.database);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.infrastructure().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(EVENTS_TOPIC)) {
                // As many partitions as leads.events, which leads-service publishes to.
                admin.createTopics(List.of(new NewTopic(EVENTS_TOPIC, 6, (short) 1))).all().get();
            }
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.PASSWORD);
                Statement statement = db.createStatement()) {
            if (schema == Schema.SERVICE_SCHEMA) {
                // As leads-service migrates its database at start (quarkus.flyway.* in the chassis' defaults).
                Flyway.configure().dataSource(jdbcUrl, Postgres.USER, Postgres.PASSWORD).outOfOrder(true)
                        .locations(MIGRATIONS.stream().map(folder -> "filesystem:" + root.resolve(folder)).toArray(String[]::new))
                        .load().migrate();
                // The anchor's capacity count (leads-service counts its assignments instead).
                statement.execute("""
                        create table shop_week_count (shop_id uuid not null, week int not null, assigned int not null,
                            primary key (shop_id, week))""");
                return jdbcUrl;
            }
            statement.execute("""
                    create table lead (id uuid primary key, source varchar(100) not null, external_id varchar(200) not null,
                        campaign varchar(200) not null, product_line varchar(32) not null, postal_code varchar(5) not null,
                        contact_name varchar(200), contact_email varchar(254), contact_phone varchar(32),
                        message varchar(2000), consent_granted boolean not null, consent_at timestamptz,
                        status varchar(32) not null, shop_id uuid, partner_id uuid, routing_reason varchar(500) not null,
                        received_at timestamptz not null, assigned_at timestamptz, sla_due_at timestamptz,
                        updated_at timestamptz not null, version bigint not null, email_normalized varchar(254),
                        phone_e164 varchar(20), constraint lead_source_external_id unique (source, external_id));
                    create index lead_shop on lead (shop_id, status);
                    create table lead_consent (id uuid primary key, lead_id uuid not null references lead,
                        purpose varchar(64) not null, recipient varchar(64) not null, product_line varchar(32) not null,
                        granted boolean not null, granted_at timestamptz, expires_at timestamptz,
                        source varchar(100) not null, recorded_at timestamptz not null);
                    create table routing_decision (id uuid primary key, lead_id uuid not null references lead,
                        decided_at timestamptz not null, cause varchar(32) not null, outcome varchar(32) not null,
                        shop_id uuid, reason varchar(500) not null, trail jsonb not null);
                    create index routing_decision_lead on routing_decision (lead_id);
                    create table lead_assignment (id uuid primary key, lead_id uuid not null references lead,
                        shop_id uuid not null, assigned_at timestamptz not null);
                    create index lead_assignment_lead on lead_assignment (lead_id);
                    create table shop_week_count (shop_id uuid not null, week int not null, assigned int not null,
                        primary key (shop_id, week));
                    create table outbox_event (id bigint primary key, event_id uuid not null unique,
                        topic varchar(255) not null, message_key varchar(255) not null, event_type varchar(255) not null,
                        envelope text not null, created_at timestamptz not null, sent_at timestamptz);
                    create index outbox_event_unsent on outbox_event (id) where sent_at is null;
                    """);
        }
        return jdbcUrl;
    }
}
