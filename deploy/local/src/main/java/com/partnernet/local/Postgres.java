package com.partnernet.local;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from the binaries in a Maven artifact (zonky), on loopback. */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;
    private final int port;

    private Postgres(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param dataDir where the cluster lives between runs; null for a throw-away cluster
     * @param durable fsync and synchronous commit on (zonky turns them off for speed): a restart must not lose
     *        committed data in the local run; tests do not need it
     */
    public static Postgres start(Path dataDir, int port, boolean durable) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Statistics keep up with a campaign burst into a young table (see leads-service's migration V4).
                .setServerConfig("autovacuum_naptime", "10s")
                // Two cores shared with the broker and services still stopping: 10 s is not always enough.
                .setPGStartupWait(Duration.ofSeconds(30));
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        if (durable) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return new Postgres(builder.start(), port);
    }

    /** Where clients reach a database of this launcher's server on {@code port}. */
    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database unless it exists: each service owns one. */
    public void ensureDatabase(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, PASSWORD)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "") + "\"");
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
