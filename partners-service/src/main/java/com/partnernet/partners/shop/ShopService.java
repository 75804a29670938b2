package com.partnernet.partners.shop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.geo.Distance;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;
import com.partnernet.partners.partner.PartnerService;

import io.quarkus.logging.Log;

/**
 * Shops of partners and their lifecycle. Every change is published as a shop event, with the shop's full state,
 * through the outbox in the same transaction.
 */
@ApplicationScoped
public class ShopService {

    private static final Map<String, String> SORT_KEYS = Map.of("name", "name", "city", "city",
            "postalCode", "postalCode", "status", "status", "format", "format", "weeklyLeadCapacity", "weeklyLeadCapacity",
            "updatedAt", "updatedAt");
    private static final String DISTANCE = "distance";

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
        Shop shop = Shop.open(partnerId, Timestamps.now());
        apply(request, shop);
        shops.persist(shop);
        return publish(ShopEvents.Type.ShopOpened, shop);
    }

    /**
     * Replaces a shop's details. Publishes one event per kind of change (format, catchment, capacity, other
     * details), each with the new full state.
     */
    @Transactional
    public ShopSnapshot update(UUID shopId, String ifMatch, ShopRequest request) {
        Shop shop = require(shopId);
        ETags.requireMatch(ifMatch, shop.version, "shop");
        shop.requireChangeable();
        ShopSnapshot before = ShopSnapshot.of(shop);
        apply(request, shop);
        List<ShopEvents.Type> changes = changes(before, shop);
        if (changes.isEmpty()) {
            return before;
        }
        shop.updatedAt = Timestamps.now();
        ShopSnapshot after = flushed(shop);
        changes.forEach(type -> events.publish(type, after));
        return after;
    }

    /** OPEN → TEMPORARILY_CLOSED; routing skips it, targets prorate. */
    @Transactional
    public ShopSnapshot closeTemporarily(UUID shopId, String ifMatch, String reason) {
        Shop shop = requireVersion(shopId, ifMatch);
        Instant now = Timestamps.now();
        shop.closeTemporarily(reason, now, now);
        return publish(ShopEvents.Type.ShopTemporarilyClosed, shop);
    }

    /** TEMPORARILY_CLOSED → OPEN. */
    @Transactional
    public ShopSnapshot reopen(UUID shopId, String ifMatch) {
        Shop shop = requireVersion(shopId, ifMatch);
        Instant now = Timestamps.now();
        shop.reopen(now, now);
        return publish(ShopEvents.Type.ShopReopened, shop);
    }

    /** For good: from OPEN or TEMPORARILY_CLOSED to CLOSED, which is final. */
    @Transactional
    public ShopSnapshot close(UUID shopId, String ifMatch, String reason) {
        Shop shop = requireVersion(shopId, ifMatch);
        Instant now = Timestamps.now();
        shop.close(reason, now, now);
        return publish(ShopEvents.Type.ShopClosed, shop);
    }

    /**
     * A remodel that closes the shop started: closed temporarily from the day it started, which may lie before it was
     * entered. The remodel's own version was checked; the shop's is not the caller's to know.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeForRemodel(UUID shopId, String reason, Instant since) {
        Shop shop = require(shopId);
        shop.closeTemporarily(reason, since, Timestamps.now());
        publish(ShopEvents.Type.ShopTemporarilyClosed, shop);
    }

    /** A cancelled remodel had closed the shop (for {@code reason}): it opens again, unless closed otherwise since. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopenAfterRemodel(UUID shopId, String reason) {
        Shop shop = require(shopId);
        if (shop.status() == ShopStatus.TEMPORARILY_CLOSED && reason.equals(shop.statusReason())) {
            Instant now = Timestamps.now();
            shop.reopen(now, now);
            publish(ShopEvents.Type.ShopReopened, shop);
        }
    }

    /** A completed remodel: the shop gets the new format and opens again from {@code since}, as two events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeRemodel(UUID shopId, StoreFormat format, Instant since) {
        Shop shop = require(shopId);
        if (shop.format != format) {
            shop.format = format;
            shop.updatedAt = Timestamps.now();
            publish(ShopEvents.Type.ShopFormatChanged, shop);
        }
        if (shop.status() == ShopStatus.TEMPORARILY_CLOSED) {
            shop.reopen(since, Timestamps.now());
            publish(ShopEvents.Type.ShopReopened, shop);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ShopSnapshot get(UUID shopId) {
        return ShopSnapshot.of(require(shopId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ShopSnapshot> search(ShopFilter filter, PageParams paging) {
        if (!filter.isRadiusSearch()) {
            var query = shops.search(filter, Sorting.parse(paging.sort, SORT_KEYS, "name", "id")).page(paging.page, paging.size);
            return Page.of(query.list(), paging, query.count()).map(ShopSnapshot::of);
        }
        if (filter.latitude == null || filter.longitude == null || filter.radiusKm == null) {
            throw new InvalidRequestException("radiusKm", "a radius search needs lat, lon and radiusKm together");
        }
        // The box from the database holds the circle; keep what is inside it and sort by distance unless asked otherwise.
        boolean byDistance = paging.sort == null || paging.sort.isBlank() || DISTANCE.equals(paging.sort.strip());
        var candidates = shops.search(filter, byDistance ? io.quarkus.panache.common.Sort.by("id")
                : Sorting.parse(paging.sort, SORT_KEYS, "name", "id")).list();
        List<Shop> inside = new ArrayList<>(candidates.stream()
                .filter(shop -> distanceKm(filter, shop) <= filter.radiusKm).toList());
        if (byDistance) {
            inside.sort(Comparator.comparingDouble(shop -> distanceKm(filter, shop)));
        }
        return Page.slice(inside, paging).map(ShopSnapshot::of);
    }

    /** Those of the ids that name a shop (of the given partner only, when one is given). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> existing(Set<UUID> shopIds, Optional<UUID> ofPartner) {
        return shops.existing(shopIds, ofPartner);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Shop require(UUID shopId) {
        return shops.findByIdOptional(shopId).orElseThrow(() -> new ResourceNotFoundException("Shop", shopId));
    }

    private Shop requireVersion(UUID shopId, String ifMatch) {
        Shop shop = require(shopId);
        ETags.requireMatch(ifMatch, shop.version, "shop");
        return shop;
    }

    private ShopSnapshot publish(ShopEvents.Type type, Shop shop) {
        ShopSnapshot snapshot = flushed(shop);
        events.publish(type, snapshot);
        Log.infof("Shop %s: %s (version %d, %s)", shop.id, type, snapshot.version(), shop.status());
        return snapshot;
    }

    /** Flushes first: an event must carry the version its change produces. */
    private ShopSnapshot flushed(Shop shop) {
        shops.flush();
        return ShopSnapshot.of(shop);
    }

    private static List<ShopEvents.Type> changes(ShopSnapshot before, Shop after) {
        List<ShopEvents.Type> changes = new ArrayList<>();
        if (before.format() != after.format) {
            changes.add(ShopEvents.Type.ShopFormatChanged);
        }
        if (!before.catchment().equals(new TreeSet<>(after.catchment))) {
            changes.add(ShopEvents.Type.ShopCatchmentChanged);
        }
        if (before.weeklyLeadCapacity() != after.weeklyLeadCapacity) {
            changes.add(ShopEvents.Type.ShopCapacityChanged);
        }
        if (!details(before).equals(details(ShopSnapshot.of(after)))) {
            changes.add(ShopEvents.Type.ShopUpdated);
        }
        return changes;
    }

    /** What a change of "other details" (ShopUpdated) is about. */
    private static List<Object> details(ShopSnapshot shop) {
        return List.of(shop.name(), shop.street(), shop.postalCode(), shop.city(), shop.state(), shop.latitude(),
                shop.longitude(), shop.segments(), shop.productLines(), shop.openingHours(), Objects.toString(shop.email(), ""));
    }

    /**
     * Sets what the request says. Collections are only touched where they differ, so an update that changes nothing
     * leaves the entity clean: no new version, no stale ETag for the client.
     */
    private static void apply(ShopRequest request, Shop shop) {
        shop.name = request.name().strip();
        shop.street = request.street().strip();
        shop.postalCode = request.postalCode();
        shop.city = request.city().strip();
        shop.state = request.state();
        shop.latitude = request.latitude();
        shop.longitude = request.longitude();
        shop.format = request.format();
        replaceIfDifferent(shop.segments, Set.copyOf(request.segments()));
        replaceIfDifferent(shop.productLines, Set.copyOf(request.productLines()));
        replaceIfDifferent(shop.catchment, request.catchment() == null ? Set.of() : Set.copyOf(request.catchment()));
        shop.weeklyLeadCapacity = request.weeklyLeadCapacity();
        replaceIfDifferent(shop.openingHours, request.openingHours() == null ? List.of() : request.openingHours());
        shop.email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
    }

    private static <T> void replaceIfDifferent(Collection<T> current, Collection<T> wanted) {
        if (!current.equals(wanted)) {
            current.clear();
            current.addAll(wanted);
        }
    }

    private static double distanceKm(ShopFilter filter, Shop shop) {
        return Distance.km(filter.latitude, filter.longitude, shop.latitude, shop.longitude);
    }
}
