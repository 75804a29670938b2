package com.partnernet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import com.partnernet.testkit.infrastructure.Infrastructure;
import com.partnernet.testkit.infrastructure.MailServer;
import com.partnernet.testkit.infrastructure.TraceViewer;
import com.partnernet.testkit.service.Service;

/**
 * The local run's infrastructure as a JVM of its own: PostgreSQL (durable, data kept in the state folder), a Kafka
 * broker, one database per service and every topic; then the mail server and the trace viewer. Writes
 * {@link #STORES_READY_FILE} once PostgreSQL and Kafka answer (all the services need to start, so they start beside
 * the other two, which take seconds of their own) and {@link #READY_FILE} once everything does; stops all of it
 * cleanly on SIGTERM.
 */
public final class InfrastructureServer {

    public static final String STORES_READY_FILE = "infrastructure-stores.ready";
    public static final String READY_FILE = "infrastructure.ready";

    public static void main(String[] args) throws Exception {
        LocalSettings settings = LocalSettings.fromEnvironment(Path.of(args[0]));
        Path storesReady = settings.stateDir().resolve(STORES_READY_FILE);
        Path ready = settings.stateDir().resolve(READY_FILE);
        Files.deleteIfExists(storesReady);
        Files.deleteIfExists(ready);
        Infrastructure infrastructure = Infrastructure.start(settings.infrastructure(),
                Arrays.stream(Service.values()).map(service -> service.database).toList());
        Files.writeString(storesReady, "kafka=" + infrastructure.bootstrapServers() + "\npostgres="
                + infrastructure.jdbcUrl("postgres") + "\n");
        CompletableFuture<MailServer> mail = CompletableFuture.supplyAsync(() -> started(() -> MailServer.start(
                settings.smtpPort(), settings.mailApiPort(), settings.stateDir().resolve("mail.log"))));
        CompletableFuture<TraceViewer> traceViewer = CompletableFuture.supplyAsync(() -> started(() -> TraceViewer.start(
                settings.traceViewerPort(), settings.stateDir().resolve("trace-viewer.log"))));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
                Files.deleteIfExists(storesReady);
                for (CompletableFuture<? extends AutoCloseable> helper : List.of(mail, traceViewer)) {
                    AutoCloseable started = helper.exceptionally(failed -> null).getNow(null);
                    if (started != null) {
                        started.close();
                    }
                }
                infrastructure.close();
            } catch (Exception e) {
                System.err.println("Stopping the infrastructure failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "infrastructure-stop"));
        String mailApi;
        try {
            mailApi = mail.join().apiUrl();
            traceViewer.join();
        } catch (CompletionException e) {
            System.err.println("Starting the mail server or the trace viewer failed: " + e.getCause());
            System.exit(1);
            return;
        }
        Files.writeString(ready, Files.readString(storesReady) + "mail=" + mailApi + "\ntraces="
                + TraceViewer.url(settings.traceViewerPort()) + "\n");
        System.out.println("Infrastructure ready: Kafka " + infrastructure.bootstrapServers() + ", PostgreSQL "
                + infrastructure.jdbcUrl("<database>") + ", mail " + mailApi + ", traces " + TraceViewer.url(settings.traceViewerPort()));
        stopped.await();
    }

    /** A helper server's start, whose failure ends this JVM (the launcher reports its log). */
    private interface Start<T> {
        T start() throws IOException, InterruptedException;
    }

    private static <T> T started(Start<T> start) {
        try {
            return start.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
