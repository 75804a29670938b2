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
        if (shop.status == ShopStatus.CLOSED) {
            throw new ConflictException("Shop " + shopId + " is closed for good; it will not be remodelled");
        }
        if (shop.format == StoreFormat.NEW_FORMAT) {
            throw new ConflictException("Shop " + shopId + " has the new store format already");
        }
        remodels.findOpen(shopId).ifPresent(open -> {
            throw new ConflictException("Shop " + shopId + " has a remodel " + open.status + " already: " + open.id);
        });
        Remodel remodel = new Remodel();
        remodel.id = UUID.randomUUID();
        remodel.shopId = shopId;
        remodel.partnerId = shop.partnerId;
        remodel.status = RemodelStatus.PLANNED;
        remodel.closesShop = request.closesShop() == null || request.closesShop();
        remodel.createdAt = Timestamps.now();
        schedule(remodel, request);
        remodels.persist(remodel);
        return RemodelView.of(remodel);
    }

    /** New planned dates for a remodel that has not started. */
    @Transactional
    public RemodelView reschedule(UUID id, String ifMatch, RemodelRequest request) {
        Remodel remodel = require(id);
        ETags.requireMatch(ifMatch, remodel.version, "remodel");
        requireStatus(remodel, RemodelStatus.PLANNED, "rescheduled");
        remodel.closesShop = request.closesShop() == null ? remodel.closesShop : request.closesShop();
        schedule(remodel, request);
        return flushed(remodel);
    }

    @Transactional
    public RemodelView start(UUID id, LocalDate on) {
        Remodel remodel = require(id);
        requireStatus(remodel, RemodelStatus.PLANNED, "started");
        Shop shop = shops.require(remodel.shopId);
        if (shop.status == ShopStatus.CLOSED) {
            throw new ConflictException("Shop " + remodel.shopId + " is closed for good; cancel the remodel instead");
        }
        remodel.status = RemodelStatus.IN_PROGRESS;
        remodel.actualStart = on;
        remodel.updatedAt = Timestamps.now();
        if (remodel.closesShop && shop.status == ShopStatus.OPEN) {
            shops.closeTemporarily(remodel.shopId, null, CLOSURE_REASON, startOf(on));
        }
        Log.infof("Remodel %s of shop %s started on %s", id, remodel.shopId, on);
        return flushed(remodel);
    }

    @Transactional
    public RemodelView complete(UUID id, LocalDate on) {
        Remodel remodel = require(id);
        requireStatus(remodel, RemodelStatus.IN_PROGRESS, "completed");
        if (on.isBefore(remodel.actualStart)) {
            throw new ConflictException("Remodel " + id + " started on " + remodel.actualStart + "; it cannot end before");
        }
        remodel.status = RemodelStatus.COMPLETED;
        remodel.actualEnd = on;
        remodel.updatedAt = Timestamps.now();
        shops.completeRemodel(remodel.shopId, StoreFormat.NEW_FORMAT, startOf(on));
        Log.infof("Remodel %s of shop %s completed on %s", id, remodel.shopId, on);
        return flushed(remodel);
    }

    /** Calls a remodel off; a shop it had closed opens again in its old format. */
    @Transactional
    public RemodelView cancel(UUID id, String reason) {
        Remodel remodel = require(id);
        if (!RemodelStatus.OPEN.contains(remodel.status)) {
            throw new ConflictException("Remodel " + id + " is " + remodel.status + " and cannot be cancelled");
        }
        boolean wasRunning = remodel.status == RemodelStatus.IN_PROGRESS;
        remodel.status = RemodelStatus.CANCELLED;
        remodel.cancelReason = reason;
        remodel.updatedAt = Timestamps.now();
        Shop shop = shops.require(remodel.shopId);
        if (wasRunning && remodel.closesShop && shop.status == ShopStatus.TEMPORARILY_CLOSED
                && CLOSURE_REASON.equals(shop.statusReason)) {
            shops.reopen(remodel.shopId, null);
        }
        return flushed(remodel);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RemodelView get(UUID id) {
        return RemodelView.of(require(id));
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

    private Remodel require(UUID id) {
        return remodels.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Remodel", id));
    }

    private static void requireStatus(Remodel remodel, RemodelStatus expected, String action) {
        if (remodel.status != expected) {
            throw new ConflictException("Remodel " + remodel.id + " is " + remodel.status + "; only a " + expected
                    + " remodel can be " + action);
        }
    }

    private static void schedule(Remodel remodel, RemodelRequest request) {
        remodel.plannedStart = request.plannedStart();
        remodel.plannedEnd = request.plannedEnd();
        remodel.updatedAt = Timestamps.now();
    }

    private RemodelView flushed(Remodel remodel) {
        remodels.flush();
        return RemodelView.of(remodel);
    }
}
