package com.partnernet.leads.directory;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.partnernet.chassis.event.EventHandler;
import com.partnernet.chassis.event.Subscription;
import com.partnernet.chassis.shutdown.Drained;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * partners.shop-events into the routing directory: Shop and FieldTeam events, each with the aggregate's full state. A
 * record that is not a valid event (or keeps failing) goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class ShopEventsConsumer {

    static final String CONSUMER = "leads-directory";

    private final EventHandler handler;
    private final List<Subscription<?>> subscriptions;

    public ShopEventsConsumer(EventHandler handler, DirectoryService directory) {
        this.handler = handler;
        this.subscriptions = List.of(
                Subscription.to("Shop", ShopPayload.class, directory::apply)
                        .versioned(ShopPayload::version, directory::storedVersion),
                Subscription.to("FieldTeam", TeamPayload.class, directory::apply)
                        .versioned(TeamPayload::version, directory::storedVersion));
    }

    @Drained
    @Incoming("shop-events")
    @Blocking
    public void onShopEvent(String record, IncomingKafkaRecordMetadata<String, String> origin) {
        handler.handle(CONSUMER, record, origin, subscriptions);
    }
}
