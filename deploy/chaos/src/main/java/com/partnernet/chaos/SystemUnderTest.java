package com.partnernet.chaos;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.testkit.http.ApiClient;
import com.partnernet.testkit.infrastructure.Infrastructure;
import com.partnernet.testkit.token.JwtKeys;
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.infrastructure.Postgres;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.service.ServiceProcess;
import com.partnernet.testkit.token.Tokens;
import com.partnernet.testkit.infrastructure.Topic;

/**
 * The system a fault scenario or a benchmark runs against: real PostgreSQL and Kafka from the local run's launcher,
 * and the packaged services as processes that may be killed (SIGKILL) and started again. Invariants are read straight
 * from the databases and topics, never through the services under test.
 */
public final class SystemUnderTest implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofSeconds(90);
    /** How long a graceful stop may take before the process is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path root;
    private final Path logs;
    private final List<String> jvmOptions;
    /** From process start to readiness UP, per instance (its latest start). */
    private final Map<String, Duration> startedIn = new ConcurrentHashMap<>();
    private final Infrastructure infrastructure;
    private final Tokens tokens;
    private final Path tokenPublicKey;
    /** Instances by name: the first instance of a service is named like the service. */
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /** Each instance's management port (health and metrics). */
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Service> instanceOf = new LinkedHashMap<>();
    /** What the scenario sets in every service's environment on top of the local run's settings. */
    private final Map<String, String> environment;
    private final HttpClient http = ApiClient.httpClient(Duration.ofSeconds(5));
    private final KafkaTestClient kafka;
    /** A run stopped early (Ctrl-C) takes its services and infrastructure with it; {@link #close} undoes it otherwise. */
    private final Thread stopOnExit = new Thread(this::stopQuickly, "system-under-test-exit");
    private int starts;

    private SystemUnderTest(Path root, Path logs, Map<String, String> environment, List<String> jvmOptions,
            Infrastructure infrastructure, Tokens tokens, Path tokenPublicKey) {
        this.root = root;
        this.logs = logs;
        this.jvmOptions = jvmOptions;
        this.environment = environment;
        this.infrastructure = infrastructure;
        this.tokens = tokens;
        this.tokenPublicKey = tokenPublicKey;
        this.kafka = new KafkaTestClient(infrastructure.bootstrapServers());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Fresh infrastructure (its own temporary state) with the scenario's services started at once and ready. */
    static SystemUnderTest start(Path root, Scenario scenario) throws Exception {
        return start(root, root.resolve("deploy/chaos/target/chaos-logs").resolve(scenario.name().replaceAll("[^a-z0-9]+", "-")),
                Infrastructure.Settings.ephemeral().withoutMailServer(), scenario.services(), scenario.environment(),
                Service.JVM_OPTIONS, true);
    }

    /**
     * Fresh infrastructure (its own temporary state) with the services started one after the other (so each one's
     * start-to-ready time is its own), each with {@code environment} on top of the local run's settings.
     */
    public static SystemUnderTest start(Path root, Path logs, Infrastructure.Settings settings, List<Service> services,
            Map<String, String> environment, List<String> jvmOptions) throws Exception {
        return start(root, logs, settings, services, environment, jvmOptions, false);
    }

    private static SystemUnderTest start(Path root, Path logs, Infrastructure.Settings settings, List<Service> services,
            Map<String, String> environment, List<String> jvmOptions, boolean together) throws Exception {
        Infrastructure infrastructure = Infrastructure.start(settings,
                services.stream().map(service -> service.database).distinct().toList());
        Path jwt = Files.createTempDirectory("system-jwt");
        SystemUnderTest system = new SystemUnderTest(root, logs, environment, jvmOptions, infrastructure,
                new Tokens(JwtKeys.inFolder(jwt), Tokens.TEST_ISSUER), jwt.resolve(JwtKeys.PUBLIC_KEY_FILE));
        for (Service service : services) {
            system.ports.put(service.serviceName, Infrastructure.freePort());
            system.managementPorts.put(service.serviceName, Infrastructure.freePort());
        }
        try {
            if (together) {
                Map<String, Service> instances = new LinkedHashMap<>();
                services.forEach(service -> instances.put(service.serviceName, service));
                system.launchAndAwait(instances, List.of());
            } else {
                for (Service service : services) {
                    system.launchAndAwait(service, service.serviceName);
                }
            }
        } catch (Exception | Error failed) {
            // A service that does not come up leaves nothing running behind it.
            try {
                system.close();
            } catch (Exception closing) {
                failed.addSuppressed(closing);
            }
            throw failed;
        }
        return system;
    }

    /** Starts one more instance of a service (same database, same consumer groups) and waits until it is ready. */
    void startInstance(Service service, String instance) throws IOException, InterruptedException {
        ports.put(instance, Infrastructure.freePort());
        managementPorts.put(instance, Infrastructure.freePort());
        launchAndAwait(service, instance);
    }

    private void launchAndAwait(Service service, String instance) throws IOException, InterruptedException {
        launchAndAwait(Map.of(instance, service), List.of());
    }

    /**
     * Stops the services' first instances and starts them again all at once, with {@code moreJvmOptions} after the
     * run's, waiting until each is ready (each one's start to ready is then {@link #startedIn}).
     */
    public void restartTogether(List<Service> services, List<String> moreJvmOptions) throws IOException, InterruptedException {
        Map<String, Service> instances = new LinkedHashMap<>();
        List<ServiceProcess> stopping = new ArrayList<>();
        for (Service service : services) {
            Optional.ofNullable(running.remove(service.serviceName)).ifPresent(stopping::add);
            instances.put(service.serviceName, service);
        }
        // All at once: each takes seconds to leave its consumer groups.
        stopping.parallelStream().forEach(process -> process.stop(STOP_GRACE));
        launchAndAwait(instances, moreJvmOptions);
    }

    /** Stops the service's first instance gracefully (it leaves its consumer groups). */
    public void stop(Service service) {
        Optional.ofNullable(running.remove(service.serviceName)).ifPresent(process -> process.stop(STOP_GRACE));
    }

    /** Starts the instances at once and waits for each, noting when each one became ready. */
    private void launchAndAwait(Map<String, Service> instances, List<String> moreJvmOptions)
            throws IOException, InterruptedException {
        long launched = System.nanoTime();
        for (Map.Entry<String, Service> instance : instances.entrySet()) {
            launch(instance.getValue(), instance.getKey(), moreJvmOptions);
        }
        ExecutorService waiters = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<?>> waits = new ArrayList<>();
            for (String instance : instances.keySet()) {
                waits.add(waiters.submit(() -> {
                    running.get(instance).awaitReady(READY);
                    startedIn.put(instance, Duration.ofNanos(System.nanoTime() - launched));
                    return null;
                }));
            }
            for (Future<?> wait : waits) {
                wait.get();
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException notReady) {
                throw notReady;
            }
            throw new IllegalStateException(failed.getCause());
        } finally {
            waiters.shutdownNow();
        }
    }

    private void launch(Service service, String instance, List<String> moreJvmOptions) throws IOException {
        starts++;
        instanceOf.put(instance, service);
        Map<String, String> env = service.environment(infrastructure.jdbcUrl(service.database),
                infrastructure.bootstrapServers(), other -> "http://127.0.0.1:" + ports.getOrDefault(other.serviceName, 9),
                Tokens.TEST_ISSUER, tokenPublicKey, infrastructure.smtpPort());
        if (service == Service.LEADS && !infrastructure.hasMailServer()) {
            // No mail server to send shops' mails to: they stay written, unsent (the end-to-end test sends them).
            env.put("LEADS_NOTIFICATIONS_SEND_INTERVAL", "off");
        }
        env.putAll(environment);
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(moreJvmOptions);
        running.put(instance, ServiceProcess.start(instance, service.jar(root), ports.get(instance),
                managementPorts.get(instance), env, options, logs.resolve(instance + "-" + starts + ".log"), false));
    }

    /** SIGKILL: no shutdown hook, no graceful close of consumers, transactions or producers. */
    void kill(String instance) {
        ProcessHandle handle = ProcessHandle.of(running.get(instance).pid()).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().join();
    }

    void kill(Service service) {
        kill(service.serviceName);
    }

    /**
     * Takes the service down each time {@code progress} (what it counts: {@code counted}) reaches the next takedown's
     * threshold and starts it again, noting each in {@code faults}; a threshold not reached within {@code giveUp} ends
     * it (noted too: nothing was proved). A graceful stop that took longer than {@link Takedown#STOP_WITHIN} is noted
     * and not done as planned.
     *
     * @return the takedowns done as planned
     */
    int takeDownAt(Service service, List<Takedown> takedowns, Progress progress, String counted, Duration giveUp,
            List<String> faults) throws Exception {
        int done = 0;
        for (Takedown takedown : takedowns) {
            if (!progress.await(takedown.at(), giveUp)) {
                faults.add("no " + takedown.signal() + ": never " + takedown.at() + " " + counted);
                break;
            }
            long then = progress.count();
            if (takedown.graceful()) {
                long stopping = System.nanoTime();
                stop(service);
                Duration stoppedIn = Duration.ofNanos(System.nanoTime() - stopping);
                faults.add(String.format("SIGTERM at %d %s, stopped in %.1f s", then, counted, stoppedIn.toMillis() / 1000.0));
                if (stoppedIn.compareTo(Takedown.STOP_WITHIN) > 0) {
                    faults.add("the stop took longer than " + Takedown.STOP_WITHIN.toSeconds() + " s");
                } else {
                    done++;
                }
            } else {
                kill(service);
                faults.add("SIGKILL at " + then + " " + counted);
                done++;
            }
            restart(service);
        }
        return done;
    }

    /** Starts the service again on its port and waits until it is ready. */
    void restart(Service service) throws IOException, InterruptedException {
        launchAndAwait(service, service.serviceName);
    }

    /** How long the service's first instance took from process start to readiness UP (its latest start). */
    public Duration startedIn(Service service) {
        return startedIn.get(service.serviceName);
    }

    /** The names of a service's instances, the first one named like the service. */
    List<String> instances(Service service) {
        return instanceOf.entrySet().stream().filter(entry -> entry.getValue() == service).map(Map.Entry::getKey)
                .toList();
    }

    public long pid(String instance) {
        return running.get(instance).pid();
    }

    public String url(Service service) {
        return running.get(service.serviceName).baseUrl();
    }

    /** Where the service's first instance serves health and metrics. */
    public String managementUrl(Service service) {
        return running.get(service.serviceName).managementUrl();
    }

    /** Whether the service's first instance answers UP on its readiness probe right now. */
    boolean ready(Service service) {
        return ServiceProcess.isReady(managementPorts.get(service.serviceName));
    }

    /** The public key the services verify tokens with (the identity provider's, here this run's). */
    public Path tokenPublicKey() {
        return tokenPublicKey;
    }

    /** The infrastructure, for scenarios that stop and start the broker or the database. */
    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public Connection database(Service service) throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(service.database), Postgres.USER, Postgres.PASSWORD);
    }

    /** One count from a service's database. */
    public long count(Service service, String sql, Object... parameters) throws SQLException {
        return ((Number) single(service, sql, parameters)).longValue();
    }

    /** One text from a service's database (null when the query finds no row). */
    String text(Service service, String sql, Object... parameters) throws SQLException {
        return (String) single(service, sql, parameters);
    }

    /** The first column of the first row, on a connection of its own (so it works again after a restart). */
    private Object single(Service service, String sql, Object... parameters) throws SQLException {
        try (Connection db = database(service); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        }
    }

    public KafkaTestClient kafka() {
        return kafka;
    }

    /**
     * Rows per table of a service's database (without the migration history and the relay's lease, which change
     * by themselves): to see whether anything was written.
     */
    Map<String, Long> rowCounts(Service service) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = database(service); Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' "
                    + "and table_name not in ('flyway_schema_history', 'outbox_relay_lease')")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                    rows.next();
                    counts.put(service.serviceName + "." + table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Records on each topic so far (end offsets summed over partitions). */
    Map<String, Long> topicEnds() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()))) {
            Map<String, Long> ends = new TreeMap<>();
            admin.listOffsets(Topic.latestOffsetsOfAll()).all().get().forEach((partition, offset) ->
                    ends.merge(partition.topic(), offset.offset(), Long::sum));
            return ends;
        }
    }

    /** How many partitions each member of a consumer group holds now, by member id. */
    Map<String, Integer> groupMembers(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return description.members().stream().collect(Collectors.toMap(MemberDescription::consumerId,
                    member -> member.assignment().topicPartitions().size()));
        }
    }

    /** The envelope's payload of an event record (missing when the value is no envelope). */
    public static JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("payload");
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** How many events are on a topic more than once (by event id): each one a publisher that ran twice. */
    static long publishedTwice(List<ConsumerRecord<String, String>> events) {
        return events.stream()
                .collect(Collectors.groupingBy(record -> KafkaTestClient.header(record, "eventId"), Collectors.counting()))
                .values().stream().filter(count -> count > 1).count();
    }

    /** A producer as a marketing system would run it: acks from all replicas, idempotent, keyed records. */
    public KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(2 * 1024 * 1024));
        // It outlasts a broker restart, as a marketing system must: while the broker is stopped for 60 s, a load of
        // 1,000 leads a second waits in its buffer. With the defaults (32 MB, a minute's block, two minutes to deliver)
        // one send of a full-size run failed once; the scenario's detail now names the first failed send's reason.
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "180000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
        return new KafkaProducer<>(config);
    }

    /** A bearer token of the role (the services trust the scenario's key). */
    public String token(String role) {
        return tokens.forRole(role);
    }

    /** Any request, as it is: the answer whatever its status (UTF-8 body). */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A REST call as the given role; returns the body, fails on an error status. */
    public String call(Service service, String role, String method, String path, Object body)
            throws IOException, InterruptedException {
        return new ApiClient(tokens.forRole(role)).send(method, url(service) + path, body);
    }

    /** Tells leads-service's directory about an open shop the way partners-service does, and waits until it knows. */
    public UUID publishShop(String postalPrefix, int weeklyCapacity) throws Exception {
        UUID shopId = UUID.randomUUID();
        Map<String, Object> shop = Map.ofEntries(Map.entry("id", shopId.toString()),
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
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        kafka.close();
        // All at once: each hands its work over on its own.
        running.values().parallelStream().forEach(process -> process.stop(STOP_GRACE));
        infrastructure.close();
    }

    private void stopQuickly() {
        running.values().forEach(process -> process.stop(Duration.ofSeconds(2)));
        try {
            infrastructure.close();
        } catch (Exception e) {
            System.err.println("Stopping the infrastructure: " + e);
        }
    }
}
