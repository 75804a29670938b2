package com.partnernet.leads.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.campaign.CampaignStatus;
import com.partnernet.leads.campaign.ShopGroup;
import com.partnernet.leads.directory.RoutingShop;
import com.partnernet.leads.directory.RoutingTeam;
import com.partnernet.leads.vocabulary.ProductLine;
import com.partnernet.leads.vocabulary.Segment;

/** Who may take a lead and the fair order among equals, without a database. */
class RoutingRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void aShopTakesALeadOnlyWhenOpenOfferingTheLineServingTheSegmentAndBelowCapacity() {
        RoutingShop shop = shop("A", 10);
        assertNull(RoutingRules.shopSkip(shop, request(Map.of()), 9));
        assertEquals("at its weekly capacity (10 of 10 leads this week)", RoutingRules.shopSkip(shop, request(Map.of()), 10));
        assertEquals("let this lead's first-contact SLA lapse before", RoutingRules.shopSkip(shop, request(Map.of(shop.shopId, "let this lead's first-contact SLA lapse before")), 0));
        shop.segments = new TreeSet<>(Set.of("BUSINESS"));
        assertEquals("does not serve CONSUMER customers", RoutingRules.shopSkip(shop, request(Map.of()), 0));
        shop.productLines = new TreeSet<>(Set.of("MOBILE"));
        assertEquals("does not offer TV", RoutingRules.shopSkip(shop, request(Map.of()), 0));
        shop.status = "TEMPORARILY_CLOSED";
        assertEquals("is TEMPORARILY_CLOSED", RoutingRules.shopSkip(shop, request(Map.of()), 0));
    }

    @Test
    void aPilotCampaignsLeadGoesToNoShopOutsideItsPilotGroup() {
        RoutingShop pilot = shop("pilot", 10);
        RoutingShop control = shop("control", 10);
        RoutingShop other = shop("other", 10);
        Campaign campaign = new Campaign();
        campaign.code = "AI-PILOT";
        campaign.status = CampaignStatus.PILOT;
        campaign.shops = Map.of(pilot.shopId, ShopGroup.PILOT, control.shopId, ShopGroup.CONTROL);
        Router.Request request = new Router.Request(campaign, control.shopId, ProductLine.TV, Segment.CONSUMER, "10115", null,
                null, Map.of(), NOW);
        assertNull(RoutingRules.shopSkip(pilot, request, 0));
        assertEquals("is a control shop of pilot campaign AI-PILOT, whose leads go to its pilot shops only",
                RoutingRules.shopSkip(control, request, 0));
        assertEquals("is no pilot shop of pilot campaign AI-PILOT, whose leads go to its pilot shops only",
                RoutingRules.shopSkip(other, request, 0));
        campaign.status = CampaignStatus.ROLLED_OUT;
        assertNull(RoutingRules.shopSkip(control, request, 0), "rolled out, the campaign's leads go anywhere");
    }

    @Test
    void aFieldTeamTakesALeadOnlyOnceLivePromotingTheLineAndBelowCapacity() {
        RoutingTeam team = new RoutingTeam();
        team.teamId = UUID.randomUUID();
        team.liveFrom = LocalDate.of(2026, 3, 4);
        team.productFocus = new TreeSet<>(Set.of("TV"));
        team.weeklyLeadCapacity = 5;
        team.status = RoutingTeam.ACTIVE;
        LocalDate today = LocalDate.of(2026, 3, 4);
        assertNull(RoutingRules.teamSkip(team, request(Map.of()), today, 4));
        assertEquals("at its weekly capacity (5 of 5 leads this week)", RoutingRules.teamSkip(team, request(Map.of()), today, 5));
        assertEquals("rolls out on 2026-03-04", RoutingRules.teamSkip(team, request(Map.of()), today.minusDays(1), 0));
        team.productFocus = new TreeSet<>(Set.of("MOBILE"));
        assertEquals("does not promote TV", RoutingRules.teamSkip(team, request(Map.of()), today, 0));
        assertEquals("let this lead's first-contact SLA lapse before",
                RoutingRules.teamSkip(team, request(Map.of(team.teamId, "let this lead's first-contact SLA lapse before")), today, 0));
    }

    @Test
    void fairnessPutsTheFewestOpenLeadsPerCapacityFirstThenTheLongestWaiting() {
        RoutingShop busy = shop("busy", 10);
        RoutingShop big = shop("big", 40);
        RoutingShop waiting = shop("waiting", 10);
        RoutingShop recent = shop("recent", 10);
        RoutingShop never = shop("never", 10);
        Map<UUID, Long> open = Map.of(busy.shopId, 5L, big.shopId, 8L, waiting.shopId, 2L, recent.shopId, 2L,
                never.shopId, 2L);
        Map<UUID, Instant> last = Map.of(waiting.shopId, NOW.minusSeconds(7200), big.shopId, NOW.minusSeconds(1800),
                recent.shopId, NOW.minusSeconds(60));
        List<RoutingShop> ordered = RoutingRules.fairest(List.of(busy, big, recent, waiting, never), shop -> shop.shopId,
                shop -> shop.weeklyLeadCapacity, open, last);
        // 8 of 40 (0.2) ties 2 of 10: the shop without a lead the longest comes first, one never given one before all.
        assertEquals(List.of("never", "waiting", "big", "recent", "busy"), ordered.stream().map(shop -> shop.name).toList());
    }

    @Test
    void fairnessAmongCompleteEqualsFollowsTheIdSoEveryInstanceDecidesAlike() {
        RoutingShop first = shop("first", 10);
        RoutingShop second = shop("second", 10);
        first.shopId = UUID.fromString("00000000-0000-0000-0000-000000000001");
        second.shopId = UUID.fromString("00000000-0000-0000-0000-000000000002");
        assertEquals(List.of(first, second), RoutingRules.fairest(List.of(second, first), shop -> shop.shopId,
                shop -> shop.weeklyLeadCapacity, Map.of(), Map.of()));
    }

    private static RoutingShop shop(String name, int capacity) {
        RoutingShop shop = new RoutingShop();
        shop.shopId = UUID.randomUUID();
        shop.name = name;
        shop.status = "OPEN";
        shop.productLines = new TreeSet<>(Set.of("TV", "MOBILE"));
        shop.segments = new TreeSet<>(Set.of("CONSUMER"));
        shop.weeklyLeadCapacity = capacity;
        return shop;
    }

    private static Router.Request request(Map<UUID, String> passedOn) {
        return new Router.Request(null, null, ProductLine.TV, Segment.CONSUMER, "10115", null, null, passedOn, NOW);
    }
}
