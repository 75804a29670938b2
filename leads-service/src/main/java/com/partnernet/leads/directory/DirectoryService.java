package com.partnernet.leads.directory;

import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.time.Timestamps;

import io.quarkus.logging.Log;

/**
 * Keeps the routing directory in step with partners.shop-events: shops and field teams, each event with the full
 * state (the consumer's {@link com.partnernet.chassis.event.EventHandler} skips redeliveries and states older than the
 * stored one).
 */
@ApplicationScoped
public class DirectoryService {

    private final RoutingShopRepository shops;
    private final RoutingTeamRepository teams;

    public DirectoryService(RoutingShopRepository shops, RoutingTeamRepository teams) {
        this.shops = shops;
        this.teams = teams;
    }

    /** The version of the shop's state in the directory, if it has the shop. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> storedVersion(ShopPayload state) {
        return shops.findByIdOptional(state.id()).map(shop -> shop.shopVersion);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> storedVersion(TeamPayload state) {
        return teams.findByIdOptional(state.id()).map(team -> team.teamVersion);
    }

    /** A shop's newer state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ShopPayload state) {
        RoutingShop shop = shops.findByIdOptional(state.id()).orElseGet(() -> {
            RoutingShop created = new RoutingShop();
            created.shopId = state.id();
            return created;
        });
        shop.partnerId = state.partnerId();
        shop.name = state.name();
        shop.postalCode = state.postalCode();
        shop.city = state.city();
        shop.state = state.state();
        shop.latitude = state.latitude();
        shop.longitude = state.longitude();
        shop.status = state.status();
        shop.format = state.format();
        shop.segments = copy(state.segments());
        shop.productLines = copy(state.productLines());
        shop.catchment = copy(state.catchment());
        shop.weeklyLeadCapacity = state.weeklyLeadCapacity();
        shop.openingHours = state.openingHours() == null ? new ArrayList<>() : new ArrayList<>(state.openingHours());
        shop.email = state.email();
        shop.shopVersion = state.version();
        shop.updatedAt = Timestamps.now();
        shops.persist(shop);
        Log.infof("Directory: shop %s is %s in %s (version %d)", shop.shopId, shop.status, shop.postalCode,
                shop.shopVersion);
    }

    /** A field team's newer state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TeamPayload state) {
        RoutingTeam team = teams.findByIdOptional(state.id()).orElseGet(() -> {
            RoutingTeam created = new RoutingTeam();
            created.teamId = state.id();
            return created;
        });
        team.partnerId = state.partnerId();
        team.name = state.name();
        team.city = state.city();
        team.liveFrom = state.liveFrom();
        team.postalCoverage = copy(state.postalCoverage());
        team.productFocus = copy(state.productFocus());
        team.weeklyLeadCapacity = state.weeklyLeadCapacity();
        team.status = state.status();
        team.workingHours = state.workingHours() == null ? new ArrayList<>() : new ArrayList<>(state.workingHours());
        team.email = state.email();
        team.teamVersion = state.version();
        team.updatedAt = Timestamps.now();
        teams.persist(team);
        Log.infof("Directory: field team %s in %s is %s (version %d)", team.teamId, team.city, team.status,
                team.teamVersion);
    }

    private static Set<String> copy(Set<String> values) {
        return values == null ? new TreeSet<>() : new TreeSet<>(values);
    }
}
