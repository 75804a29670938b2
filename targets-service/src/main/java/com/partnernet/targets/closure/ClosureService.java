package com.partnernet.targets.closure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.time.Timestamps;

import io.quarkus.logging.Log;

/**
 * Shop closures from partners.shop-events: a shop that leaves OPEN starts a closure on the day of its status change
 * (German calendar), one that opens again ends it (the consumer's {@link com.partnernet.chassis.event.EventHandler}
 * skips redeliveries and states older than the stored one).
 */
@ApplicationScoped
public class ClosureService {

    static final String OPEN = "OPEN";

    private final ShopStateRepository shops;
    private final ShopClosureRepository closures;

    public ClosureService(ShopStateRepository shops, ShopClosureRepository closures) {
        this.shops = shops;
        this.closures = closures;
    }

    /** The version of the shop's state known here, if the shop is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> storedVersion(ShopPayload shop) {
        return shops.findByIdOptional(shop.id()).map(state -> state.shopVersion);
    }

    /** A shop's newer state: its owner and status, and a closure started or ended by a change of status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ShopPayload shop) {
        ShopState state = shops.findById(shop.id());
        String previous = state == null ? OPEN : state.status;
        boolean known = state != null;
        if (!known) {
            state = new ShopState();
            state.shopId = shop.id();
        }
        state.partnerId = shop.partnerId();
        state.status = shop.status();
        state.shopVersion = shop.version();
        if (!known) {
            shops.persist(state);
        }
        LocalDate day = shop.statusSince().atZone(Timestamps.BUSINESS_ZONE).toLocalDate();
        if (OPEN.equals(previous) && !OPEN.equals(shop.status())) {
            ShopClosure closure = new ShopClosure();
            closure.id = UUID.randomUUID();
            closure.shopId = shop.id();
            closure.partnerId = shop.partnerId();
            closure.closedFrom = day;
            closure.reason = shop.statusReason();
            closures.persist(closure);
            Log.infof("Shop %s closed from %s (%s)", shop.id(), day, shop.status());
        } else if (!OPEN.equals(previous) && OPEN.equals(shop.status())) {
            closures.findOpen(shop.id())
                    .forEach(closure -> closure.reopenedOn = day.isBefore(closure.closedFrom) ? closure.closedFrom : day);
            Log.infof("Shop %s open again from %s", shop.id(), day);
        }
    }

    /** A shop's closures touching a range, earliest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShopClosure> closures(UUID shopId, LocalDate from, LocalDate to) {
        return closures.findTouching(shopId, from, to);
    }
}
