package com.partnernet.targets;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Effective targets on the default curve of 2021 (365 days; weeks are 7-day blocks from 1 January): weeks 1–26
 * (1 Jan – 2 Jul, 182 days) weigh 1.0, weeks 27–47 (3 Jul – 26 Nov, 147 days) 1.2, weeks 48–53 (27 Nov – 31 Dec,
 * 36 days) 1.5. The year weighs 182 + 176.4 + 54 = 412.4.
 */
@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class TargetRulesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final KafkaTestClient kafka = KafkaTestClient.shared();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * The crisis year: annual target 1,200, H1 waived, H2 (1 Jul – 31 Dec) scaled to 50 % = 600. H2 weighs 1 day at
     * 1.0 (1 Jul) + 147 at 1.2 + 36 at 1.5 = 231.4. Q3 (1 Jul – 30 Sep) weighs 1.0 + 91 × 1.2 = 110.2, so its target is
     * 600 × 110.2 / 231.4 = 285.74; October (31 days at 1.2 = 37.2) gets 600 × 37.2 / 231.4 = 96.46. Without the rules
     * Q3 would carry 1,200 × 110.2 / 412.4 = 320.66.
     */
    @Test
    @TestSecurity(user = "sales-director", roles = SALES_MANAGER)
    void crisisYearWaivesTheFirstHalfAndScalesTheSecondToFiftyPercent() throws Exception {
        String partner = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("units", 1200, "reason", "Plan 2021"))
                .put("/partners/{p}/targets/2021/TV", partner).then().statusCode(200).body("units", equalTo(1200));
        String waive = rule(Map.of("type", "WAIVE", "partnerId", partner, "from", "2021-01-01", "to", "2021-06-30",
                "reason", "Corona crisis"));
        rule(Map.of("type", "SCALE", "partnerId", partner, "from", "2021-07-01", "to", "2021-12-31", "percent", 50,
                "reason", "Corona crisis: H2 at half the annual target"));

        effective(partner, null, "2021-01-01", "2021-12-31", "TV").body("units", equalTo(600.0f)).body("baseUnits", equalTo(1200.0f));
        effective(partner, null, "2021-01-01", "2021-06-30", "TV").body("units", equalTo(0.0f))
                .body("shapedBy[0].kind", equalTo("WAIVE")).body("shapedBy[0].ruleId", equalTo(waive))
                .body("shapedBy[0].days", equalTo(181)).body("shapedBy[0].reason", equalTo("Corona crisis"));
        effective(partner, null, "2021-07-01", "2021-09-30", "TV").body("units", equalTo(285.74f)).body("baseUnits", equalTo(320.66f))
                .body("shapedBy.kind", contains("SCALE")).body("shapedBy[0].days", equalTo(92))
                .body("shapedBy[0].scope", equalTo("PARTNER")).body("shapedBy[0].author", equalTo("sales-director"));
        effective(partner, null, "2021-10-01", "2021-10-31", "TV").body("units", equalTo(96.46f));
        given().get("/period-rules?partnerId={p}&year=2021", partner).then().statusCode(200)
                .body("items.id", hasItem(waive));

        // A more specific rule wins where it overlaps: this shop of the partner keeps its full target in October.
        String shop = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("units", 412))
                .put("/partners/{p}/shops/{s}/targets/2021/TV", partner, shop).then().statusCode(200);
        rule(Map.of("type", "SCALE", "partnerId", partner, "shopId", shop, "from", "2021-10-01", "to", "2021-10-31",
                "percent", 10, "reason", "Flagship keeps October"));
        // The shop's October: 10 % of 412 = 41.2 over the rule's own range.
        effective(partner, shop, "2021-10-01", "2021-10-31", "TV").body("units", equalTo(41.2f)).body("shapedBy[0].scope", equalTo("SHOP"));

        given().get("/partners/{p}/targets/2021/TV/history", partner).then().statusCode(200)
                .body("items.changedBy", contains("sales-director")).body("items[0].reason", equalTo("Plan 2021"));
        List<ConsumerRecord<String, String>> adjusted = kafka.awaitCount("targets.events",
                r -> partner.equals(r.key()) && "TargetAdjusted".equals(KafkaTestClient.header(r, "type")), 5, WAIT);
        assertEquals(List.of("TARGET_SET", "RULE_ADDED", "RULE_ADDED"), adjusted.stream()
                .sorted(java.util.Comparator.comparingLong(ConsumerRecord::timestamp))
                .map(r -> read(r.value()).at("/payload/cause").asText()).limit(3).toList());

        given().post("/period-rules/{id}/withdrawal", waive)
                .then().statusCode(200);
        // Without the waiver H1 carries its plain-curve share again: 1,200 × 181 / 412.4 = 526.67.
        effective(partner, null, "2021-01-01", "2021-06-30", "TV").body("units", equalTo(526.67f));
        given().post("/period-rules/{id}/withdrawal", waive)
                .then().statusCode(409);
    }

    /** 1,031 units spread over a year weighing 412.4: 2.5 a day in spring, so 14 closed days in March are exactly 35. */
    @Test
    void aShopClosedFourteenDaysForARemodelLosesExactlyThoseDaysOfItsTarget() {
        String partner = UUID.randomUUID().toString();
        String shop = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("units", 1031))
                .put("/partners/{p}/shops/{s}/targets/2021/MOBILE", partner, shop).then().statusCode(200);
        shopEvent(shop, partner, "ShopOpened", "OPEN", "2021-01-01T08:00:00Z", null, 0);
        shopEvent(shop, partner, "ShopTemporarilyClosed", "TEMPORARILY_CLOSED", "2021-03-01T08:00:00Z",
                "Remodel into the new store format", 1);
        shopEvent(shop, partner, "ShopReopened", "OPEN", "2021-03-15T08:00:00Z", null, 2);

        await().atMost(WAIT).untilAsserted(() -> effective(partner, shop, "2021-01-01", "2021-12-31", "MOBILE").body("units", equalTo(996.0f)));
        effective(partner, shop, "2021-03-01", "2021-03-31", "MOBILE").body("units", equalTo(42.5f))
                .body("shapedBy.kind", contains("PRORATE", "CURVE"))
                .body("shapedBy[0].days", equalTo(14)).body("shapedBy[0].baseUnits", equalTo(35.0f))
                .body("shapedBy[0].reason", equalTo("Remodel into the new store format"));
        // The partner has no target of its own for MOBILE: it has its shops', closures included.
        effective(partner, null, "2021-01-01", "2021-12-31", "MOBILE").body("units", equalTo(996.0f));
    }

    /** A year with a flat curve (1.0 a day) and Thursdays 1.5: 365 + 52 × 0.5 = 391, so 782 units give 2 a day, 3 a Thursday. */
    @Test
    void promotionDaysWeighMoreOnTheCurve() {
        given().contentType(ContentType.JSON).body(Map.of("weights", java.util.Collections.nCopies(53, 1.0)))
                .put("/calendar/2033/curve").then().statusCode(200).body("custom", equalTo(true));
        String location = given().contentType(ContentType.JSON).body(Map.of("name", "Magenta Thursday", "from", "2033-01-01",
                "to", "2033-12-31", "dayOfWeek", "THURSDAY", "uplift", 0.5, "productLines", List.of("HOME_NETWORKING")))
                .post("/calendar/promotions").then().statusCode(201).extract().header("Location");
        // The new promotion is where its Location says.
        given().get(URI.create(location).getPath()).then().statusCode(200).body("name", equalTo("Magenta Thursday"))
                .body("dayOfWeek", equalTo("THURSDAY"));
        String partner = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("units", 782)).put("/partners/{p}/targets/2033/HOME_NETWORKING", partner)
                .then().statusCode(200);
        effective(partner, null, "2033-01-06", "2033-01-06", "HOME_NETWORKING").body("units", equalTo(3.0f));
        effective(partner, null, "2033-01-07", "2033-01-07", "HOME_NETWORKING").body("units", equalTo(2.0f));
        given().get("/calendar/2034/curve").then().body("custom", equalTo(false)).body("weights[47]", equalTo(1.5f));
        given().contentType(ContentType.JSON).body(Map.of("weights", List.of(1.0))).put("/calendar/2033/curve").then().statusCode(400);
        given().get("/calendar/2033/promotions").then().statusCode(200).body("items.name", contains("Magenta Thursday"));
        // Removed, the promotion no longer lifts its days: 782 units spread flat over 365 days.
        given().delete(URI.create(location).getPath()).then().statusCode(204);
        given().get(URI.create(location).getPath()).then().statusCode(404);
        effective(partner, null, "2033-01-06", "2033-01-06", "HOME_NETWORKING").body("units", equalTo(2.14f));
    }

    /**
     * 2044 (366 days) with a flat curve: 732 units are 2 a day. A network-wide waiver of January takes every
     * partner's January away, except where a partner's own rule covers it: its 10 % scale gives January 73.2.
     */
    @Test
    void aPartnerRuleOverridesANetworkRuleWhereTheyOverlap() {
        given().contentType(ContentType.JSON).body(Map.of("weights", java.util.Collections.nCopies(53, 1.0)))
                .put("/calendar/2044/curve").then().statusCode(200);
        String waived = UUID.randomUUID().toString();
        String scaled = UUID.randomUUID().toString();
        for (String partner : List.of(waived, scaled)) {
            given().contentType(ContentType.JSON).body(Map.of("units", 732)).put("/partners/{p}/targets/2044/MOBILE", partner)
                    .then().statusCode(200);
        }
        rule(Map.of("type", "WAIVE", "from", "2044-01-01", "to", "2044-01-31", "reason", "Network-wide system migration"));
        rule(Map.of("type", "SCALE", "partnerId", scaled, "from", "2044-01-01", "to", "2044-01-31", "percent", 10,
                "reason", "Pilot partner keeps selling"));

        effective(waived, null, "2044-01-01", "2044-01-31", "MOBILE").body("units", equalTo(0.0f))
                .body("shapedBy[0].scope", equalTo("NETWORK"));
        effective(scaled, null, "2044-01-01", "2044-01-31", "MOBILE").body("units", equalTo(73.2f))
                .body("shapedBy[0].scope", equalTo("PARTNER"));
        effective(waived, null, "2044-02-01", "2044-02-29", "MOBILE").body("units", equalTo(58.0f))
                .body("shapedBy[0].kind", equalTo("CURVE"));
    }

    @Test
    void invalidRulesAndRangesAreProblems() {
        String partner = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("type", "SCALE", "from", "2021-07-01", "to", "2021-06-01",
                "reason", "r")).post("/period-rules")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItems("percent", "to"));
        given().contentType(ContentType.JSON).body(Map.of("type", "WAIVE", "shopId", UUID.randomUUID(), "from", "2021-07-01",
                "to", "2021-07-02", "reason", "r")).post("/period-rules")
                .then().statusCode(400).body("violations[0].field", equalTo("partnerId"));
        given().get("/partners/{p}/effective-target?productLine=TV&from=2021-02-01&to=2021-01-01", partner)
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        given().get("/partners/{p}/effective-target?from=2021-02-01&to=2021-03-01", partner)
                .then().statusCode(400).body("violations[0].field", equalTo("productLine"));
        given().get("/period-rules/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/partners/{p}/targets/2021/TV/history", partner).then().statusCode(404);
    }

    private static String rule(Map<String, Object> rule) {
        return given().contentType(ContentType.JSON).body(rule).post("/period-rules").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse effective(String partner, String shop, String from, String to, String line) {
        var request = given().queryParam("productLine", line).queryParam("from", from).queryParam("to", to);
        if (shop != null) {
            request.queryParam("shopId", shop);
        }
        return request.get("/partners/{p}/effective-target", partner).then().statusCode(200);
    }

    private void shopEvent(String shop, String partner, String type, String status, String since, String reason, int version) {
        Map<String, Object> payload = new HashMap<>(Map.of("id", shop, "partnerId", partner, "name", "Remodel shop",
                "postalCode", "50667", "status", status, "statusSince", since, "version", version));
        if (reason != null) {
            payload.put("statusReason", reason);
        }
        kafka.send("partners.shop-events", shop, write(Map.of("eventId", UUID.randomUUID().toString(), "type", type,
                "version", 1, "occurredAt", Instant.now().toString(), "aggregateType", "Shop", "aggregateId", shop,
                "payload", payload)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
