package com.partnernet.partners.shop;

import java.time.Instant;
import java.util.UUID;

/**
 * A shop's full current state: what the API answers and what every shop event carries, so a consumer can rebuild
 * its copy of the shop directory from the latest event per shop alone. {@code version} grows with every change.
 */
public record ShopSnapshot(
        UUID shopId,
        UUID partnerId,
        String name,
        String postalCode,
        String city,
        double latitude,
        double longitude,
        ShopStatus status,
        long version,
        Instant updatedAt) {

    static ShopSnapshot of(Shop shop) {
        return new ShopSnapshot(shop.id, shop.partnerId, shop.name, shop.postalCode, shop.city, shop.latitude,
                shop.longitude, shop.status, shop.version, shop.updatedAt);
    }
}
