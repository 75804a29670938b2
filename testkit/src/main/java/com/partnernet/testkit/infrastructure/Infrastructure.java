package com.partnernet.testkit.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * PostgreSQL, Kafka, a mail server and (when asked for) a trace viewer for the local run and for tests: started in parallel, with one database per
 * service and every {@link Topic} created and answering before anybody produces.
 */
public final class Infrastructure implements AutoCloseable {

    /** Every port {@link #freePort()} handed out in this JVM. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();


    /**
     * Where each part lives; a null state dir means throw-away data in the temp dir.
     *
     * @param mailServer whether to start one (its JVM costs a few seconds of a busy machine's start)
     * @param traceViewer whether to start one (the same)
     * @param statementStatistics PostgreSQL with {@code pg_stat_statements} loaded (for profiling the benchmark)
     */
    public record Settings(Path stateDir, int postgresPort, int kafkaPort, int controllerPort, int smtpPort, int mailApiPort,
            int traceViewerPort, boolean durable, boolean mailServer, boolean traceViewer, boolean statementStatistics) {

        /** Free ports and throw-away data, a mail server and no trace viewer: for tests. */
        public static Settings ephemeral() {
            return ephemeral(false);
        }

        /** Free ports and throw-away data; {@code durable} as a real server commits (for benchmarks). */
        public static Settings ephemeral(boolean durable) {
            return new Settings(null, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), durable, true,
                    false, false);
        }

        /** The same without a mail server: for runs that send no mail. */
        public Settings withoutMailServer() {
            return new Settings(stateDir, postgresPort, kafkaPort, controllerPort, smtpPort, mailApiPort, traceViewerPort,
                    durable, false, traceViewer, statementStatistics);
        }

        /** The same with a trace viewer: for runs that look at traces. */
        public Settings withTraceViewer() {
            return new Settings(stateDir, postgresPort, kafkaPort, controllerPort, smtpPort, mailApiPort, traceViewerPort,
                    durable, mailServer, true, statementStatistics);
        }

        /** The same with PostgreSQL's statement statistics: for profiles. */
        public Settings withStatementStatistics() {
            return new Settings(stateDir, postgresPort, kafkaPort, controllerPort, smtpPort, mailApiPort, traceViewerPort,
                    durable, mailServer, traceViewer, true);
        }
    }

    private final Settings settings;
    private final Path postgresDir;
    private final Path kafkaDir;
    /** The throw-away state of ephemeral settings, deleted on close; null for kept state. */
    private final Path temporaryState;
    /** Null where that part comes from elsewhere (or while a fault scenario has it stopped). */
    private volatile Postgres postgres;
    private volatile KafkaBroker kafka;
    private final MailServer mail;
    private final TraceViewer traceViewer;

    private Infrastructure(Settings settings, Path postgresDir, Path kafkaDir, Path temporaryState, Postgres postgres,
            KafkaBroker kafka, MailServer mail, TraceViewer traceViewer) {
        this.settings = settings;
        this.postgresDir = postgresDir;
        this.kafkaDir = kafkaDir;
        this.temporaryState = temporaryState;
        this.postgres = postgres;
        this.kafka = kafka;
        this.mail = mail;
        this.traceViewer = traceViewer;
    }

    /** Starts both parts. */
    public static Infrastructure start(Settings settings, Collection<String> databases) throws Exception {
        return start(settings, databases, true, true);
    }

    /**
     * Starts the parts asked for (a part not started is expected to come from elsewhere, e.g. the environment).
     * Databases are created on the started PostgreSQL; topics on the started broker.
     */
    public static Infrastructure start(Settings settings, Collection<String> databases, boolean withPostgres,
            boolean withKafka) throws Exception {
        // Throw-away state still lives in a directory of its own, so a part can be stopped and started on it.
        Path temporaryState = settings.stateDir() == null ? Files.createTempDirectory("partnernet-state") : null;
        Path stateDir = settings.stateDir() != null ? settings.stateDir() : temporaryState;
        Path postgresDir = stateDir.resolve("postgres");
        Path kafkaDir = stateDir.resolve("kafka");
        CompletableFuture<Postgres> postgres = !withPostgres ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> {
                    try {
                        return Postgres.start(postgresDir, settings.postgresPort(), settings.durable(), settings.statementStatistics());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        CompletableFuture<KafkaBroker> kafka = !withKafka ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> {
                    try {
                        return KafkaBroker.start(kafkaDir, settings.kafkaPort(), settings.controllerPort());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        // The mail server starts once PostgreSQL answers: its JVM's start would slow PostgreSQL's, which has a deadline.
        CompletableFuture<MailServer> mail = !settings.mailServer() ? CompletableFuture.completedFuture(null)
                : postgres.thenApplyAsync(started -> {
                    try {
                        return MailServer.start(settings.smtpPort(), settings.mailApiPort(), stateDir.resolve("mail.log"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
        CompletableFuture<TraceViewer> traceViewer = !settings.traceViewer() ? CompletableFuture.completedFuture(null)
                : postgres.thenApplyAsync(started -> {
                    try {
                        return TraceViewer.start(settings.traceViewerPort(), stateDir.resolve("trace-viewer.log"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
        Infrastructure infrastructure;
        try {
            infrastructure = new Infrastructure(settings, postgresDir, kafkaDir, temporaryState, postgres.join(),
                    kafka.join(), mail.join(), traceViewer.join());
        } catch (CompletionException e) {
            closeQuietly(postgres);
            closeQuietly(kafka);
            closeQuietly(mail);
            closeQuietly(traceViewer);
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        try {
            if (withPostgres) {
                for (String database : databases) {
                    infrastructure.postgres.ensureDatabase(database);
                }
            }
            if (withKafka) {
                ensureTopics(infrastructure.bootstrapServers());
            }
            return infrastructure;
        } catch (Exception e) {
            infrastructure.close();
            throw e;
        }
    }

    public int smtpPort() {
        return settings.smtpPort();
    }

    public boolean hasMailServer() {
        return mail != null;
    }

    /** The mail server's web API: what each address received. */
    public String mailApiUrl() {
        if (mail == null) {
            throw new IllegalStateException("started without a mail server");
        }
        return mail.apiUrl();
    }

    /** The trace viewer's port (its UI and API: {@link TraceViewer#url(int)}). */
    public int traceViewerPort() {
        if (traceViewer == null) {
            throw new IllegalStateException("started without a trace viewer");
        }
        return settings.traceViewerPort();
    }

    public String bootstrapServers() {
        return KafkaBroker.bootstrapServers(settings.kafkaPort());
    }

    public String jdbcUrl(String database) {
        return Postgres.jdbcUrl(settings.postgresPort(), database);
    }

    /** Starts a new count of PostgreSQL's statement statistics (settings {@link Settings#withStatementStatistics()}). */
    public void resetStatementStatistics() throws SQLException {
        Postgres.resetStatementStatistics(settings.postgresPort());
    }

    /** The statements that took PostgreSQL the most time since the last reset, one line each. */
    public List<String> statementStatistics(int limit) throws SQLException {
        return Postgres.statementStatistics(settings.postgresPort(), limit);
    }

    /** Stops the broker (controlled shutdown); its data stays for {@link #startKafka()}. For fault scenarios. */
    public synchronized void stopKafka() {
        kafka.close();
        kafka = null;
    }

    /** Starts the broker again on the same port and data. */
    public synchronized void startKafka() throws IOException {
        kafka = KafkaBroker.start(kafkaDir, settings.kafkaPort(), settings.controllerPort());
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are cut); its data stays for {@link #startPostgres()}. */
    public synchronized void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    /** Starts PostgreSQL again on the same port and data. */
    public synchronized void startPostgres() throws IOException {
        postgres = Postgres.start(postgresDir, settings.postgresPort(), settings.durable(), settings.statementStatistics());
    }

    /**
     * Creates the missing topics and waits until every partition of every topic answers: producing right after
     * creation can otherwise lose batches (KAFKA-15591 / KAFKA-19880, seen with Kafka 4.1.1).
     */
    public static void ensureTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = java.util.Arrays.stream(Topic.values())
                    .filter(topic -> !existing.contains(topic.topicName))
                    .map(topic -> new NewTopic(topic.topicName, topic.partitions, (short) 1).configs(topic.configs))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            Map<TopicPartition, OffsetSpec> partitions = Topic.latestOffsetsOfAll();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (true) {
                try {
                    admin.listOffsets(partitions).all().get();
                    return;
                } catch (ExecutionException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Topics not ready after 60 s: " + partitions.keySet().stream()
                                .map(TopicPartition::topic).distinct().collect(Collectors.joining(", ")), notYet);
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    /**
     * A port free now that this JVM has not handed out before: the system may offer a port just closed again, and two
     * asked for in a row (a service's API and management port) must differ — a chaos run's restart got the same one
     * for both, so its health checks reached the API and it never looked ready.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port that was not handed out before");
    }

    @Override
    public synchronized void close() throws Exception {
        try {
            if (mail != null) {
                mail.close();
            }
            if (traceViewer != null) {
                traceViewer.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        } finally {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } finally {
                if (temporaryState != null) {
                    deleteRecursively(temporaryState);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void closeQuietly(CompletableFuture<? extends AutoCloseable> part) {
        part.thenAccept(started -> {
            try {
                if (started != null) {
                    started.close();
                }
            } catch (Exception ignored) {
                // Already failing: the start error is the one worth reporting.
            }
        });
    }
}
