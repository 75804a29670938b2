package com.partnernet.targets.closure;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.security.Caller;

/**
 * Which partner a shop belongs to, as this service learnt it from {@code partners.shop-events}: a partner user asking
 * about a shop must be asking about one of its own, or the shop "does not exist" for it.
 */
@ApplicationScoped
public class ShopOwners {

    private final ShopStateRepository shops;

    public ShopOwners(ShopStateRepository shops) {
        this.shops = shops;
    }

    /** The caller may see the partner and, when one is named, the shop (known here as one of that partner's). */
    public void requireAccess(Caller caller, UUID partnerId, UUID shopId) {
        caller.requireAccess(partnerId, "Partner", partnerId);
        if (shopId != null && caller.partnerScope().isPresent()) {
            ShopState shop = shops.findById(shopId);
            caller.requireAccess(shop == null ? null : shop.partnerId, "Shop", shopId);
        }
    }
}
