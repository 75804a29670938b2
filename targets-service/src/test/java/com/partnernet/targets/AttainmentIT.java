package com.partnernet.targets;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.service.ManagementPort;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class AttainmentIT {

    private static final String LEAD_EVENTS = "leads.events";
    private static final String DLQ = "targets.lead-events.dlq";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int YEAR = Timestamps.today().getYear();

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Test
    void wonLeadCountsOnceTowardTargetWhateverIsRedelivered() {
        UUID partnerId = UUID.randomUUID();
        UUID shopId = UUID.randomUUID();
        UUID leadId = UUID.randomUUID();
        setTarget(partnerId, "TV", 40);
        String won = leadWon(UUID.randomUUID(), leadId, shopId, partnerId, "TV");

        kafka.send(LEAD_EVENTS, shopId.toString(), won);
        awaitSold(partnerId, 1);
        given().get("/partners/{partnerId}/attainment", partnerId)
                .then().statusCode(200)
                .body("from", equalTo(YEAR + "-01-01"))
                .body("productLines[0].productLine", equalTo("TV"))
                .body("productLines[0].targetUnits", equalTo(40.0f))
                .body("productLines[0].soldUnits", equalTo(1))
                .body("productLines[0].percentage", equalTo(2.5f))
                .body("total.percentage", equalTo(2.5f));

        // The same event again, and another event for the same lead: neither counts.
        kafka.send(LEAD_EVENTS, shopId.toString(), won);
        kafka.send(LEAD_EVENTS, shopId.toString(), leadWon(UUID.randomUUID(), leadId, shopId, partnerId, "TV"));
        UUID markerPartner = UUID.randomUUID();
        kafka.send(LEAD_EVENTS, shopId.toString(), leadWon(UUID.randomUUID(), UUID.randomUUID(), shopId, markerPartner, "TV"));
        awaitSold(markerPartner, 1);

        given().get("/partners/{partnerId}/attainment", partnerId).then().body("total.soldUnits", equalTo(1));
        long sales = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(s) from Sale s where s.leadId = :leadId", Long.class)
                .setParameter("leadId", leadId).getSingleResult());
        assertEquals(1, sales);
        // Ops see the same attainment as a gauge per partner and period.
        String series = "partnernet_targets_attainment_percent{partner=\"" + partnerId + "\",period=\"" + YEAR + "\"} ";
        await().atMost(WAIT).untilAsserted(() -> given().port(ManagementPort.ofServiceUnderTest()).get("/q/metrics").then().body(containsString(series + "2.5")));
    }

    /** Weeks run Monday to Sunday in German time: Sunday 23:30 is the old week, Monday 00:30 the new one. */
    @Test
    void weeklySalesCountEachShopsUnitsPerGermanWeekWithWonLeadsApart() {
        UUID partnerId = UUID.randomUUID();
        UUID shopId = UUID.randomUUID();
        UUID quietShop = UUID.randomUUID();
        String id = "pos-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(java.util.List.of(
                Map.of("externalSaleId", id + "-1", "partnerId", partnerId, "shopId", shopId, "productLine", "TV",
                        "soldAt", "2021-03-07T22:30:00Z", "units", 2),
                Map.of("externalSaleId", id + "-2", "partnerId", partnerId, "shopId", shopId, "productLine", "MOBILE",
                        "soldAt", "2021-03-07T23:30:00Z", "units", 3)))
                .post("/sales/batch").then().statusCode(200).body("created", equalTo(2));
        given().get("/sales/weekly?shopId={a}&shopId={b}&from=2021-03-03&to=2021-03-08", shopId, quietShop)
                .then().statusCode(200).body("from", equalTo("2021-03-01")).body("to", equalTo("2021-03-14"))
                .body("shops.find { it.shopId == '" + shopId + "' }.weeks.weekStart", contains("2021-03-01", "2021-03-08"))
                .body("shops.find { it.shopId == '" + shopId + "' }.weeks.units", contains(2, 3))
                .body("shops.find { it.shopId == '" + quietShop + "' }.weeks.units", contains(0, 0));

        kafka.send(LEAD_EVENTS, shopId.toString(), leadWon(UUID.randomUUID(), UUID.randomUUID(), shopId, partnerId, "TV"));
        awaitSold(partnerId, 1);
        String today = Timestamps.today().toString();
        given().get("/sales/weekly?shopId={a}&from={d}&to={d}", shopId, today, today).then().statusCode(200)
                .body("shops[0].weeks[0].units", equalTo(1)).body("shops[0].weeks[0].fromLeads", equalTo(1));

        given().get("/sales/weekly?from=2021-03-01&to=2021-03-08").then().statusCode(400)
                .body("violations[0].field", equalTo("shopId"));
        given().get("/sales/weekly?shopId={a}&from=2021-03-08&to=2021-03-01", shopId).then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        given().get("/sales/weekly?shopId={a}&from=2018-01-01&to=2021-03-01", shopId).then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
    }

    @Test
    void otherLeadEventsDoNotCount() {
        UUID partnerId = UUID.randomUUID();
        UUID shopId = UUID.randomUUID();
        kafka.send(LEAD_EVENTS, shopId.toString(), envelope(UUID.randomUUID(), "LeadAssigned",
                shopId, Map.of("leadId", UUID.randomUUID(), "partnerId", partnerId, "productLine", "MOBILE")));
        kafka.send(LEAD_EVENTS, shopId.toString(), leadWon(UUID.randomUUID(), UUID.randomUUID(), shopId, partnerId, "MOBILE"));

        awaitSold(partnerId, 1);
        given().get("/partners/{partnerId}/attainment", partnerId)
                .then().body("productLines[0].percentage", equalTo(null));
    }

    @Test
    void eventsOfOtherTypesArePassedOverByTheirTypeHeaderUnread() {
        UUID partnerId = UUID.randomUUID();
        UUID shopId = UUID.randomUUID();
        UUID markerPartner = UUID.randomUUID();
        // The relay's header names the type: a body that would count is not even read under another type's header,
        // and an unreadable one is not dead-lettered.
        kafka.send(LEAD_EVENTS, shopId.toString(), leadWon(UUID.randomUUID(), UUID.randomUUID(), shopId, partnerId, "TV"),
                Map.of("type", "LeadAssigned"));
        kafka.send(LEAD_EVENTS, shopId.toString(), "{\"unread\": " + partnerId, Map.of("type", "LeadReceived"));
        kafka.send(LEAD_EVENTS, shopId.toString(), leadWon(UUID.randomUUID(), UUID.randomUUID(), shopId, markerPartner, "TV"),
                Map.of("type", "LeadWon"));

        awaitSold(markerPartner, 1);
        given().get("/partners/{partnerId}/attainment", partnerId).then().statusCode(200).body("total.soldUnits", equalTo(0));
        // A broken record without the header is read and dead-lettered: once it is there, the unread one would be too.
        String marker = UUID.randomUUID().toString();
        kafka.send(LEAD_EVENTS, shopId.toString(), "{\"broken\": " + marker);
        kafka.await(DLQ, r -> r.value().contains(marker), WAIT);
        assertTrue(kafka.all(DLQ, r -> r.value().contains(partnerId.toString())).isEmpty());
    }

    @Test
    void poisonEventGoesToTheDeadLetterTopicAndTheNextIsCounted() {
        UUID partnerId = UUID.randomUUID();
        UUID shopId = UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        kafka.send(LEAD_EVENTS, shopId.toString(), "{\"broken\": " + marker);
        kafka.send(LEAD_EVENTS, shopId.toString(), envelope(UUID.randomUUID(), "LeadWon", shopId,
                Map.of("leadId", marker, "productLine", "TV", "at", Instant.now().toString())));
        kafka.send(LEAD_EVENTS, shopId.toString(), leadWon(UUID.randomUUID(), UUID.randomUUID(), shopId, partnerId, "MOBILE"));

        awaitSold(partnerId, 1);
        var dead = kafka.awaitCount(DLQ, r -> r.value().contains(marker), 2, WAIT);
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("not an event envelope"));
        assertTrue(KafkaTestClient.header(dead.get(1), "dead-letter-reason").contains("partnerId"),
                KafkaTestClient.header(dead.get(1), "dead-letter-reason"));
    }

    @Test
    void targetsAreSetPerPartnerYearAndProductLine() {
        UUID partnerId = UUID.randomUUID();
        setTarget(partnerId, "MOBILE", 100);
        setTarget(partnerId, "MOBILE", 120);
        setTarget(partnerId, "BROADBAND", 50);

        given().get("/partners/{partnerId}/targets?year={year}", partnerId, YEAR)
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.productLine", hasItems("MOBILE", "BROADBAND"))
                .body("items.find { it.productLine == 'MOBILE' }.units", equalTo(120));
    }

    @Test
    void invalidTargetsAreProblemsWithFieldDetails() {
        UUID partnerId = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("units", -5))
                .put("/partners/{partnerId}/targets/{year}/MOBILE", partnerId, YEAR)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("units"));
        given().contentType(ContentType.JSON).body(Map.of("units", 10))
                .put("/partners/{partnerId}/targets/{year}/MOBILE", partnerId, 1800)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("year"));
        given().contentType(ContentType.JSON).body(Map.of("units", 10))
                .put("/partners/{partnerId}/targets/{year}/PHONEBOOTHS", partnerId, YEAR)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("productLine"))
                .body("violations[0].message", containsString("must be one of [MOBILE"));
        given().contentType(ContentType.JSON).body("{\"units\": \"many\"}")
                .put("/partners/{partnerId}/targets/{year}/MOBILE", partnerId, YEAR)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("units"))
                .body("detail", containsString("units"));
    }

    private void awaitSold(UUID partnerId, int units) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/partners/{partnerId}/attainment", partnerId)
                .then().statusCode(200).body("total.soldUnits", equalTo(units)));
    }

    private static void setTarget(UUID partnerId, String productLine, int units) {
        given().contentType(ContentType.JSON).body(Map.of("units", units))
                .put("/partners/{partnerId}/targets/{year}/{productLine}", partnerId, YEAR, productLine)
                .then().statusCode(200).body("units", equalTo(units));
    }

    private String leadWon(UUID eventId, UUID leadId, UUID shopId, UUID partnerId, String productLine) {
        return envelope(eventId, "LeadWon", shopId, Map.of("leadId", leadId, "shopId", shopId, "partnerId", partnerId,
                "productLine", productLine, "campaign", "magenta-tv-pilot", "status", "WON", "at", Instant.now().toString()));
    }

    private String envelope(UUID eventId, String type, UUID shopId, Map<String, Object> payload) {
        try {
            return mapper.writeValueAsString(Map.of("eventId", eventId, "type", type, "version", 1,
                    "occurredAt", Instant.now().toString(), "aggregateType", "ShopPipeline",
                    "aggregateId", shopId.toString(), "payload", payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
