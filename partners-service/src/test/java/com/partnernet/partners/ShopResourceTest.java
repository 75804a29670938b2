package com.partnernet.partners;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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
class ShopResourceTest {

    private static final String SHOP_EVENTS = "partners.shop-events";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void openingAShopPublishesShopOpenedKeyedByShopIdWithFullState() throws Exception {
        String partnerId = registerPartner("Rhein Mobilfunk GmbH");

        String shopId = given().contentType(ContentType.JSON)
                .body(shop("Köln Hohe Straße", "50667", "Köln", 50.9375, 6.9603))
                .post("/partners/{partnerId}/shops", partnerId)
                .then().statusCode(201)
                .header("Location", containsString("/shops/"))
                .body("partnerId", equalTo(partnerId))
                .body("postalCode", equalTo("50667"))
                .body("status", equalTo("OPEN"))
                .extract().path("shopId");

        ConsumerRecord<String, String> record = kafka.await(SHOP_EVENTS, r -> shopId.equals(r.key()), Duration.ofSeconds(15));
        JsonNode envelope = mapper.readTree(record.value());
        assertEquals("ShopOpened", envelope.get("type").asText());
        assertEquals("Shop", envelope.get("aggregateType").asText());
        assertEquals(shopId, envelope.get("aggregateId").asText());
        assertEquals(1, envelope.get("version").asInt());
        assertNotNull(envelope.get("occurredAt").asText());
        assertEquals(envelope.get("eventId").asText(), KafkaTestClient.header(record, "eventId"));
        assertEquals("ShopOpened", KafkaTestClient.header(record, "type"));
        JsonNode payload = envelope.get("payload");
        assertEquals(shopId, payload.get("shopId").asText());
        assertEquals(partnerId, payload.get("partnerId").asText());
        assertEquals("Köln", payload.get("city").asText());
        assertEquals(50.9375, payload.get("latitude").asDouble());
        assertEquals("OPEN", payload.get("status").asText());

        // Sent only once the broker acknowledged: the outbox row is marked sent.
        QuarkusTransaction.requiringNew().run(() -> assertEquals(0L, entityManager.createQuery(
                "select count(e) from OutboxEvent e where e.messageKey = :key and e.sentAt is null", Long.class)
                .setParameter("key", shopId).getSingleResult()));
    }

    @Test
    void updatingAShopPublishesShopUpdatedWithTheNewerVersion() throws Exception {
        String partnerId = registerPartner("Hanse Telekom Partner");
        String shopId = openShop(partnerId, "Hamburg Mönckebergstraße", "20095", "Hamburg");

        given().contentType(ContentType.JSON)
                .body(shop("Hamburg Spitalerstraße", "20095", "Hamburg", 53.5511, 10.0))
                .put("/shops/{shopId}", shopId)
                .then().statusCode(200)
                .body("name", equalTo("Hamburg Spitalerstraße"))
                .body("version", equalTo(1));

        ConsumerRecord<String, String> updated = kafka.await(SHOP_EVENTS,
                r -> shopId.equals(r.key()) && "ShopUpdated".equals(KafkaTestClient.header(r, "type")), Duration.ofSeconds(15));
        JsonNode payload = mapper.readTree(updated.value()).get("payload");
        assertEquals("Hamburg Spitalerstraße", payload.get("name").asText());
        assertEquals(1, payload.get("version").asLong());
        // Both events of the shop share its key, hence its partition: consumers see them in order.
        ConsumerRecord<String, String> opened = kafka.await(SHOP_EVENTS,
                r -> shopId.equals(r.key()) && "ShopOpened".equals(KafkaTestClient.header(r, "type")), Duration.ofSeconds(5));
        assertEquals(opened.partition(), updated.partition());
    }

    @Test
    void listsAPartnersShopsByName() {
        String partnerId = registerPartner("Spree Shops GmbH");
        openShop(partnerId, "Berlin Zoo", "10787", "Berlin");
        openShop(partnerId, "Berlin Alexanderplatz", "10178", "Berlin");

        given().get("/partners/{partnerId}/shops", partnerId)
                .then().statusCode(200)
                .body("name", contains("Berlin Alexanderplatz", "Berlin Zoo"));
        given().get("/partners")
                .then().statusCode(200)
                .body("name", hasItems("Spree Shops GmbH"));
    }

    @Test
    void invalidShopIsRejectedWithFieldViolationsAndNothingStored() {
        String partnerId = registerPartner("Validation Partner");

        given().contentType(ContentType.JSON)
                .body(Map.of("name", " ", "postalCode", "5066", "city", "Köln", "latitude", 95.0, "longitude", 6.96))
                .post("/partners/{partnerId}/shops", partnerId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:partnernet:problem:validation"))
                .body("status", equalTo(400))
                .body("violations.field", hasItems("name", "postalCode", "latitude"))
                .body("violations.find { it.field == 'postalCode' }.message", equalTo("must be a German postal code of 5 digits"));

        given().get("/partners/{partnerId}/shops", partnerId).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void malformedJsonAndWrongTypesAreClientErrorsNotServerErrors() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Broken\", ")
                .post("/partners")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:partnernet:problem:malformed-request"))
                .body("detail", not(containsString("Exception")));

        given().contentType(ContentType.JSON).body("{\"name\": \"Typed\", \"type\": \"FRANCHISE\"}")
                .post("/partners")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("type"))
                .body("violations[0].message", containsString("RETAIL_PARTNER"));

        given().contentType(ContentType.JSON)
                .post("/partners")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownIdsAnswer404Problems() {
        given().get("/partners/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:partnernet:problem:not-found"))
                .body("detail", containsString("Partner"));
        given().get("/shops/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(shop("Nowhere", "50667", "Köln", 50.9, 6.9))
                .post("/partners/{partnerId}/shops", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/shops/{id}", "not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("partners-service"))
                .body("paths", org.hamcrest.Matchers.hasKey("/partners/{partnerId}/shops"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static String registerPartner(String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "RETAIL_PARTNER"))
                .post("/partners")
                .then().statusCode(201)
                .body("name", equalTo(name))
                .extract().path("id");
    }

    private static String openShop(String partnerId, String name, String postalCode, String city) {
        return given().contentType(ContentType.JSON)
                .body(shop(name, postalCode, city, 52.5, 13.4))
                .post("/partners/{partnerId}/shops", partnerId)
                .then().statusCode(201)
                .extract().path("shopId");
    }

    private static Map<String, Object> shop(String name, String postalCode, String city, double latitude, double longitude) {
        return Map.of("name", name, "postalCode", postalCode, "city", city, "latitude", latitude, "longitude", longitude);
    }
}
