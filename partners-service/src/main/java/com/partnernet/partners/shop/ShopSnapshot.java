package com.partnernet.partners.shop;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

/**
 * A shop's full current state: what the API answers and what every shop event carries, so a consumer can rebuild
 * its copy of the shop directory from the latest event per shop alone. {@code version} grows with every change
 * and is the shop's ETag.
 */
public record ShopSnapshot(
        UUID id,
        UUID partnerId,
        String name,
        String street,
        String postalCode,
        String city,
        String state,
        double latitude,
        double longitude,
        StoreFormat format,
        Set<Segment> segments,
        Set<ProductLine> productLines,
        Set<String> catchment,
        int weeklyLeadCapacity,
        List<OpeningHours> openingHours,
        @Nullable String email,
        ShopStatus status,
        Instant statusSince,
        @Nullable String statusReason,
        long version,
        Instant updatedAt) {

    static ShopSnapshot of(Shop shop) {
        return new ShopSnapshot(shop.id, shop.partnerId, shop.name, shop.street, shop.postalCode, shop.city, shop.state,
                shop.latitude, shop.longitude, shop.format, new TreeSet<>(shop.segments),
                new TreeSet<>(shop.productLines), new TreeSet<>(shop.catchment), shop.weeklyLeadCapacity,
                List.copyOf(shop.openingHours), shop.email, shop.status(), shop.statusSince(), shop.statusReason(), shop.version,
                shop.updatedAt);
    }
}
