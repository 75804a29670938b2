package com.partnernet.leads;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.leads.LeadsApi.SHOP_EVENTS;
import static com.partnernet.leads.LeadsApi.WAIT;
import static com.partnernet.leads.LeadsApi.envelope;
import static com.partnernet.leads.LeadsApi.publishShop;
import static com.partnernet.leads.LeadsApi.publishTeam;
import static com.partnernet.leads.LeadsApi.shop;
import static com.partnernet.leads.LeadsApi.team;
import static com.partnernet.leads.LeadsApi.uniquePlace;
import static com.partnernet.leads.LeadsApi.uniquePostalCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class DirectoryIT {

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void redeliveredOrOlderShopStatesNeverOverwriteNewerOnes() {
        UUID shopId = UUID.randomUUID();
        String postalCode = uniquePostalCode();
        double[] place = uniquePlace();
        String original = envelope("ShopOpened", "Shop", shopId.toString(), shop(shopId, "Original", postalCode, place, Map.of()));
        kafka.send(SHOP_EVENTS, shopId.toString(), original);
        publishShop(kafka, shop(shopId, "Renamed", postalCode, place, Map.of("version", 2, "weeklyLeadCapacity", 7,
                "productLines", List.of("TV"), "catchment", List.of("123", postalCode))));
        kafka.send(SHOP_EVENTS, shopId.toString(), original);
        kafka.send(SHOP_EVENTS, shopId.toString(),
                envelope("ShopUpdated", "Shop", shopId.toString(), shop(shopId, "Stale", postalCode, place, Map.of("version", 1))));
        // A later state on the same key (same partition) shows the two before it were consumed.
        publishShop(kafka, shop(shopId, "Renamed", postalCode, place, Map.of("version", 3, "weeklyLeadCapacity", 7,
                "productLines", List.of("TV"), "catchment", List.of("123", postalCode))));

        given().get("/routing-directory/shops/{id}", shopId).then().statusCode(200)
                .body("name", equalTo("Renamed")).body("weeklyLeadCapacity", equalTo(7))
                .body("productLines", contains("TV")).body("catchment", containsInAnyOrder("123", postalCode));
    }

    @Test
    void shopEventsPublishedBeforeTheIdWasCalledIdStillApply() {
        UUID shopId = UUID.randomUUID();
        Map<String, Object> old = shop(shopId, "Compacted long ago", uniquePostalCode(), uniquePlace(), Map.of());
        old.put("shopId", old.remove("id"));
        kafka.send(SHOP_EVENTS, shopId.toString(), envelope("ShopOpened", "Shop", shopId.toString(), old));
        await().atMost(WAIT).untilAsserted(() -> given().get("/routing-directory/shops/{id}", shopId).then()
                .statusCode(200).body("id", equalTo(shopId.toString())).body("name", equalTo("Compacted long ago")));
    }

    @Test
    void fieldTeamEventsBuildTheTeamDirectoryAndBadShopEventsAreDeadLettered() {
        String prefix = uniquePostalCode();
        UUID teamId = publishTeam(kafka, team(prefix, Map.of("productFocus", List.of("MOBILE", "BROADBAND"))));
        given().get("/routing-directory/teams/{id}", teamId).then().statusCode(200)
                .body("postalCoverage", contains(prefix)).body("productFocus", contains("BROADBAND", "MOBILE"))
                .body("status", equalTo("ACTIVE"));

        String badKey = UUID.randomUUID().toString();
        kafka.send(SHOP_EVENTS, badKey, envelope("ShopOpened", "Shop", badKey, Map.of("name", "No ids")));
        kafka.send(SHOP_EVENTS, badKey, "not an envelope");
        List<ConsumerRecord<String, String>> dead = kafka.awaitCount("leads.shop-events.dlq", r -> badKey.equals(r.key()), 2, WAIT);
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("id must not be null"),
                KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
        assertTrue(KafkaTestClient.header(dead.get(1), "dead-letter-reason").contains("not an event envelope"));
        assertEquals(SHOP_EVENTS, KafkaTestClient.header(dead.get(1), "dead-letter-topic"));
        given().get("/routing-directory/shops/{id}", UUID.randomUUID()).then().statusCode(404);
    }
}
