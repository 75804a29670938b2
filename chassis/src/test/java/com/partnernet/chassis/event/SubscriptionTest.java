package com.partnernet.chassis.event;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Which events a consumer takes, and which states are too old to apply, without a broker or database. */
class SubscriptionTest {

    private record State(long version) {
    }

    @Test
    void aSubscriptionTakesItsAggregatesEventsOfTheNamedTypesOnly() {
        Subscription<State> shops = Subscription.to("Shop", State.class, state -> {
        });
        assertTrue(shops.takes(event("Shop", "ShopOpened")));
        assertFalse(shops.takes(event("FieldTeam", "ShopOpened")));
        Subscription<State> won = shops.ofTypes("LeadWon");
        assertTrue(won.takes(event("Shop", "LeadWon")));
        assertFalse(won.takes(event("Shop", "LeadLost")));
    }

    @Test
    void aVersionedSubscriptionAppliesOnlyStatesNewerThanTheStoredOne() {
        Subscription<State> stored3 = Subscription.to("Shop", State.class, state -> {
        }).versioned(State::version, state -> Optional.of(3L));
        assertTrue(stored3.isStale(new State(2)));
        assertTrue(stored3.isStale(new State(3)));
        assertFalse(stored3.isStale(new State(4)));
        Subscription<State> nothingStored = Subscription.to("Shop", State.class, state -> {
        }).versioned(State::version, state -> Optional.empty());
        assertFalse(nothingStored.isStale(new State(0)));
        assertFalse(Subscription.to("Shop", State.class, state -> {
        }).isStale(new State(0)), "an unversioned subscription applies every state");
    }

    private static EventEnvelope event(String aggregateType, String type) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), aggregateType, UUID.randomUUID().toString(),
                JsonNodeFactory.instance.objectNode());
    }
}
