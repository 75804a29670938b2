package com.partnernet.chassis.event;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * The middle of every consumer, between its transport (a class with {@code @Incoming} that settles the poll) and a
 * domain method taking a typed payload: parse the envelope, pick the subscription, read and validate the payload, and
 * in one transaction with the effect: skip a redelivered event (by its id), skip a payload not newer than the stored
 * state, apply. A record that can never be processed fails at once with a {@link PoisonMessageException} (its reason
 * for the dead-letter topic); a passing failure (database away) is retried, backing off, for up to
 * {@link PoisonMessageException#RETRY_MINUTES} minutes, then it fails too.
 */
@ApplicationScoped
public class EventHandler {

    private final ObjectMapper mapper;
    private final RecordValidator validator;
    private final ProcessedEvents processedEvents;
    private final Traces traces;

    public EventHandler(ObjectMapper mapper, RecordValidator validator, ProcessedEvents processedEvents, Traces traces) {
        this.mapper = mapper;
        this.validator = validator;
        this.processedEvents = processedEvents;
        this.traces = traces;
    }

    /**
     * Handles one record for {@code consumer} (the name its processed event ids are kept under), in a span of the
     * trace its producer's headers carry ({@code origin}); events no subscription takes are passed over.
     */
    @Retry(maxRetries = -1, maxDuration = PoisonMessageException.RETRY_MINUTES, durationUnit = ChronoUnit.MINUTES,
            delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonMessageException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void handle(String consumer, String record, IncomingKafkaRecordMetadata<?, ?> origin,
            List<Subscription<?>> subscriptions) {
        traces.process(origin, consumer, () -> {
            EventEnvelope event = EventEnvelope.parse(mapper, record);
            subscriptions.stream().filter(subscription -> subscription.takes(event)).findFirst().ifPresentOrElse(
                    subscription -> apply(consumer, event, subscription),
                    () -> Log.debugf("%s %s of %s is not for %s, passed over", event.type(), event.eventId(),
                            event.aggregateType(), consumer));
            return null;
        });
    }

    /**
     * Hands one record to a live view (a stream to clients) without the durable consumers' bookkeeping: no
     * transaction, no processed-event check, no retry — a view keeps nothing. Events of other aggregate types are
     * passed over; a record it cannot read is skipped with its reason logged (the topic's durable consumers dead-letter
     * it).
     */
    public <T> void view(String record, String aggregateType, Class<T> payloadType, BiConsumer<EventEnvelope, T> apply) {
        try {
            EventEnvelope event = EventEnvelope.parse(mapper, record);
            if (aggregateType.equals(event.aggregateType())) {
                apply.accept(event, validator.read(event.payload(), payloadType,
                        event.aggregateType() + " payload of " + event.type() + " " + event.eventId()));
            }
        } catch (PoisonMessageException e) {
            Log.warnf("A record no live view can show, skipped: %s", e.getMessage());
        }
    }

    /**
     * Runs {@code work} that handles a whole poll at once (its own records' faults are its answer, not exceptions),
     * retrying a passing failure as {@link #handle} does.
     */
    @Retry(maxRetries = -1, maxDuration = PoisonMessageException.RETRY_MINUTES, durationUnit = ChronoUnit.MINUTES,
            delay = 1, delayUnit = ChronoUnit.SECONDS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public <R> R retrying(Supplier<R> work) {
        return work.get();
    }

    private <T> void apply(String consumer, EventEnvelope event, Subscription<T> subscription) {
        T payload = validator.read(event.payload(), subscription.payloadType(),
                event.aggregateType() + " payload of " + event.type() + " " + event.eventId());
        QuarkusTransaction.requiringNew().run(() -> {
            if (!processedEvents.firstDelivery(consumer, event.eventId())) {
                Log.debugf("%s %s already handled by %s", event.type(), event.eventId(), consumer);
                return;
            }
            if (subscription.isStale(payload)) {
                Log.debugf("%s %s of %s %s: not newer than the stored state, ignored", event.type(), event.eventId(),
                        event.aggregateType(), event.aggregateId());
                return;
            }
            subscription.apply().accept(payload);
        });
    }
}
