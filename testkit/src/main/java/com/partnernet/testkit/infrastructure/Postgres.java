package com.partnernet.testkit.infrastructure;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
     * @param statementStatistics {@code pg_stat_statements} loaded, to profile (see {@link #statementStatistics})
     */
    public static Postgres start(Path dataDir, int port, boolean durable, boolean statementStatistics) throws IOException {
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
        if (statementStatistics) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
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

    /**
     * Starts a new count of the server's statement statistics ({@code pg_stat_statements}, which the server must have
     * been started with).
     */
    public static void resetStatementStatistics(int port) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /** The {@code limit} statements of every database that took the most time since the last reset, one line each. */
    public static List<String> statementStatistics(int port, int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, PASSWORD);
                PreparedStatement top = connection.prepareStatement("""
                        select d.datname, s.calls, s.total_exec_time, s.mean_exec_time, s.rows,
                               left(regexp_replace(s.query, '\\s+', ' ', 'g'), 1000)
                        from pg_stat_statements s join pg_database d on d.oid = s.dbid
                        where s.query not like '%pg_stat_statements%'
                        order by s.total_exec_time desc limit ?""")) {
            top.setInt(1, limit);
            try (ResultSet rows = top.executeQuery()) {
                while (rows.next()) {
                    lines.add(String.format(Locale.ROOT, "%-9s %9d calls %9.0f ms %8.3f ms each %9d rows  %s",
                            rows.getString(1), rows.getLong(2), rows.getDouble(3), rows.getDouble(4), rows.getLong(5),
                            rows.getString(6)));
                }
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
