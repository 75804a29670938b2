package com.partnernet.chassis.tracing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * The span exporter chosen at start by {@code chassis.tracing.export}, so one build serves the local run (Zipkin),
 * Kubernetes (OTLP to a collector) and tests and benchmarks (none). Quarkus hands every {@link SpanExporter} bean that
 * is looked up to the SDK and leaves its own OTLP exporter out while there is one: for otlp neither bean below is
 * looked up. The values are lower case, as the lookups compare them.
 */
@Singleton
public class TraceExport {

    @Produces
    @Singleton
    @LookupIfProperty(name = "chassis.tracing.export", stringValue = "zipkin")
    SpanExporter zipkin(TracingConfig config) {
        String endpoint = config.zipkinEndpoint().orElseThrow(() -> new IllegalStateException(
                "chassis.tracing.export=zipkin needs chassis.tracing.zipkin-endpoint (CHASSIS_TRACING_ZIPKIN_ENDPOINT)"));
        return ZipkinSpanExporter.builder().setSender(URLConnectionSender.create(endpoint)).build();
    }

    @Produces
    @Singleton
    @LookupIfProperty(name = "chassis.tracing.export", stringValue = "none", lookupIfMissing = true)
    SpanExporter none() {
        return SpanExporter.composite();
    }
}
