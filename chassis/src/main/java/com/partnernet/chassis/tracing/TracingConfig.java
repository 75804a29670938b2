package com.partnernet.chassis.tracing;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where a service's spans go (see {@link TraceExport}). */
@ConfigMapping(prefix = "chassis.tracing")
public interface TracingConfig {

    enum Export {
        /** Quarkus' OTLP exporter, to {@code quarkus.otel.exporter.otlp.traces.endpoint} (a collector on Kubernetes). */
        OTLP,
        /** To a Zipkin server at {@link #zipkinEndpoint()} (the local run's trace viewer). */
        ZIPKIN,
        /** Nowhere: spans and their ids (in logs, in records' headers) still exist, nothing is sent. */
        NONE
    }

    /** Where spans go (none by default); read at start: Quarkus' exporter choice is fixed at build time, this one not. */
    Export export();

    /** The Zipkin server's span endpoint, e.g. {@code http://127.0.0.1:9411/api/v2/spans}; needed for ZIPKIN. */
    Optional<String> zipkinEndpoint();
}
