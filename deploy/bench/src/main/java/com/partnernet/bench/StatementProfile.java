package com.partnernet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import com.partnernet.chaos.SystemUnderTest;

/**
 * PostgreSQL's statement statistics of one load ({@code BENCH_PG_STATEMENTS=true}): counted from {@link #begin()},
 * the statements that took the most time written to {@code pg-statements-<load>.txt} in the log folder at
 * {@link #end}. Does nothing when not asked for.
 */
final class StatementProfile {

    private static final int STATEMENTS = 30;

    private final SystemUnderTest system;
    private final boolean enabled;
    private final Path folder;

    StatementProfile(SystemUnderTest system, boolean enabled, Path folder) {
        this.system = system;
        this.enabled = enabled;
        this.folder = folder;
    }

    void begin() throws SQLException {
        if (enabled) {
            system.infrastructure().resetStatementStatistics();
        }
    }

    void end(String load) throws SQLException, IOException {
        if (enabled) {
            Files.createDirectories(folder);
            Path file = folder.resolve("pg-statements-" + load + ".txt");
            Files.write(file, system.infrastructure().statementStatistics(STATEMENTS));
            System.out.println("PostgreSQL's statements under " + load + ": " + file);
        }
    }
}
