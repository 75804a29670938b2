package com.partnernet.leads;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.service.ManagementPort;
import com.partnernet.testkit.service.MetricsText;

import io.restassured.http.ContentType;

/**
 * What the leads-service tests share: publishing shop and field-team states as partners-service does, campaigns,
 * leads as marketing systems send them. Each test uses postal codes and places of its own (the database lives for
 * the whole test run), so routing in one test never finds another test's shops.
 */
final class LeadsApi {

    static final String SHOP_EVENTS = "partners.shop-events";
    static final String INBOUND = "leads.inbound";
    static final String INBOUND_DLQ = "leads.inbound.dlq";
    static final String LEAD_EVENTS = "leads.events";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final List<String> ALL_LINES = List.of("MOBILE", "BROADBAND", "TV", "HOME_NETWORKING", "BUSINESS_SOLUTIONS");

    private static final AtomicInteger NEXT_POSTAL_CODE = new AtomicInteger(10000);
    private static final AtomicInteger NEXT_PLACE = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LeadsApi() {
    }

    /** A postal code no other test uses. */
    static String uniquePostalCode() {
        return String.format("%05d", NEXT_POSTAL_CODE.getAndIncrement());
    }

    /** A place at least ~60 km from every other test's place, so radius searches stay within one test. */
    static double[] uniquePlace() {
        int place = NEXT_PLACE.getAndIncrement();
        return new double[] { 47.4 + (place % 9) * 0.6, 6.2 + (place / 9) * 0.9 };
    }

    /** A shop's full state as partners-service publishes it; {@code overrides} replace fields. */
    static Map<String, Object> shop(UUID shopId, String name, String postalCode, double[] place, Map<String, Object> overrides) {
        Map<String, Object> shop = new HashMap<>();
        shop.put("id", shopId.toString());
        shop.put("partnerId", UUID.randomUUID().toString());
        shop.put("name", name);
        shop.put("postalCode", postalCode);
        shop.put("city", "Teststadt");
        shop.put("latitude", place[0]);
        shop.put("longitude", place[1]);
        shop.put("status", "OPEN");
        shop.put("format", "CLASSIC");
        shop.put("segments", List.of("CONSUMER", "BUSINESS"));
        shop.put("productLines", ALL_LINES);
        shop.put("catchment", List.of(postalCode));
        shop.put("weeklyLeadCapacity", 100);
        shop.put("version", 0);
        shop.putAll(overrides);
        return shop;
    }

    static String envelope(String type, String aggregateType, String aggregateId, Object payload) {
        return write(Map.of("eventId", UUID.randomUUID().toString(), "type", type, "version", 1,
                "occurredAt", Instant.now().toString(), "aggregateType", aggregateType, "aggregateId", aggregateId,
                "payload", payload));
    }

    /** Publishes a shop's state and waits until the routing directory holds that version. */
    static UUID publishShop(KafkaTestClient kafka, Map<String, Object> shop) {
        String shopId = (String) shop.get("id");
        kafka.send(SHOP_EVENTS, shopId, envelope("ShopUpdated", "Shop", shopId, shop));
        await().atMost(WAIT).untilAsserted(() -> given().get("/routing-directory/shops/{id}", shopId)
                .then().statusCode(200).body("shopVersion", equalTo(((Number) shop.get("version")).intValue())));
        return UUID.fromString(shopId);
    }

    /** Publishes a field team's state and waits until the routing directory holds that version. */
    static UUID publishTeam(KafkaTestClient kafka, Map<String, Object> team) {
        String teamId = (String) team.get("id");
        kafka.send(SHOP_EVENTS, teamId, envelope("FieldTeamUpdated", "FieldTeam", teamId, team));
        await().atMost(WAIT).untilAsserted(() -> given().get("/routing-directory/teams/{id}", teamId)
                .then().statusCode(200).body("teamVersion", equalTo(((Number) team.get("version")).intValue())));
        return UUID.fromString(teamId);
    }

    static Map<String, Object> team(String postalPrefix, Map<String, Object> overrides) {
        Map<String, Object> team = new HashMap<>(Map.of("id", UUID.randomUUID().toString(),
                "partnerId", UUID.randomUUID().toString(), "name", "Team " + postalPrefix, "city", "Teststadt",
                "liveFrom", "2021-01-01", "postalCoverage", List.of(postalPrefix), "productFocus", List.of("MOBILE"),
                "weeklyLeadCapacity", 50, "status", "ACTIVE", "version", 0));
        team.putAll(overrides);
        return team;
    }

    /** Creates a campaign and returns its code; by default rolled out, consumer segment, all product lines. */
    static String campaign(Map<String, Object> overrides) {
        String code = "campaign-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> campaign = new HashMap<>(Map.of("code", code, "name", "Campaign " + code,
                "channel", "FACEBOOK", "targetingModel", "lookalike-ai", "targetingVersion", "3.1",
                "productFocus", List.of("TV", "MOBILE"), "segment", "CONSUMER", "startsOn", "2021-09-01",
                "status", "ROLLED_OUT"));
        campaign.putAll(overrides);
        given().contentType(ContentType.JSON).body(campaign).post("/campaigns").then().statusCode(201);
        return (String) campaign.get("code");
    }

    /** A valid lead for {@code campaign} in {@code postalCode}; {@code overrides} replace fields (null removes). */
    static Map<String, Object> lead(String campaign, String postalCode, Map<String, Object> overrides) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("source", "meta-ads");
        lead.put("externalId", "ext-" + UUID.randomUUID());
        lead.put("campaign", campaign);
        lead.put("productLine", "TV");
        lead.put("postalCode", postalCode);
        lead.put("contact", Map.of("name", "Erika Mustermann", "email", "erika." + UUID.randomUUID() + "@example.org"));
        lead.put("consent", Map.of("granted", true, "grantedAt", Instant.now().toString()));
        overrides.forEach((key, value) -> {
            if (value == null) {
                lead.remove(key);
            } else {
                lead.put(key, value);
            }
        });
        return lead;
    }

    /** Submits a lead over REST and returns the stored lead's id. */
    static String submit(Map<String, Object> lead) {
        return given().contentType(ContentType.JSON).body(lead).post("/leads")
                .then().statusCode(201).extract().path("id");
    }

    /** A series' value on /q/metrics (e.g. {@code partnernet_leads_pipeline{stage="NEW"}}), 0 while it is not there. */
    static double metric(String series) {
        return MetricsText.value(given().port(ManagementPort.ofServiceUnderTest()).get("/q/metrics").then().statusCode(200)
                .extract().asString(), series);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
