package com.partnernet.local;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import com.partnernet.testkit.infrastructure.Infrastructure;
import com.partnernet.testkit.infrastructure.KafkaBroker;
import com.partnernet.testkit.infrastructure.Postgres;
import com.partnernet.testkit.service.Service;

/** The local run's fixed default ports, each overridable by an environment variable, and its state folder. */
public record LocalSettings(Path stateDir, int postgresPort, int kafkaPort, int controllerPort, int smtpPort,
        int mailApiPort, int traceViewerPort) {

    public static LocalSettings fromEnvironment(Path stateDir) {
        return new LocalSettings(stateDir, port("PG_PORT", 15432), port("KAFKA_PORT", 19092),
                port("KAFKA_CONTROLLER_PORT", 19093), port("SMTP_PORT", 2525), port("MAIL_API_PORT", 8025),
                port("TRACE_VIEWER_PORT", 9411));
    }

    /** PostgreSQL and Kafka, durable in the state folder ({@link InfrastructureServer} starts the mail server and trace viewer). */
    public Infrastructure.Settings infrastructure() {
        return new Infrastructure.Settings(stateDir, postgresPort, kafkaPort, controllerPort, smtpPort, mailApiPort,
                traceViewerPort, true, false, false, false);
    }

    public int servicePort(Service service) {
        return port(service.portVariable, service.defaultPort);
    }

    /** Where the service serves health and metrics. */
    public int managementPort(Service service) {
        return port(service.managementPortVariable, service.defaultManagementPort);
    }

    /** Where each service answers in the local run. */
    public Map<Service, String> serviceUrls() {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            urls.put(service, "http://127.0.0.1:" + servicePort(service));
        }
        return urls;
    }

    /** The live dashboard's port (DASHBOARD_PORT). */
    public int dashboardPort() {
        return port("DASHBOARD_PORT", 8080);
    }

    /** The lead simulator's leads per minute (LEAD_RATE; 0 switches it off). */
    public double leadRate() {
        String value = System.getenv("LEAD_RATE");
        if (value == null || value.isBlank()) {
            return 30;
        }
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate >= 0 && rate <= 60_000) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // Reported below, with what is allowed.
        }
        throw new IllegalArgumentException("LEAD_RATE must be leads per minute from 0 (off) to 60000, not '" + value + "'");
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
