package com.partnernet.targets.closure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.event.EventEnvelope;
import com.partnernet.chassis.event.ProcessedEvents;
import com.partnernet.chassis.event.RecordValidator;
import com.partnernet.chassis.time.Timestamps;

import io.quarkus.logging.Log;

/**
 * Shop closures from partners.shop-events: a shop that leaves OPEN starts a closure on the day of its status change
 * (German calendar), one that opens again ends it. Other aggregates on the topic (field teams) are skipped.
 */
@ApplicationScoped
public class ClosureService {

    static final String CONSUMER = "targets-closures";
    static final String OPEN = "OPEN";

    private final EntityManager entityManager;
    private final ProcessedEvents processedEvents;
    private final RecordValidator validator;
    private final ObjectMapper mapper;

    public ClosureService(EntityManager entityManager, ProcessedEvents processedEvents, RecordValidator validator,
            ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.processedEvents = processedEvents;
        this.validator = validator;
        this.mapper = mapper;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        if (!"Shop".equals(event.aggregateType())) {
            return;
        }
        ShopEvent shop = validator.requireValid(event.payloadAs(mapper, ShopEvent.class));
        if (!processedEvents.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        ShopState state = entityManager.find(ShopState.class, shop.shopId());
        if (state != null && state.shopVersion >= shop.version()) {
            Log.debugf("Shop %s: version %d is not newer than %d, ignored", shop.shopId(), shop.version(), state.shopVersion);
            return;
        }
        String previous = state == null ? OPEN : state.status;
        boolean known = state != null;
        if (!known) {
            state = new ShopState();
            state.shopId = shop.shopId();
        }
        state.partnerId = shop.partnerId();
        state.status = shop.status();
        state.shopVersion = shop.version();
        if (!known) {
            entityManager.persist(state);
        }
        LocalDate day = shop.statusSince().atZone(Timestamps.BUSINESS_ZONE).toLocalDate();
        if (OPEN.equals(previous) && !OPEN.equals(shop.status())) {
            ShopClosure closure = new ShopClosure();
            closure.id = UUID.randomUUID();
            closure.shopId = shop.shopId();
            closure.partnerId = shop.partnerId();
            closure.closedFrom = day;
            closure.reason = shop.statusReason();
            entityManager.persist(closure);
            Log.infof("Shop %s closed from %s (%s)", shop.shopId(), day, shop.status());
        } else if (!OPEN.equals(previous) && OPEN.equals(shop.status())) {
            entityManager.createQuery("from ShopClosure c where c.shopId = :shop and c.reopenedOn is null", ShopClosure.class)
                    .setParameter("shop", shop.shopId()).getResultStream()
                    .forEach(closure -> closure.reopenedOn = day.isBefore(closure.closedFrom) ? closure.closedFrom : day);
            Log.infof("Shop %s open again from %s", shop.shopId(), day);
        }
    }

    /** A shop's closures touching a range, earliest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShopClosure> closures(UUID shopId, LocalDate from, LocalDate to) {
        return entityManager.createQuery("from ShopClosure c where c.shopId = :shop and c.closedFrom <= :to"
                + " and (c.reopenedOn is null or c.reopenedOn > :from) order by c.closedFrom", ShopClosure.class)
                .setParameter("shop", shopId).setParameter("from", from).setParameter("to", to).getResultList();
    }
}
