package com.partnernet.partners.shop;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.outbox.Outbox;

/** What the shop domain publishes on {@value #TOPIC}: keyed by shop id, each event with the shop's full state. */
@ApplicationScoped
public class ShopEvents {

    public static final String TOPIC = "partners.shop-events";
    static final String AGGREGATE = "Shop";

    /** The event types, one per kind of change a consumer may care about. */
    public enum Type {
        ShopOpened,
        ShopUpdated,
        ShopFormatChanged,
        ShopCatchmentChanged,
        ShopCapacityChanged,
        ShopTemporarilyClosed,
        ShopReopened,
        ShopClosed
    }

    private final Outbox outbox;

    public ShopEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void publish(Type type, ShopSnapshot shop) {
        outbox.publish(TOPIC, AGGREGATE, shop.id().toString(), type.name(), 1, shop);
    }
}
