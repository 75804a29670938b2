package com.partnernet.targets.closure;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.partnernet.chassis.event.EventHandler;
import com.partnernet.chassis.event.Subscription;
import com.partnernet.chassis.shutdown.Drained;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * partners.shop-events into shop closures: Shop events (field teams are passed over); a record that is not a valid
 * event (or keeps failing) goes to targets.shop-events.dlq with the reason.
 */
@ApplicationScoped
public class ShopEventsConsumer {

    static final String CONSUMER = "targets-closures";

    private final EventHandler handler;
    private final List<Subscription<?>> subscriptions;

    public ShopEventsConsumer(EventHandler handler, ClosureService closures) {
        this.handler = handler;
        this.subscriptions = List.of(Subscription.to("Shop", ShopPayload.class, closures::apply)
                .versioned(ShopPayload::version, closures::storedVersion));
    }

    @Drained
    @Incoming("shop-events")
    @Blocking
    public void onShopEvent(String record, IncomingKafkaRecordMetadata<String, String> origin) {
        handler.handle(CONSUMER, record, origin, subscriptions);
    }
}
