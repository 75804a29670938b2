package com.partnernet.partners.shop;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.partners.partner.PartnerService;

import io.quarkus.logging.Log;

/** Shops of partners; every change is published as a shop event through the outbox, in the same transaction. */
@ApplicationScoped
public class ShopService {

    private final ShopRepository shops;
    private final PartnerService partners;
    private final ShopEvents events;

    public ShopService(ShopRepository shops, PartnerService partners, ShopEvents events) {
        this.shops = shops;
        this.partners = partners;
        this.events = events;
    }

    @Transactional
    public ShopSnapshot open(UUID partnerId, ShopRequest request) {
        partners.require(partnerId);
        Shop shop = new Shop();
        shop.id = UUID.randomUUID();
        shop.partnerId = partnerId;
        shop.status = ShopStatus.OPEN;
        shop.createdAt = Instant.now();
        apply(request, shop);
        shops.persist(shop);
        shops.flush();
        ShopSnapshot snapshot = ShopSnapshot.of(shop);
        events.opened(snapshot);
        Log.infof("Shop %s opened for partner %s in %s", shop.id, partnerId, shop.postalCode);
        return snapshot;
    }

    @Transactional
    public ShopSnapshot update(UUID shopId, ShopRequest request) {
        Shop shop = require(shopId);
        apply(request, shop);
        // Flush first: the event must carry the version this change produces.
        shops.flush();
        ShopSnapshot snapshot = ShopSnapshot.of(shop);
        events.updated(snapshot);
        return snapshot;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ShopSnapshot get(UUID shopId) {
        return ShopSnapshot.of(require(shopId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShopSnapshot> listByPartner(UUID partnerId) {
        partners.require(partnerId);
        return shops.listByPartner(partnerId).stream().map(ShopSnapshot::of).toList();
    }

    private Shop require(UUID shopId) {
        return shops.findByIdOptional(shopId).orElseThrow(() -> new ResourceNotFoundException("Shop", shopId));
    }

    private static void apply(ShopRequest request, Shop shop) {
        shop.name = request.name().strip();
        shop.postalCode = request.postalCode();
        shop.city = request.city().strip();
        shop.latitude = request.latitude();
        shop.longitude = request.longitude();
        shop.updatedAt = Instant.now();
    }
}
