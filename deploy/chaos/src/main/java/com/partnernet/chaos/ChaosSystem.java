package com.partnernet.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.local.Infrastructure;
import com.partnernet.local.JwtKeys;
import com.partnernet.local.KafkaTestClient;
import com.partnernet.local.Postgres;
import com.partnernet.local.Service;
import com.partnernet.local.ServiceProcess;
import com.partnernet.local.Tokens;

/**
 * The system a scenario runs against: real PostgreSQL and Kafka from the local run's launcher, and the packaged
 * services as processes the scenario may kill (SIGKILL) and start again. Invariants are read straight from the
 * databases and topics, never through the services under test.
 */
final class ChaosSystem implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofSeconds(90);

    private final Path root;
    private final Path logs;
    private final Infrastructure infrastructure;
    private final Tokens tokens;
    private final Path tokenPublicKey;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KafkaTestClient kafka;
    private int starts;

    private ChaosSystem(Path root, String scenario, Infrastructure infrastructure, Tokens tokens, Path tokenPublicKey) {
        this.root = root;
        this.logs = root.resolve("deploy/chaos/target/chaos-logs").resolve(scenario.replaceAll("[^a-z0-9]+", "-"));
        this.infrastructure = infrastructure;
        this.tokens = tokens;
        this.tokenPublicKey = tokenPublicKey;
        this.kafka = new KafkaTestClient(infrastructure.bootstrapServers());
    }

    /** Fresh infrastructure (its own temporary state) with the given services started and ready. */
    static ChaosSystem start(Path root, String scenario, List<Service> services) throws Exception {
        Infrastructure infrastructure = Infrastructure.start(Infrastructure.Settings.ephemeral(),
                services.stream().map(service -> service.database).toList());
        Path jwt = Files.createTempDirectory("chaos-jwt");
        ChaosSystem system = new ChaosSystem(root, scenario, infrastructure, new Tokens(JwtKeys.inFolder(jwt), Tokens.TEST_ISSUER),
                jwt.resolve(JwtKeys.PUBLIC_KEY_FILE));
        for (Service service : services) {
            system.ports.put(service, Infrastructure.freePort());
        }
        for (Service service : services) {
            system.launch(service);
        }
        for (Service service : services) {
            system.running.get(service).awaitReady(READY);
        }
        return system;
    }

    private void launch(Service service) throws IOException {
        starts++;
        Map<String, String> env = service.environment(infrastructure.jdbcUrl(service.database),
                infrastructure.bootstrapServers(), "http://127.0.0.1:" + ports.getOrDefault(Service.PARTNERS, 9),
                Tokens.TEST_ISSUER, tokenPublicKey);
        running.put(service, ServiceProcess.start(service.serviceName, service.jar(root), ports.get(service), env,
                List.of("-Xmx256m"), logs.resolve(service.serviceName + "-" + starts + ".log"), false));
    }

    /** SIGKILL: no shutdown hook, no graceful close of consumers, transactions or producers. */
    void kill(Service service) throws InterruptedException {
        ProcessHandle handle = ProcessHandle.of(running.get(service).pid()).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().join();
    }

    /** Starts the service again on its port and waits until it is ready. */
    void restart(Service service) throws IOException, InterruptedException {
        launch(service);
        running.get(service).awaitReady(READY);
    }

    String url(Service service) {
        return running.get(service).baseUrl();
    }

    Connection database(Service service) throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(service.database), Postgres.USER, Postgres.PASSWORD);
    }

    KafkaTestClient kafka() {
        return kafka;
    }

    String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    /** A producer as a marketing system would run it: acks from all replicas, idempotent, keyed records. */
    KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(2 * 1024 * 1024));
        return new KafkaProducer<>(config);
    }

    /** A REST call as the given role; returns the body, fails on an error status. */
    String call(Service service, String role, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(service) + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tokens.forRole(role));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Tells leads-service's directory about an open shop the way partners-service does, and waits until it knows. */
    UUID publishShop(String postalPrefix, int weeklyCapacity) throws Exception {
        UUID shopId = UUID.randomUUID();
        Map<String, Object> shop = Map.ofEntries(Map.entry("shopId", shopId.toString()),
                Map.entry("partnerId", UUID.randomUUID().toString()), Map.entry("name", "Chaos shop " + postalPrefix),
                Map.entry("postalCode", postalPrefix + "000"), Map.entry("city", "Teststadt"),
                Map.entry("latitude", 50.9), Map.entry("longitude", 6.9), Map.entry("status", "OPEN"),
                Map.entry("format", "CLASSIC"), Map.entry("segments", List.of("CONSUMER", "BUSINESS")),
                Map.entry("productLines", List.of("MOBILE", "BROADBAND", "TV")),
                Map.entry("catchment", List.of(postalPrefix)), Map.entry("weeklyLeadCapacity", weeklyCapacity),
                Map.entry("version", 0));
        kafka.send("partners.shop-events", shopId.toString(), JSON.writeValueAsString(Map.of(
                "eventId", UUID.randomUUID().toString(), "type", "ShopOpened", "version", 1,
                "occurredAt", Instant.now().toString(), "aggregateType", "Shop", "aggregateId", shopId.toString(),
                "payload", shop)));
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                call(Service.LEADS, Tokens.OPS, "GET", "/routing-directory/shops/" + shopId, null);
                return shopId;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public void close() throws Exception {
        kafka.close();
        for (ServiceProcess process : running.values()) {
            process.stop(Duration.ofSeconds(20));
        }
        infrastructure.close();
    }
}
