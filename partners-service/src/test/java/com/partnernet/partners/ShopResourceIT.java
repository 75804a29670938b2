package com.partnernet.partners;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.partners.PartnerApi.etag;
import static com.partnernet.partners.PartnerApi.openShop;
import static com.partnernet.partners.PartnerApi.registerPartner;
import static com.partnernet.partners.PartnerApi.shop;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.service.ManagementPort;
import com.partnernet.testkit.capture.KafkaTestClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class ShopResourceIT {

    private static final String SHOP_EVENTS = "partners.shop-events";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void openingAShopPublishesShopOpenedKeyedByShopIdWithFullState() throws Exception {
        String partnerId = registerPartner("Rhein Mobilfunk GmbH");

        String shopId = given().contentType(ContentType.JSON)
                .body(shop("Köln Hohe Straße", Map.of("productLines", List.of("TV", "MOBILE", "BROADBAND"))))
                .post("/partners/{partnerId}/shops", partnerId)
                .then().statusCode(201)
                .header("Location", containsString("/shops/"))
                .header("ETag", equalTo("\"0\""))
                .body("partnerId", equalTo(partnerId))
                .body("status", equalTo("OPEN"))
                .body("format", equalTo("CLASSIC"))
                .body("productLines", contains("MOBILE", "BROADBAND", "TV"))
                .extract().path("id");

        ConsumerRecord<String, String> record = kafka.await(SHOP_EVENTS, r -> shopId.equals(r.key()), WAIT);
        JsonNode envelope = mapper.readTree(record.value());
        assertEquals("ShopOpened", envelope.get("type").asText());
        assertEquals("Shop", envelope.get("aggregateType").asText());
        assertEquals(shopId, envelope.get("aggregateId").asText());
        assertEquals(1, envelope.get("version").asInt());
        assertNotNull(envelope.get("occurredAt").asText());
        assertEquals(envelope.get("eventId").asText(), KafkaTestClient.header(record, "eventId"));
        assertEquals("ShopOpened", KafkaTestClient.header(record, "type"));
        JsonNode payload = envelope.get("payload");
        assertEquals(partnerId, payload.get("partnerId").asText());
        assertEquals("DE-NW", payload.get("state").asText());
        assertEquals(30, payload.get("weeklyLeadCapacity").asInt());
        assertEquals("506", payload.get("catchment").get(0).asText());
        assertEquals("MONDAY", payload.at("/openingHours/0/day").asText());
        assertEquals("koeln-hohe-strasse@partner.example", payload.get("email").asText(), "where lead notifications go");

        // Sent only once the broker acknowledged: the outbox row is marked sent.
        QuarkusTransaction.requiringNew().run(() -> assertEquals(0L, entityManager.createQuery(
                "select count(e) from OutboxEvent e where e.messageKey = :key and e.sentAt is null", Long.class)
                .setParameter("key", shopId).getSingleResult()));
    }

    @Test
    void eachKindOfChangeIsPublishedAndTheLastEventHoldsTheCurrentState() throws Exception {
        String shopId = openShop(registerPartner("Hanse Telekom Partner"), shop("Hamburg Mönckebergstraße",
                Map.of("postalCode", "20095", "city", "Hamburg", "state", "DE-HH")));

        given().contentType(ContentType.JSON).header("If-Match", etag("/shops/{id}", shopId))
                .body(shop("Hamburg Mönckebergstraße", Map.of("postalCode", "20095", "city", "Hamburg", "state", "DE-HH",
                        "format", "NEW_FORMAT", "weeklyLeadCapacity", 45, "catchment", List.of("200", "201"))))
                .put("/shops/{shopId}", shopId)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("format", equalTo("NEW_FORMAT")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "Water damage"))
                .post("/shops/{shopId}/temporary-closure", shopId)
                .then().statusCode(200).body("status", equalTo("TEMPORARILY_CLOSED")).body("statusReason", equalTo("Water damage"));
        given().header("If-Match", "\"2\"").post("/shops/{shopId}/reopening", shopId)
                .then().statusCode(200).body("status", equalTo("OPEN")).body("version", equalTo(3));

        List<ConsumerRecord<String, String>> events = kafka.awaitCount(SHOP_EVENTS, r -> shopId.equals(r.key()), 6, WAIT);
        assertEquals(List.of("ShopOpened", "ShopFormatChanged", "ShopCatchmentChanged", "ShopCapacityChanged",
                "ShopTemporarilyClosed", "ShopReopened"),
                events.stream().map(r -> KafkaTestClient.header(r, "type")).toList());
        // A consumer that keeps only the latest event per shop has exactly what the API shows.
        JsonNode latest = mapper.readTree(events.get(events.size() - 1).value()).get("payload");
        JsonNode current = mapper.readTree(given().get("/shops/{shopId}", shopId).then().extract().asString());
        assertEquals(current, latest);
    }

    @Test
    void anUpdateThatChangesNothingKeepsTheETagAndPublishesNothing() {
        String shopId = openShop(registerPartner("Idle Partner"), shop("Unchanged Shop", Map.of()));
        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(shop("Unchanged Shop", Map.of()))
                    .put("/shops/{id}", shopId).then().statusCode(200).header("ETag", equalTo("\"0\""));
        }
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(shop("Renamed Shop", Map.of()))
                .put("/shops/{id}", shopId).then().statusCode(200).header("ETag", equalTo("\"1\""));

        List<ConsumerRecord<String, String>> events = kafka.awaitCount(SHOP_EVENTS, r -> shopId.equals(r.key()), 2, WAIT);
        assertEquals(List.of("ShopOpened", "ShopUpdated"), events.stream().map(r -> KafkaTestClient.header(r, "type")).toList());
    }

    @Test
    void aStaleOrMissingETagChangesNothing() {
        String shopId = openShop(registerPartner("Concurrent Partner"), shop("Concurrent Shop", Map.of()));
        Map<String, Object> change = shop("Renamed", Map.of());

        given().contentType(ContentType.JSON).body(change).put("/shops/{id}", shopId)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(shop("First writer", Map.of()))
                .put("/shops/{id}", shopId).then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .put("/shops/{id}", shopId)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:partnernet:problem:precondition"));
        given().header("If-Match", "\"0\"").post("/shops/{id}/reopening", shopId).then().statusCode(412);
        given().get("/shops/{id}", shopId).then().body("name", equalTo("First writer"));
    }

    /** Fault scenario 7 found a closure sent as text/plain without If-Match closing the shop. */
    @Test
    void aStatusMoveWithoutIfMatchOrWithABodyOfAnotherTypeIsRefusedAndChangesNothing() {
        String shopId = openShop(registerPartner("Careful Partner"), shop("Careful Shop", Map.of()));
        for (String move : List.of("temporary-closure", "closure")) {
            given().contentType(ContentType.JSON).body(Map.of("reason", "Lease ended"))
                    .post("/shops/{id}/" + move, shopId).then().statusCode(428)
                    .contentType("application/problem+json").body("detail", containsString("If-Match"));
            for (String header : List.of("", "*", "\"0\"")) {
                given().contentType("text/plain").header("If-Match", header).body("{}")
                        .post("/shops/{id}/" + move, shopId).then().statusCode(415)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:partnernet:problem:unsupported-media-type"));
            }
            given().header("If-Match", "*").contentType("application/json;charset=UTF-8").body("{\"reason\": \"x\"}")
                    .post("/shops/{id}/" + move, UUID.randomUUID()).then().statusCode(404);
        }
        given().post("/shops/{id}/reopening", shopId).then().statusCode(428);
        // Unchanged: the same version, so no event was published either (events go out with the change).
        given().get("/shops/{id}", shopId).then().body("status", equalTo("OPEN")).body("version", equalTo(0));
    }

    @Test
    void invalidStatusMovesAreConflictsAndAClosedShopIsFinal() {
        String shopId = openShop(registerPartner("Closing Partner"), shop("Closing Shop", Map.of()));

        given().header("If-Match", "\"0\"").post("/shops/{id}/reopening", shopId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("OPEN"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("reason", "Lease ended"))
                .post("/shops/{id}/closure", shopId).then().statusCode(200).body("status", equalTo("CLOSED"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "again"))
                .post("/shops/{id}/temporary-closure", shopId).then().statusCode(409);
        given().contentType(ContentType.JSON).header("If-Match", etag("/shops/{id}", shopId))
                .body(shop("Reborn", Map.of())).put("/shops/{id}", shopId)
                .then().statusCode(409).body("detail", containsString("closed for good"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of())
                .post("/shops/{id}/closure", shopId)
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
    }

    @Test
    void searchFiltersByPartnerCityPostalPrefixFormatProductLineAndStatus() {
        String partnerId = registerPartner("Search Partner");
        String city = "Suchstadt-" + UUID.randomUUID().toString().substring(0, 6);
        String classicTv = openShop(partnerId, shop("A Classic TV", Map.of("city", city, "postalCode", "50667")));
        String newMobile = openShop(partnerId, shop("B New Mobile", Map.of("city", city, "postalCode", "50999",
                "format", "NEW_FORMAT", "productLines", List.of("MOBILE"))));
        String elsewhere = openShop(partnerId, shop("C Elsewhere", Map.of("city", city, "postalCode", "80331")));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("reason", "Remodel"))
                .post("/shops/{id}/temporary-closure", elsewhere).then().statusCode(200);

        given().get("/shops?city={city}", city.toUpperCase()).then().statusCode(200)
                .body("items.id", contains(classicTv, newMobile, elsewhere)).body("totalItems", equalTo(3));
        given().get("/shops?city={city}&postalCode=50", city).then().body("items.id", contains(classicTv, newMobile));
        given().get("/shops?city={city}&format=NEW_FORMAT", city).then().body("items.id", contains(newMobile));
        given().get("/shops?city={city}&productLine=TV", city).then().body("items.id", contains(classicTv, elsewhere));
        given().get("/shops?city={city}&status=TEMPORARILY_CLOSED", city).then().body("items.id", contains(elsewhere));
        given().get("/shops?city={city}&sort=-postalCode", city).then().body("items.id", contains(elsewhere, newMobile, classicTv));
        given().get("/partners/{partnerId}/shops?size=2", partnerId).then().statusCode(200)
                .body("items.size()", equalTo(2)).body("totalItems", equalTo(3));
    }

    @Test
    void radiusSearchFindsShopsWithinTheRadiusNearestFirst() {
        String partnerId = registerPartner("Rhineland Partner");
        String cologne = openShop(partnerId, shop("Köln Dom", Map.of("latitude", 50.9413, "longitude", 6.9583)));
        String bonn = openShop(partnerId, shop("Bonn", Map.of("postalCode", "53111", "city", "Bonn", "latitude", 50.7374, "longitude", 7.0982)));
        openShop(partnerId, shop("Düsseldorf", Map.of("postalCode", "40213", "city", "Düsseldorf", "latitude", 51.2277, "longitude", 6.7735)));

        // From Cologne's Neumarkt: the Dom ~1 km, Bonn ~25 km, Düsseldorf ~34 km.
        given().get("/shops?partnerId={p}&lat=50.9364&lon=6.9474&radiusKm=30", partnerId)
                .then().statusCode(200).body("items.id", contains(cologne, bonn)).body("totalItems", equalTo(2));
        given().get("/shops?partnerId={p}&lat=50.9364&lon=6.9474&radiusKm=100&sort=-name", partnerId)
                .then().body("items.name", contains("Köln Dom", "Düsseldorf", "Bonn"));
        given().get("/shops?lat=50.9&radiusKm=10").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("radiusKm"));
        given().get("/shops?lat=50.9&lon=6.9&radiusKm=5000").then().statusCode(400)
                .body("violations[0].field", equalTo("radiusKm"));
    }

    @Test
    void invalidShopIsRejectedWithFieldViolationsAndNothingStored() {
        String partnerId = registerPartner("Validation Partner");

        given().contentType(ContentType.JSON)
                .body(shop(" ", Map.of("postalCode", "5066", "state", "NRW", "latitude", 95.0, "segments", List.of(),
                        "catchment", List.of("5x"), "weeklyLeadCapacity", -1,
                        "openingHours", List.of(Map.of("day", "MONDAY", "opens", "20:00", "closes", "10:00")))))
                .post("/partners/{partnerId}/shops", partnerId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:partnernet:problem:validation"))
                .body("violations.field", hasItems("name", "postalCode", "state", "latitude", "segments",
                        "weeklyLeadCapacity", "openingHours[0].closes"))
                .body("violations.find { it.field == 'postalCode' }.message", equalTo("must be a German postal code of 5 digits"))
                .body("violations.find { it.field.startsWith('catchment') }.message", containsString("prefix"));

        given().get("/partners/{partnerId}/shops", partnerId).then().statusCode(200).body("totalItems", equalTo(0));
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
                .body("violations[0].field", equalTo("type"))
                .body("violations[0].message", containsString("RETAIL_PARTNER"));
        String partnerId = registerPartner("Typing Partner");
        given().contentType(ContentType.JSON).body(shop("Typed", Map.of("segments", List.of("TEENAGERS"))))
                .post("/partners/{partnerId}/shops", partnerId)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("segments[0]"));
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
        given().get("/shops/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/partners/{id}/shops", UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(shop("Nowhere", Map.of()))
                .post("/partners/{partnerId}/shops", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedIdsUnknownParametersAndWrongMediaTypesAreProblemsInTheApisOwnWords() {
        given().get("/shops/{id}", "not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:partnernet:problem:validation"))
                .body("violations[0].field", equalTo("shopId")).body("violations[0].message", equalTo("must be a UUID"));
        // A filter the list does not have is refused, not ignored (the answer would look filtered).
        given().get("/shops?partner={p}&city=Berlin&colour=red", UUID.randomUUID()).then().statusCode(400)
                .body("violations.field", equalTo(List.of("colour", "partner")))
                .body("violations[0].message", containsString("it takes "));
        given().get("/shops/{id}?verbose=true", UUID.randomUUID()).then().statusCode(400)
                .body("violations[0].message", equalTo("is not a parameter of this operation; it takes none"));
        given().contentType("text/plain").body("name=Shop").post("/partners").then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:partnernet:problem:unsupported-media-type"))
                .body("detail", startsWith("This operation does not read text/plain"));
        given().delete("/partners").then().statusCode(405)
                .body("type", equalTo("urn:partnernet:problem:method-not-allowed"))
                .body("detail", startsWith("DELETE is not an operation of /partners"));
        given().get("/no-such-thing").then().statusCode(404).body("type", equalTo("urn:partnernet:problem:not-found"));
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortTheOpenApiDocumentOnTheApiPort() {
        // Not on the API port, where clients and partners call: the metrics hold every partner's figures.
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().port(ManagementPort.ofServiceUnderTest()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                // The broker too, although this service only publishes (through the outbox relay).
                .body("checks.name", containsInAnyOrder("Database connections health check",
                        "Kafka connection health check", "SmallRye Reactive Messaging - readiness check"));
        given().port(ManagementPort.ofServiceUnderTest()).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().port(ManagementPort.ofServiceUnderTest()).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("partners-service"))
                .body("paths", org.hamcrest.Matchers.hasKey("/shops/{shopId}/temporary-closure"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
