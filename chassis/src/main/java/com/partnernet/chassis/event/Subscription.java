package com.partnernet.chassis.event;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What a consumer takes from a topic: the events of one aggregate type (of some event types only, if named), read as a
 * typed payload and given to a domain method. A versioned subscription applies a payload only when its version is
 * newer than the stored one: an older state never overwrites a newer one. See {@link EventHandler}.
 *
 * @param eventTypes the event types taken; empty: all of the aggregate's
 * @param version the payload's version, null when the subscription is not versioned
 * @param storedVersion the version stored for the payload's aggregate, empty when none is stored
 */
public record Subscription<T>(String aggregateType, Set<String> eventTypes, Class<T> payloadType, Consumer<T> apply,
        ToLongFunction<T> version, Function<T, Optional<Long>> storedVersion) {

    /** Every event of {@code aggregateType}, its payload read as {@code payloadType}, applied by {@code apply}. */
    public static <T> Subscription<T> to(String aggregateType, Class<T> payloadType, Consumer<T> apply) {
        return new Subscription<>(aggregateType, Set.of(), payloadType, apply, null, payload -> Optional.empty());
    }

    /** Only events of these types; the aggregate's others are passed over. */
    public Subscription<T> ofTypes(String... types) {
        return new Subscription<>(aggregateType, Set.of(types), payloadType, apply, version, storedVersion);
    }

    /** Applies a payload only when {@code version} of it is newer than {@code storedVersion}. */
    public Subscription<T> versioned(ToLongFunction<T> payloadVersion, Function<T, Optional<Long>> stored) {
        return new Subscription<>(aggregateType, eventTypes, payloadType, apply, payloadVersion, stored);
    }

    /** Whether this subscription takes the event. */
    public boolean takes(EventEnvelope event) {
        return aggregateType.equals(event.aggregateType()) && (eventTypes.isEmpty() || eventTypes.contains(event.type()));
    }

    /** Whether the payload is older than (or as old as) what is stored: then it is ignored. */
    boolean isStale(T payload) {
        if (version == null) {
            return false;
        }
        long incoming = version.applyAsLong(payload);
        return storedVersion.apply(payload).map(stored -> stored >= incoming).orElse(false);
    }
}
