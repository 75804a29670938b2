package com.partnernet.chassis.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Trace context where Quarkus' automatic instrumentation does not reach: through an outbox row (a W3C
 * {@code traceparent} kept with the event) and the headers of records the outbox relay produces and the consumers
 * take a poll at a time. One span per record: {@code publish <topic> <event type>} as the relay sends it,
 * {@code process <topic> <event type>} as a consumer applies it, each in the trace of what caused the event (the event
 * type in the name: what a reader of a trace looks for, and a short list).
 */
@ApplicationScoped
public class Traces {

    public static final String TRACEPARENT = "traceparent";

    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    /** The consumer's name (what its processed event ids are kept under). */
    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("partnernet.consumer");
    static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.kafka.partition");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** The envelope's event type (LeadWon, ...): what a reader of the trace looks for. */
    public static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("partnernet.event.type");

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return () -> Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public Traces(Tracer tracer, OpenTelemetry openTelemetry) {
        this.tracer = tracer;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The current span as a W3C {@code traceparent} (what an outbox row or a lead keeps), or null without one. */
    public static String currentTraceParent() {
        return traceParent(Span.current());
    }

    /** A span's context as a W3C {@code traceparent}, or null for an invalid one. */
    public static String traceParent(Span span) {
        if (!span.getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The trace id of a W3C {@code traceparent} (version-traceid-spanid-flags), or null for none. */
    public static String traceId(String traceParent) {
        return traceParent == null ? null : traceParent.substring(3, 35);
    }

    /** The context a kept {@code traceparent} names (the root context for null or a malformed one). */
    static Context fromTraceParent(String traceParent) {
        return traceParent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceParent), MAP);
    }

    /**
     * A span for the relay sending one event: a child of the context its row kept, its own context written into the
     * record's headers. The caller ends it once the Kafka transaction is settled.
     */
    public Span startPublish(String topic, String traceParent, String eventId, String eventType, Headers headers) {
        Span span = tracer.spanBuilder("publish " + topic + " " + eventType)
                .setParent(fromTraceParent(traceParent))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "send")
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType)
                .startSpan();
        headers.remove(TRACEPARENT);
        propagator.inject(Context.root().with(span), headers,
                (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /**
     * A span for a consumer processing one record: a child of the context in its headers (the producer's), started
     * now. The caller makes it current while it works and ends it.
     */
    public Span startProcess(IncomingKafkaRecordMetadata<?, ?> record, String consumer) {
        String type = HEADERS.get(record.getHeaders(), EventEnvelope.TYPE_HEADER);
        SpanBuilder builder = tracer.spanBuilder("process " + record.getTopic() + (type == null ? "" : " " + type))
                .setParent(propagator.extract(Context.root(), record.getHeaders(), HEADERS))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, record.getTopic())
                .setAttribute(OPERATION, "process")
                .setAttribute(CONSUMER, consumer)
                .setAttribute(PARTITION, (long) record.getPartition())
                .setAttribute(OFFSET, record.getOffset());
        if (type != null) {
            builder.setAttribute(EVENT_TYPE, type);
        }
        String eventId = HEADERS.get(record.getHeaders(), EventEnvelope.EVENT_ID_HEADER);
        if (eventId != null) {
            builder.setAttribute(MESSAGE_ID, eventId);
        }
        return builder.startSpan();
    }

    /** Runs {@code work} with the record's processing span current, recording a failure on it. */
    public <T> T process(IncomingKafkaRecordMetadata<?, ?> record, String consumer, Supplier<T> work) {
        Span span = startProcess(record, consumer);
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Runs {@code work} in the trace {@code traceParent} names — an aggregate's own trace, kept with it — so the events
     * it publishes continue that trace. When the caller works in another trace (a request about the aggregate), a span
     * {@code name} in the aggregate's trace links to the caller's; without a trace of its own, {@code work} runs as is.
     */
    public void inTraceOf(String traceParent, String name, Runnable work) {
        Context kept = fromTraceParent(traceParent);
        SpanContext keptSpan = Span.fromContext(kept).getSpanContext();
        SpanContext caller = Span.current().getSpanContext();
        if (!keptSpan.isValid() || keptSpan.getTraceId().equals(caller.getTraceId())) {
            work.run();
            return;
        }
        if (!caller.isValid()) {
            try (Scope scope = kept.makeCurrent()) {
                work.run();
            }
            return;
        }
        Span span = tracer.spanBuilder(name).setParent(kept).addLink(caller).startSpan();
        try (Scope scope = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Marks a span failed: with a dead-letter reason (which names fields and ids, never their values), or else only the
     * exception's class — a message of another exception may quote what a customer entered.
     */
    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure instanceof PoisonMessageException ? failure.getMessage()
                : failure.getClass().getName());
        span.setAttribute(ERROR_TYPE, failure.getClass().getName());
    }
}
