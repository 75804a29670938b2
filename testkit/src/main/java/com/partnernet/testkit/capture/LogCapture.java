package com.partnernet.testkit.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of the test's JVM (the service under test runs in it) while open, at every level the service
 * enables: the message, its parameters and the message of every exception in the logged chain (causes and suppressed
 * ones, as a log formatter prints them). For tests that no log line carries personal data.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Logger root = Logger.getLogger("");

    private LogCapture() {
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
        if (record.getParameters() != null) {
            line.append(' ').append(List.of(record.getParameters()));
        }
        appendChain(line, record.getThrown(), Collections.newSetFromMap(new IdentityHashMap<>()));
        lines.add(line.toString());
    }

    private static void appendChain(StringBuilder line, Throwable thrown, Set<Throwable> seen) {
        if (thrown == null || !seen.add(thrown)) {
            return;
        }
        line.append(" | ").append(thrown);
        appendChain(line, thrown.getCause(), seen);
        for (Throwable suppressed : thrown.getSuppressed()) {
            appendChain(line, suppressed, seen);
        }
        if (thrown instanceof java.sql.SQLException sql) {
            appendChain(line, sql.getNextException(), seen);
        }
    }

    /** The lines captured so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The captured lines that contain any of {@code secrets} (ignoring case). */
    public List<String> linesWithAnyOf(String... secrets) {
        return lines().stream().filter(line -> {
            String lower = line.toLowerCase();
            for (String secret : secrets) {
                if (lower.contains(secret.toLowerCase())) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
