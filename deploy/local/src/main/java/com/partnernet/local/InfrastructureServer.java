package com.partnernet.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The local run's infrastructure as a JVM of its own: PostgreSQL (durable, data kept in the state folder), a Kafka
 * broker, one database per service and every topic. Writes a ready file once everything answers; stops both
 * cleanly on SIGTERM.
 */
public final class InfrastructureServer {

    public static final String READY_FILE = "infrastructure.ready";

    public static void main(String[] args) throws Exception {
        LocalSettings settings = LocalSettings.fromEnvironment(Path.of(args[0]));
        Path ready = settings.stateDir().resolve(READY_FILE);
        Files.deleteIfExists(ready);
        Infrastructure infrastructure = Infrastructure.start(settings.infrastructure(),
                Arrays.stream(Service.values()).map(service -> service.database).toList());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
                infrastructure.close();
            } catch (Exception e) {
                System.err.println("Stopping the infrastructure failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "infrastructure-stop"));
        Files.writeString(ready, "kafka=" + infrastructure.bootstrapServers() + "\npostgres="
                + infrastructure.jdbcUrl("postgres") + "\n");
        System.out.println("Infrastructure ready: Kafka " + infrastructure.bootstrapServers() + ", PostgreSQL "
                + infrastructure.jdbcUrl("<database>") + ", mail " + infrastructure.mailApiUrl());
        stopped.await();
    }
}
