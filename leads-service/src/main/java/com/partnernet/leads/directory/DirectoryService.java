package com.partnernet.leads.directory;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.event.EventEnvelope;
import com.partnernet.chassis.event.ProcessedEvents;
import com.partnernet.chassis.event.RecordValidator;

import io.quarkus.logging.Log;

/**
 * Keeps the routing directory in step with partners.shop-events: shops and field teams, each event with the full
 * state; an older state never overwrites a newer one.
 */
@ApplicationScoped
public class DirectoryService {

    static final String CONSUMER = "leads-directory";
    static final String SHOP_AGGREGATE = "Shop";
    static final String TEAM_AGGREGATE = "FieldTeam";

    private final RoutingShopRepository shops;
    private final RoutingTeamRepository teams;
    private final ProcessedEvents processedEvents;
    private final RecordValidator validator;
    private final ObjectMapper mapper;

    public DirectoryService(RoutingShopRepository shops, RoutingTeamRepository teams, ProcessedEvents processedEvents,
            RecordValidator validator, ObjectMapper mapper) {
        this.shops = shops;
        this.teams = teams;
        this.processedEvents = processedEvents;
        this.validator = validator;
        this.mapper = mapper;
    }

    /** Applies one event of partners.shop-events: a shop's or a field team's full state; other aggregates are skipped. */
    @Transactional
    public void apply(EventEnvelope event) {
        switch (event.aggregateType()) {
            case SHOP_AGGREGATE -> applyShop(event, validator.requireValid(event.payloadAs(mapper, ShopState.class)));
            case TEAM_AGGREGATE -> applyTeam(event, validator.requireValid(event.payloadAs(mapper, TeamState.class)));
            default -> Log.debugf("%s %s is not about a routing target, skipped", event.type(), event.aggregateId());
        }
    }

    private void applyShop(EventEnvelope event, ShopState state) {
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
        shop.format = state.format();
        shop.segments = copy(state.segments());
        shop.productLines = copy(state.productLines());
        shop.catchment = copy(state.catchment());
        shop.weeklyLeadCapacity = state.weeklyLeadCapacity();
        shop.shopVersion = state.version();
        shop.updatedAt = Timestamps.now();
        shops.persist(shop);
        Log.infof("Directory: shop %s is %s in %s (version %d, %s)", shop.shopId, shop.status, shop.postalCode,
                shop.shopVersion, event.type());
    }

    private void applyTeam(EventEnvelope event, TeamState state) {
        if (!processedEvents.firstDelivery(CONSUMER, event.eventId())) {
            Log.debugf("Field team event %s already applied", event.eventId());
            return;
        }
        RoutingTeam team = teams.findById(state.teamId());
        if (team == null) {
            team = new RoutingTeam();
            team.teamId = state.teamId();
        } else if (team.teamVersion >= state.version()) {
            Log.debugf("Field team %s: version %d is not newer than %d, ignored", state.teamId(), state.version(),
                    team.teamVersion);
            return;
        }
        team.partnerId = state.partnerId();
        team.name = state.name();
        team.city = state.city();
        team.liveFrom = state.liveFrom();
        team.postalCoverage = copy(state.postalCoverage());
        team.productFocus = copy(state.productFocus());
        team.weeklyLeadCapacity = state.weeklyLeadCapacity();
        team.status = state.status();
        team.teamVersion = state.version();
        team.updatedAt = Timestamps.now();
        teams.persist(team);
        Log.infof("Directory: field team %s in %s is %s (version %d, %s)", team.teamId, team.city, team.status,
                team.teamVersion, event.type());
    }

    private static Set<String> copy(Set<String> values) {
        return values == null ? new TreeSet<>() : new TreeSet<>(values);
    }
}
