package com.partnernet.leads;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.local.InfrastructureTestResource;
import com.partnernet.local.KafkaTestClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class LeadPipelineTest {

    private static final String SHOP_EVENTS = "partners.shop-events";
    private static final String INBOUND = "leads.inbound";
    private static final String INBOUND_DLQ = "leads.inbound.dlq";
    private static final String LEAD_EVENTS = "leads.events";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger NEXT_POSTAL_CODE = new AtomicInteger(10000);

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Test
    void leadPublishedOnKafkaLandsInTheShopsPipelineAndIsAnnounced() throws Exception {
        String postalCode = uniquePostalCode();
        UUID partnerId = UUID.randomUUID();
        UUID shopId = shopOpened(partnerId, postalCode, "OPEN", 0);
        String externalId = "ext-" + UUID.randomUUID();

        kafka.send(INBOUND, "meta-ads:" + externalId, lead("meta-ads", externalId, postalCode, true));

        await().atMost(WAIT).untilAsserted(() -> given().get("/shops/{shopId}/pipeline", shopId)
                .then().statusCode(200)
                .body("stages.NEW", equalTo(1))
                .body("leads[0].externalId", equalTo(externalId))
                .body("leads[0].status", equalTo("NEW"))
                .body("leads[0].partnerId", equalTo(partnerId.toString()))
                .body("leads[0].routingReason", containsString(postalCode)));

        ConsumerRecord<String, String> assigned = kafka.await(LEAD_EVENTS,
                r -> shopId.toString().equals(r.key()) && "LeadAssigned".equals(KafkaTestClient.header(r, "type")), WAIT);
        JsonNode envelope = mapper.readTree(assigned.value());
        assertEquals("ShopPipeline", envelope.get("aggregateType").asText());
        assertEquals(shopId.toString(), envelope.get("aggregateId").asText());
        assertEquals(partnerId.toString(), envelope.at("/payload/partnerId").asText());
        assertEquals("TV", envelope.at("/payload/productLine").asText());
    }

    @Test
    void redeliveredLeadIsOneLeadAssignedOnce() {
        String postalCode = uniquePostalCode();
        UUID shopId = shopOpened(UUID.randomUUID(), postalCode, "OPEN", 0);
        String externalId = "ext-" + UUID.randomUUID();
        String record = lead("tiktok-ads", externalId, postalCode, true);

        kafka.send(INBOUND, "tiktok-ads:" + externalId, record);
        kafka.send(INBOUND, "tiktok-ads:" + externalId, record);
        // A later lead on the same partition proves both copies were consumed.
        String marker = "ext-" + UUID.randomUUID();
        kafka.send(INBOUND, "tiktok-ads:" + externalId, lead("tiktok-ads", marker, postalCode, true));

        await().atMost(WAIT).untilAsserted(() -> given().get("/shops/{shopId}/pipeline", shopId)
                .then().statusCode(200).body("stages.NEW", equalTo(2)));
        long stored = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(l) from Lead l where l.externalId = :externalId", Long.class)
                .setParameter("externalId", externalId).getSingleResult());
        assertEquals(1, stored);
        List<ConsumerRecord<String, String>> announced = kafka.awaitCount(LEAD_EVENTS,
                r -> shopId.toString().equals(r.key()) && "LeadAssigned".equals(KafkaTestClient.header(r, "type")), 2, WAIT);
        assertEquals(2, announced.size(), "one LeadAssigned per distinct lead");
    }

    @Test
    void redeliveredShopEventChangesNothingAndOlderStateNeverOverwritesNewer() {
        String postalCode = uniquePostalCode();
        UUID partnerId = UUID.randomUUID();
        UUID shopId = UUID.randomUUID();
        String opened = shopEvent(UUID.randomUUID(), "ShopOpened", shopId, partnerId, "Original name", postalCode, "OPEN", 0);
        kafka.send(SHOP_EVENTS, shopId.toString(), opened);
        kafka.send(SHOP_EVENTS, shopId.toString(),
                shopEvent(UUID.randomUUID(), "ShopUpdated", shopId, partnerId, "Renamed", postalCode, "OPEN", 1));
        kafka.send(SHOP_EVENTS, shopId.toString(), opened);
        UUID marker = shopOpened(partnerId, uniquePostalCode(), "OPEN", 0);

        await().atMost(WAIT).untilAsserted(() -> given().get("/shops/{shopId}/pipeline", marker).then().statusCode(200));
        given().get("/shops/{shopId}/pipeline", shopId).then().statusCode(200).body("shopName", equalTo("Renamed"));
        long applied = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where consumer = 'leads-directory' and event_id = :id")
                .setParameter("id", UUID.fromString(readTree(opened).get("eventId").asText()))
                .getSingleResult()).longValue());
        assertEquals(1, applied);
    }

    @Test
    void fieldTeamEventsSharingTheShopTopicAreSkippedNotDeadLettered() {
        UUID teamId = UUID.randomUUID();
        kafka.send(SHOP_EVENTS, teamId.toString(), write(Map.of("eventId", UUID.randomUUID(), "type", "FieldTeamFormed",
                "version", 1, "occurredAt", Instant.now().toString(), "aggregateType", "FieldTeam",
                "aggregateId", teamId.toString(), "payload", Map.of("teamId", teamId, "partnerId", UUID.randomUUID(),
                        "city", "Berlin", "postalCoverage", List.of("10"), "productFocus", List.of("MOBILE"),
                        "weeklyLeadCapacity", 50, "status", "ACTIVE", "version", 0))));
        // A shop event with the same key follows on the same partition: once it is applied, the team event was handled.
        kafka.send(SHOP_EVENTS, teamId.toString(), shopEvent(UUID.randomUUID(), "ShopOpened", teamId, UUID.randomUUID(),
                "Marker shop", uniquePostalCode(), "OPEN", 0));

        await().atMost(WAIT).untilAsserted(() -> given().get("/shops/{shopId}/pipeline", teamId).then().statusCode(200));
        assertEquals(List.of(), kafka.all("leads.shop-events.dlq", r -> teamId.toString().equals(r.key())));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheNextGoodLeadIsProcessed() {
        String postalCode = uniquePostalCode();
        UUID shopId = shopOpened(UUID.randomUUID(), postalCode, "OPEN", 0);
        String badId = "bad-" + UUID.randomUUID();
        String goodId = "ext-" + UUID.randomUUID();

        kafka.send(INBOUND, "web:" + badId, "this is not JSON " + badId);
        kafka.send(INBOUND, "web:" + badId, lead("web", badId, "1234", true));
        kafka.send(INBOUND, "web:" + goodId, lead("web", goodId, postalCode, true));

        await().atMost(WAIT).untilAsserted(() -> given().get("/shops/{shopId}/pipeline", shopId)
                .then().statusCode(200).body("leads[0].externalId", equalTo(goodId)));
        List<ConsumerRecord<String, String>> dead = kafka.awaitCount(INBOUND_DLQ, r -> r.value().contains(badId), 2, WAIT);
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("not a valid InboundLead"),
                KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
        assertTrue(KafkaTestClient.header(dead.get(1), "dead-letter-reason").contains("postalCode must be a German postal code"),
                KafkaTestClient.header(dead.get(1), "dead-letter-reason"));
        assertEquals(INBOUND, KafkaTestClient.header(dead.get(1), "dead-letter-topic"));
    }

    @Test
    void leadWithoutConsentIsStoredWithoutContactDataAndNeverRouted() {
        String postalCode = uniquePostalCode();
        UUID shopId = shopOpened(UUID.randomUUID(), postalCode, "OPEN", 0);
        String externalId = "ext-" + UUID.randomUUID();
        String marker = "ext-" + UUID.randomUUID();

        kafka.send(INBOUND, "web:" + externalId, lead("web", externalId, postalCode, false));
        kafka.send(INBOUND, "web:" + externalId, lead("web", marker, postalCode, true));

        await().atMost(WAIT).untilAsserted(() -> given().get("/shops/{shopId}/pipeline", shopId)
                .then().statusCode(200).body("leads.size()", equalTo(1)).body("leads[0].externalId", equalTo(marker)));
        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createQuery("select l.status, l.contactEmail, l.shopId from Lead l where l.externalId = :id")
                .setParameter("id", externalId).getSingleResult());
        assertEquals("REJECTED_NO_CONSENT", stored[0].toString());
        assertEquals(null, stored[1]);
        assertEquals(null, stored[2]);
    }

    @Test
    void shopMovesALeadToWonWhichIsPublishedAndFinal() throws Exception {
        String postalCode = uniquePostalCode();
        UUID partnerId = UUID.randomUUID();
        UUID shopId = shopOpened(partnerId, postalCode, "OPEN", 0);
        String externalId = "ext-" + UUID.randomUUID();
        kafka.send(INBOUND, "web:" + externalId, lead("web", externalId, postalCode, true));
        String leadId = await().atMost(WAIT).until(() -> given().get("/shops/{shopId}/pipeline", shopId)
                .then().extract().<String>path("leads[0].id"), id -> id != null);

        given().contentType(ContentType.JSON).body(Map.of("status", "CONTACTED"))
                .put("/leads/{leadId}/status", leadId).then().statusCode(200).body("status", equalTo("CONTACTED"));
        given().contentType(ContentType.JSON).body(Map.of("status", "WON"))
                .put("/leads/{leadId}/status", leadId).then().statusCode(200).body("status", equalTo("WON"));
        given().get("/shops/{shopId}/pipeline", shopId).then().body("stages.WON", equalTo(1)).body("stages.NEW", equalTo(0));

        ConsumerRecord<String, String> won = kafka.await(LEAD_EVENTS,
                r -> shopId.toString().equals(r.key()) && "LeadWon".equals(KafkaTestClient.header(r, "type")), WAIT);
        JsonNode payload = mapper.readTree(won.value()).get("payload");
        assertEquals(leadId, payload.get("leadId").asText());
        assertEquals(partnerId.toString(), payload.get("partnerId").asText());
        assertEquals("CONTACTED", payload.get("previousStatus").asText());

        given().contentType(ContentType.JSON).body(Map.of("status", "LOST"))
                .put("/leads/{leadId}/status", leadId)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("WON"));
    }

    @Test
    void invalidStatusChangesAndUnknownIdsAreProblems() {
        given().contentType(ContentType.JSON).body(Map.of("status", "WON"))
                .put("/leads/{leadId}/status", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of())
                .put("/leads/{leadId}/status", UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
        given().contentType(ContentType.JSON).body(Map.of("status", "SOLD"))
                .put("/leads/{leadId}/status", UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
        given().get("/shops/{shopId}/pipeline", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("violations", nullValue());
    }

    /** Publishes a shop's state as partners-service does and waits until the directory knows it. */
    private UUID shopOpened(UUID partnerId, String postalCode, String status, long version) {
        UUID shopId = UUID.randomUUID();
        kafka.send(SHOP_EVENTS, shopId.toString(),
                shopEvent(UUID.randomUUID(), "ShopOpened", shopId, partnerId, "Shop " + postalCode, postalCode, status, version));
        await().atMost(WAIT).untilAsserted(() -> given().get("/shops/{shopId}/pipeline", shopId).then().statusCode(200));
        return shopId;
    }

    private String shopEvent(UUID eventId, String type, UUID shopId, UUID partnerId, String name, String postalCode,
            String status, long version) {
        return write(Map.of("eventId", eventId, "type", type, "version", 1, "occurredAt", Instant.now().toString(),
                "aggregateType", "Shop", "aggregateId", shopId.toString(),
                "payload", Map.of("shopId", shopId, "partnerId", partnerId, "name", name, "postalCode", postalCode,
                        "city", "Köln", "latitude", 50.94, "longitude", 6.96, "status", status, "version", version)));
    }

    private String lead(String source, String externalId, String postalCode, boolean consent) {
        return write(Map.of("source", source, "externalId", externalId, "campaign", "magenta-tv-pilot",
                "productLine", "TV", "postalCode", postalCode,
                "contact", Map.of("name", "Erika Mustermann", "email", "erika@example.org", "phone", "+49 221 1234567"),
                "consent", Map.of("granted", consent, "grantedAt", Instant.now().toString())));
    }

    /** A postal code no other test uses (the database is new per test run), so routing picks this test's shop. */
    private static String uniquePostalCode() {
        return String.format("%05d", NEXT_POSTAL_CODE.getAndIncrement());
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
