package com.partnernet.partners.shop;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.outbox.Outbox;

/** What the shop domain publishes on {@value #TOPIC}: keyed by shop id, each event with the shop's full state. */
@ApplicationScoped
public class ShopEvents {

    public static final String TOPIC = "partners.shop-events";
    static final String AGGREGATE = "Shop";
    static final String SHOP_OPENED = "ShopOpened";
    static final String SHOP_UPDATED = "ShopUpdated";

    private final Outbox outbox;

    public ShopEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void opened(ShopSnapshot shop) {
        publish(SHOP_OPENED, shop);
    }

    void updated(ShopSnapshot shop) {
        publish(SHOP_UPDATED, shop);
    }

    private void publish(String type, ShopSnapshot shop) {
        outbox.publish(TOPIC, AGGREGATE, shop.shopId().toString(), type, 1, shop);
    }
}
