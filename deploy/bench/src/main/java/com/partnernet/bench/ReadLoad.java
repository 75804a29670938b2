package com.partnernet.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.partnernet.chaos.SystemUnderTest;
import com.partnernet.testkit.http.ApiClient;
import com.partnernet.testkit.service.Service;

/**
 * Closed-loop read load: {@code connections} clients each send their next request as soon as the last one answered,
 * for a fixed time after a warm-up. The same reads are also run against the plain HTTP anchor ({@link PlainHttpAnchor}:
 * the same SQL, token check and JSON without a framework) and as plain JDBC: the SQL the endpoint runs, by as many
 * threads over a pool as large as the service's (20 connections), without HTTP or JSON.
 */
final class ReadLoad {

    record Result(long requests, long errors, double seconds, double perSecond, Latencies latencies) {
    }

    /** One read as plain SQL: statements with the id as their only parameter. */
    record SqlRead(List<String> statements, UUID id) {
    }

    /** Quarkus's default pool size (quarkus.datasource.jdbc.max-size), which the services keep. */
    static final int SERVICE_POOL_SIZE = 20;

    @FunctionalInterface
    private interface Work {
        /** One operation of worker {@code worker}; true when it succeeded. */
        boolean run(int worker, long sequence) throws Exception;
    }

    private final SystemUnderTest system;
    private final int connections;
    private final Duration warmUp;
    private final Duration measured;

    ReadLoad(SystemUnderTest system, int connections, Duration warmUp, Duration measured) {
        this.system = system;
        this.connections = connections;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    /** GETs of {@code paths} (round robin) against {@code baseUrl} (a service, or the plain HTTP anchor), with a token of {@code role}. */
    Result http(String baseUrl, String role, List<String> paths) throws Exception {
        HttpClient client = ApiClient.httpClient(Duration.ofSeconds(5));
        String authorization = "Bearer " + system.token(role);
        List<HttpRequest> requests = paths.stream().map(path -> HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", authorization).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET().build()).toList();
        return run((worker, sequence) -> {
            HttpResponse<byte[]> response = client.send(requests.get((int) ((worker + sequence) % requests.size())),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200;
        });
    }

    /** The same reads as plain JDBC on the service's database (round robin). */
    Result jdbc(Service service, List<SqlRead> reads) throws Exception {
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(SERVICE_POOL_SIZE);
        for (int i = 0; i < SERVICE_POOL_SIZE; i++) {
            pool.add(system.database(service));
        }
        try {
            return run((worker, sequence) -> {
                SqlRead read = reads.get((int) ((worker + sequence) % reads.size()));
                Connection db = pool.take();
                try {
                    for (String statement : read.statements()) {
                        try (PreparedStatement query = db.prepareStatement(statement)) {
                            query.setObject(1, read.id());
                            try (ResultSet rows = query.executeQuery()) {
                                while (rows.next()) {
                                    rows.getObject(1);
                                }
                            }
                        }
                    }
                } finally {
                    pool.add(db);
                }
                return true;
            });
        } finally {
            for (Connection db : pool) {
                db.close();
            }
        }
    }

    private Result run(Work work) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                Latencies own = new Latencies();
                long sequence = 0;
                try {
                    while (true) {
                        long before = System.nanoTime();
                        if (before >= end) {
                            break;
                        }
                        boolean ok = work.run(worker, sequence++);
                        if (before >= measureFrom) {
                            own.record(System.nanoTime() - before);
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
                latencies.add(own);
            }, "bench-reader-" + w);
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " readers failed, the first with " + failures.get(0),
                    failures.get(0));
        }
        double seconds = measured.toNanos() / 1e9;
        return new Result(latencies.count(), errors.get(), seconds, latencies.count() / seconds, latencies);
    }
}
