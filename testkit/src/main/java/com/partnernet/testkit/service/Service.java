package com.partnernet.testkit.service;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import com.partnernet.testkit.infrastructure.Postgres;
import com.partnernet.testkit.infrastructure.TraceViewer;

/** The three services as the local run and the end-to-end tests start them. */
public enum Service {
    PARTNERS("partners-service", "PARTNERS_PORT", 8081, "PARTNERS_MANAGEMENT_PORT", 9081, "partners"),
    LEADS("leads-service", "LEADS_PORT", 8082, "LEADS_MANAGEMENT_PORT", 9082, "leads"),
    TARGETS("targets-service", "TARGETS_PORT", 8083, "TARGETS_MANAGEMENT_PORT", 9083, "targets");

    /**
     * How the local run (and what measures or shakes it) starts a service's JVM. The serial collector with a small
     * initial heap: on two cores it starts faster and idles about 50 MB smaller than G1. The C1 compiler only: on a box
     * whose two cores run three services, Kafka and PostgreSQL, C2 took a third of all CPU compiling for minutes after
     * each start; without it the services start 1-2 s sooner, idle 20-30 MB smaller and at 500 leads/s assign them
     * in a quarter of the time (p99), for 15-20 % less throughput flat out (measured, deploy/bench; README).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-Xms16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The services count days, weeks and years in Berlin (the chassis' business zone), whatever the host's zone. */
    public static final ZoneId CALENDAR_ZONE = ZoneId.of("Europe/Berlin");

    public final String serviceName;
    /** Environment variable that overrides the local run's HTTP port. */
    public final String portVariable;
    public final int defaultPort;
    /** Environment variable that overrides the local run's management port (health and metrics). */
    public final String managementPortVariable;
    public final int defaultManagementPort;
    /** Each service owns its database. */
    public final String database;

    Service(String serviceName, String portVariable, int defaultPort, String managementPortVariable,
            int defaultManagementPort, String database) {
        this.serviceName = serviceName;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.managementPortVariable = managementPortVariable;
        this.defaultManagementPort = defaultManagementPort;
        this.database = database;
    }

    /**
     * How a service is pointed at its database, the broker, the token issuer it trusts (and the public key of it) and
     * (leads-service, for footfall and sales in pilot evaluations) partners-service and targets-service, and the mail
     * server it sends shops' notifications through: plain Quarkus environment variables.
     *
     * @param baseUrl where each other service answers
     */
    public Map<String, String> environment(String jdbcUrl, String bootstrapServers, Function<Service, String> baseUrl,
            String tokenIssuer, Path tokenPublicKey, int smtpPort) {
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", Postgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", Postgres.PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "MP_JWT_VERIFY_ISSUER", tokenIssuer,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokenPublicKey.toAbsolutePath().toString()));
        if (this == LEADS) {
            env.put("QUARKUS_REST_CLIENT_PARTNERS_SERVICE_URL", baseUrl.apply(PARTNERS));
            env.put("QUARKUS_REST_CLIENT_TARGETS_SERVICE_URL", baseUrl.apply(TARGETS));
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(smtpPort));
        }
        return env;
    }

    /** What makes a service send its spans to the trace viewer on {@code port} ({@link TraceViewer}). */
    public static Map<String, String> tracingTo(int traceViewerPort) {
        return Map.of("CHASSIS_TRACING_EXPORT", "zipkin",
                "CHASSIS_TRACING_ZIPKIN_ENDPOINT", TraceViewer.spansEndpoint(traceViewerPort));
    }

    /** The packaged fast-jar below the repository root. */
    public Path jar(Path root) {
        return root.resolve(serviceName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
