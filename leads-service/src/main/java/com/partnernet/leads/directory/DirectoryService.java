package com.partnernet.leads.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.event.EventEnvelope;
import com.partnernet.chassis.event.ProcessedEvents;
import com.partnernet.chassis.event.RecordValidator;

import io.quarkus.logging.Log;

/** Keeps the routing directory in step with partners.shop-events: every event carries the shop's full state. */
@ApplicationScoped
public class DirectoryService {

    static final String CONSUMER = "leads-directory";
    /** The topic also carries other routing targets (field teams, aggregate type FieldTeam); this copy holds shops. */
    static final String SHOP_AGGREGATE = "Shop";

    private final RoutingShopRepository shops;
    private final ProcessedEvents processedEvents;
    private final RecordValidator validator;
    private final ObjectMapper mapper;

    public DirectoryService(RoutingShopRepository shops, ProcessedEvents processedEvents, RecordValidator validator,
            ObjectMapper mapper) {
        this.shops = shops;
        this.processedEvents = processedEvents;
        this.validator = validator;
        this.mapper = mapper;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        if (!SHOP_AGGREGATE.equals(event.aggregateType())) {
            Log.debugf("%s %s is not about a shop, skipped", event.type(), event.aggregateId());
            return;
        }
        ShopState state = validator.requireValid(event.payloadAs(mapper, ShopState.class));
        if (!processedEvents.firstDelivery(CONSUMER, event.eventId())) {
            Log.debugf("Shop event %s already applied", event.eventId());
            return;
        }
        RoutingShop shop = shops.findById(state.shopId());
        if (shop == null) {
            shop = new RoutingShop();
            shop.shopId = state.shopId();
        } else if (shop.shopVersion >= state.version()) {
            Log.debugf("Shop %s: version %d is not newer than %d, ignored", state.shopId(), state.version(), shop.shopVersion);
            return;
        }
        shop.partnerId = state.partnerId();
        shop.name = state.name();
        shop.postalCode = state.postalCode();
        shop.city = state.city();
        shop.latitude = state.latitude();
        shop.longitude = state.longitude();
        shop.status = state.status();
        shop.shopVersion = state.version();
        shop.updatedAt = Timestamps.now();
        shops.persist(shop);
        Log.infof("Directory: shop %s is %s in %s (version %d, %s)", shop.shopId, shop.status, shop.postalCode,
                shop.shopVersion, event.type());
    }
}
