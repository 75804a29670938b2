package com.partnernet.local;

import java.nio.file.Path;

/** The local run's fixed default ports, each overridable by an environment variable, and its state folder. */
public record LocalSettings(Path stateDir, int postgresPort, int kafkaPort, int controllerPort) {

    public static LocalSettings fromEnvironment(Path stateDir) {
        return new LocalSettings(stateDir, port("PG_PORT", 15432), port("KAFKA_PORT", 19092),
                port("KAFKA_CONTROLLER_PORT", 19093));
    }

    public Infrastructure.Settings infrastructure() {
        return new Infrastructure.Settings(stateDir, postgresPort, kafkaPort, controllerPort, true);
    }

    public int servicePort(Service service) {
        return port(service.portVariable, service.defaultPort);
    }

    public String bootstrapServers() {
        return KafkaBroker.bootstrapServers(kafkaPort);
    }

    public String jdbcUrl(String database) {
        return Postgres.jdbcUrl(postgresPort, database);
    }

    private static int port(String variable, int defaultPort) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number, not '" + value + "'");
        }
    }
}
