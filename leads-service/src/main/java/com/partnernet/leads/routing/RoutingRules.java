package com.partnernet.leads.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.campaign.CampaignStatus;
import com.partnernet.leads.campaign.ShopGroup;
import com.partnernet.leads.directory.RoutingShop;
import com.partnernet.leads.directory.RoutingTeam;

/** Routing's rules without the database: who may take a lead, and the fair order among equal candidates. */
final class RoutingRules {

    private RoutingRules() {
    }

    /**
     * Why the shop may not take the lead, or null when it may.
     *
     * @param assignedThisWeek the leads it got since Monday (its weekly capacity counts them)
     */
    static String shopSkip(RoutingShop shop, Router.Request request, long assignedThisWeek) {
        if (request.passedOn().containsKey(shop.shopId)) {
            return request.passedOn().get(shop.shopId);
        }
        Campaign campaign = request.campaign();
        if (campaign != null && campaign.status == CampaignStatus.PILOT && campaign.shops.get(shop.shopId) != ShopGroup.PILOT) {
            // Checked at every step, a named shop included: a lead in the control group would spoil the comparison.
            return (campaign.shops.get(shop.shopId) == ShopGroup.CONTROL ? "is a control shop" : "is no pilot shop")
                    + " of pilot campaign " + campaign.code + ", whose leads go to its pilot shops only";
        }
        if (!shop.isOpen()) {
            return "is " + shop.status;
        }
        if (!shop.productLines.contains(request.productLine().name())) {
            return "does not offer " + request.productLine();
        }
        if (!shop.segments.contains(request.segment().name())) {
            return "does not serve " + request.segment() + " customers";
        }
        return assignedThisWeek >= shop.weeklyLeadCapacity ? atCapacity(assignedThisWeek, shop.weeklyLeadCapacity) : null;
    }

    /** Why the field team may not take the lead, or null when it may. */
    static String teamSkip(RoutingTeam team, Router.Request request, LocalDate today, long assignedThisWeek) {
        if (request.passedOn().containsKey(team.teamId)) {
            return request.passedOn().get(team.teamId);
        }
        if (!team.isLiveOn(today)) {
            return "rolls out on " + team.liveFrom;
        }
        if (!team.productFocus.contains(request.productLine().name())) {
            return "does not promote " + request.productLine();
        }
        return assignedThisWeek >= team.weeklyLeadCapacity ? atCapacity(assignedThisWeek, team.weeklyLeadCapacity) : null;
    }

    /**
     * Orders equal candidates fairly: fewest open leads for their weekly capacity first, then (round robin) the one
     * that has waited longest for a lead (never assigned: first of all), then by id so the order is always the same.
     *
     * @param open leads being worked per candidate id (none: 0)
     * @param lastAssigned when each candidate last got a lead (none: never)
     */
    static <T> List<T> fairest(List<T> candidates, Function<T, UUID> id, Function<T, Integer> capacity,
            Map<UUID, Long> open, Map<UUID, Instant> lastAssigned) {
        Function<T, Double> share = candidate -> open.getOrDefault(id.apply(candidate), 0L)
                / (double) Math.max(1, capacity.apply(candidate));
        return candidates.stream()
                .sorted(Comparator.comparing(share)
                        .thenComparing(candidate -> lastAssigned.getOrDefault(id.apply(candidate), Instant.EPOCH))
                        .thenComparing(id))
                .toList();
    }

    private static String atCapacity(long assigned, int capacity) {
        return "at its weekly capacity (" + assigned + " of " + capacity + " leads this week)";
    }
}
