package com.partnernet.partners.remodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;
import com.partnernet.partners.shop.Shop;
import com.partnernet.partners.shop.ShopService;
import com.partnernet.partners.shop.ShopStatus;
import com.partnernet.partners.shop.StoreFormat;

import io.quarkus.logging.Log;

/**
 * The remodel programme: shops move into the new store format. Starting a remodel can close the shop temporarily;
 * completing it switches the format and reopens the shop. Both reach other services as shop events.
 */
@ApplicationScoped
public class RemodelService {

    static final String CLOSURE_REASON = "Remodel into the new store format";
    private static final Map<String, String> SORT_KEYS = Map.of("plannedStart", "plannedStart", "plannedEnd", "plannedEnd",
            "actualEnd", "actualEnd", "status", "status");

    private final RemodelRepository remodels;
    private final ShopService shops;

    public RemodelService(RemodelRepository remodels, ShopService shops) {
        this.remodels = remodels;
        this.shops = shops;
    }

    @Transactional
    public RemodelView plan(UUID shopId, RemodelRequest request) {
        Shop shop = shops.require(shopId);
        shop.requireChangeable();
        if (shop.format == StoreFormat.NEW_FORMAT) {
            throw new ConflictException("Shop " + shopId + " has the new store format already");
        }
        remodels.findOpen(shopId).ifPresent(open -> {
            throw new ConflictException("Shop " + shopId + " has a remodel " + open.status() + " already: " + open.id);
        });
        Instant now = Timestamps.now();
        Remodel remodel = Remodel.plan(shopId, shop.partnerId, true, now);
        remodel.schedule(request.plannedStart(), request.plannedEnd(), request.closesShop(), now);
        remodels.persist(remodel);
        return RemodelView.of(remodel);
    }

    /** New planned dates for a remodel that has not started. */
    @Transactional
    public RemodelView reschedule(UUID id, String ifMatch, RemodelRequest request) {
        Remodel remodel = requireVersion(id, ifMatch);
        remodel.schedule(request.plannedStart(), request.plannedEnd(), request.closesShop(), Timestamps.now());
        return flushed(remodel);
    }

    @Transactional
    public RemodelView start(UUID id, String ifMatch, LocalDate on) {
        Remodel remodel = requireVersion(id, ifMatch);
        Shop shop = shops.require(remodel.shopId);
        if (shop.status() == ShopStatus.CLOSED) {
            throw new ConflictException("Shop " + remodel.shopId + " is closed for good; cancel the remodel instead");
        }
        remodel.start(on, Timestamps.now());
        if (remodel.closesShop && shop.status() == ShopStatus.OPEN) {
            shops.closeForRemodel(remodel.shopId, CLOSURE_REASON, startOf(on));
        }
        Log.infof("Remodel %s of shop %s started on %s", id, remodel.shopId, on);
        return flushed(remodel);
    }

    @Transactional
    public RemodelView complete(UUID id, String ifMatch, LocalDate on) {
        Remodel remodel = requireVersion(id, ifMatch);
        remodel.complete(on, Timestamps.now());
        shops.completeRemodel(remodel.shopId, StoreFormat.NEW_FORMAT, startOf(on));
        Log.infof("Remodel %s of shop %s completed on %s", id, remodel.shopId, on);
        return flushed(remodel);
    }

    /** Calls a remodel off; a shop it had closed opens again in its old format. */
    @Transactional
    public RemodelView cancel(UUID id, String ifMatch, String reason) {
        Remodel remodel = requireVersion(id, ifMatch);
        if (remodel.cancel(reason, Timestamps.now()) && remodel.closesShop) {
            shops.reopenAfterRemodel(remodel.shopId, CLOSURE_REASON);
        }
        return flushed(remodel);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RemodelView get(UUID id) {
        return RemodelView.of(remodels.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Remodel", id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RemodelView> search(UUID partnerId, UUID shopId, RemodelStatus status, PageParams paging) {
        var query = remodels.search(partnerId, shopId, status, Sorting.parse(paging.sort, SORT_KEYS, "plannedStart", "id"))
                .page(paging.page, paging.size);
        return Page.of(query.list(), paging, query.count()).map(RemodelView::of);
    }

    /** The start of a remodel day in Germany: when the shop closed or reopened for it. */
    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Timestamps.BUSINESS_ZONE).toInstant();
    }

    private Remodel requireVersion(UUID id, String ifMatch) {
        Remodel remodel = remodels.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Remodel", id));
        ETags.requireMatch(ifMatch, remodel.version, "remodel");
        return remodel;
    }

    private RemodelView flushed(Remodel remodel) {
        remodels.flush();
        return RemodelView.of(remodel);
    }
}
