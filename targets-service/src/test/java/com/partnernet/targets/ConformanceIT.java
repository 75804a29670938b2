package com.partnernet.targets;

import static com.partnernet.testkit.conformance.Endpoint.endpoint;
import static com.partnernet.testkit.token.Tokens.MARKETING_SYSTEM;
import static com.partnernet.testkit.token.Tokens.OPS;
import static com.partnernet.testkit.token.Tokens.SALES_MANAGER;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.security.PersonalDataInventory;
import com.partnernet.testkit.conformance.ConformanceChecks;
import com.partnernet.testkit.conformance.ContractProbe;
import com.partnernet.testkit.conformance.Endpoint;
import com.partnernet.testkit.conformance.PartnerUser;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.token.Tokens;
import com.partnernet.targets.closure.ShopState;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Who may do what in targets-service, probed with real tokens (see {@link AuthorizationMatrix}). */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class ConformanceIT implements ConformanceChecks {

    static final String YEAR = "2021";

    @Inject
    EntityManager entityManager;

    final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    PersonalDataInventory inventory;

    static Tokens tokens;
    static UUID partnerA;
    static UUID partnerB;
    static UUID shopA;
    static UUID shopB;
    static String ruleId;
    static String promotionId;

    @BeforeEach
    void partnerAsTargetAndShopOnce() throws Exception {
        if (tokens != null) {
            return;
        }
        tokens = InfrastructureTestResource.tokens();
        partnerA = UUID.randomUUID();
        partnerB = UUID.randomUUID();
        shopA = shopOpened(partnerA);
        shopB = shopOpened(partnerB);
        as(SALES_MANAGER).contentType(ContentType.JSON).body(Map.of("units", 1200, "reason", "Plan"))
                .put("/partners/{p}/targets/{y}/TV", partnerA, YEAR).then().statusCode(200);
        ruleId = as(SALES_MANAGER).contentType(ContentType.JSON).body(Map.of("type", "WAIVE", "partnerId", partnerA.toString(),
                "from", "2021-01-01", "to", "2021-06-30", "reason", "Crisis")).post("/period-rules")
                .then().statusCode(201).extract().path("id");
        // A promotion that weighs nothing, in a year no other test uses.
        promotionId = as(SALES_MANAGER).contentType(ContentType.JSON).body(Map.of("name", "Matrix day", "from",
                "2099-01-01", "to", "2099-01-01", "uplift", 0.0)).post("/calendar/promotions")
                .then().statusCode(201).extract().path("id");
        for (UUID shop : List.of(shopA, shopB)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertNotNull(QuarkusTransaction.requiringNew()
                    .call(() -> entityManager.find(ShopState.class, shop))));
        }
    }

    @Override
    public ContractProbe probe() {
        return new ContractProbe(URI.create("http://localhost:" + RestAssured.port), tokens, partnerA, partnerB);
    }

    /** Every endpoint's rule, with sample parameters of partner A's resources. */
    @Override
    public Set<String> storedPersonalValues() {
        return inventory.storedValues();
    }

    @Override
    public List<Endpoint> endpoints() {
        String period = "from=2021-01-01&to=2021-12-31";
        return List.of(
                endpoint("GET /partners/{partnerId}/attainment").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("partnerId", partnerA).query("year=" + YEAR),
                endpoint("GET /attainment").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .query("partnerId=" + partnerA + "&shopId=" + shopA + "&" + period),
                endpoint("GET /leaderboard").allow(SALES_MANAGER, OPS).query("year=" + YEAR),
                endpoint("POST /sales").allow(SALES_MANAGER).body("{}"),
                endpoint("POST /sales/batch").allow(SALES_MANAGER).body("[]"),
                endpoint("GET /sales/weekly").allow(SALES_MANAGER, OPS).query("shopId=" + shopA + "&" + period),
                endpoint("PUT /partners/{partnerId}/targets/{year}/{productLine}").allow(SALES_MANAGER).with("partnerId", partnerA)
                        .with("year", YEAR).with("productLine", "TV").body("{}"),
                endpoint("PUT /partners/{partnerId}/shops/{shopId}/targets/{year}/{productLine}").allow(SALES_MANAGER)
                        .with("partnerId", partnerA).with("shopId", shopA).with("year", YEAR).with("productLine", "TV")
                        .body("{}"),
                endpoint("GET /partners/{partnerId}/targets").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("partnerId", partnerA).query("year=" + YEAR),
                endpoint("GET /partners/{partnerId}/targets/{year}/{productLine}/history").allow(SALES_MANAGER, OPS)
                        .partnerUser(PartnerUser.OWN).with("partnerId", partnerA).with("year", YEAR).with("productLine", "TV"),
                endpoint("GET /partners/{partnerId}/effective-target").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("partnerId", partnerA).query("productLine=TV&shopId=" + shopA + "&" + period),
                endpoint("POST /period-rules").allow(SALES_MANAGER).body("{}"),
                endpoint("GET /period-rules").allow(SALES_MANAGER, OPS),
                endpoint("GET /period-rules/{ruleId}").allow(SALES_MANAGER, OPS).with("ruleId", ruleId),
                endpoint("POST /period-rules/{ruleId}/withdrawal").allow(SALES_MANAGER),
                endpoint("GET /calendar/{year}/curve").allow(SALES_MANAGER, OPS, MARKETING_SYSTEM).partnerUser(PartnerUser.ALLOWED).with("year", YEAR),
                endpoint("PUT /calendar/{year}/curve").allow(SALES_MANAGER).with("year", YEAR).body("{}"),
                endpoint("GET /calendar/{year}/promotions").allow(SALES_MANAGER, OPS, MARKETING_SYSTEM).partnerUser(PartnerUser.ALLOWED)
                        .with("year", YEAR),
                endpoint("POST /calendar/promotions").allow(SALES_MANAGER).body("{}"),
                endpoint("GET /calendar/promotions/{promotionId}").allow(SALES_MANAGER, OPS, MARKETING_SYSTEM)
                        .partnerUser(PartnerUser.ALLOWED).with("promotionId", promotionId),
                endpoint("DELETE /calendar/promotions/{promotionId}").allow(SALES_MANAGER));
    }

    @Test
    void aPartnerUserAskingAboutAnotherPartnersShopUnderItsOwnIdLearnsNothing() {
        String period = "2021-01-01";
        asPartnerUser(partnerA).get("/partners/{p}/effective-target?productLine=TV&shopId={s}&from={f}&to=2021-12-31",
                partnerA, shopB, period).then().statusCode(404).contentType("application/problem+json");
        asPartnerUser(partnerA).get("/attainment?partnerId={p}&shopId={s}&from={f}&to=2021-12-31", partnerA, shopB, period)
                .then().statusCode(404);
        asPartnerUser(partnerA).get("/partners/{p}/effective-target?productLine=TV&shopId={s}&from={f}&to=2021-12-31",
                partnerA, shopA, period).then().statusCode(200);
    }

    @Test
    void targetsAndRulesRecordWhoChangedThemFromTheToken() {
        given().auth().oauth2(tokens.mint("director.of.sales", Duration.ofMinutes(5), Set.of(SALES_MANAGER)))
                .contentType(ContentType.JSON).body(Map.of("units", 1300, "reason", "Raised", "changedBy", "someone-else"))
                .put("/partners/{p}/targets/{y}/TV", partnerA, YEAR).then().statusCode(200);
        as(SALES_MANAGER).get("/partners/{p}/targets/{y}/TV/history", partnerA, YEAR).then().statusCode(200)
                .body("items.changedBy", contains("as-" + SALES_MANAGER, "director.of.sales"));
        as(SALES_MANAGER).get("/period-rules/{id}", ruleId).then().statusCode(200).body("author", equalTo("as-" + SALES_MANAGER));
        // Who changed it is a member of staff: ops reads the change, not the name.
        as(OPS).get("/partners/{p}/targets/{y}/TV/history", partnerA, YEAR).then().statusCode(200)
                .body("items.changedBy", contains(nullValue(), nullValue())).body("items.reason", contains("Plan", "Raised"));
        as(OPS).get("/period-rules/{id}", ruleId).then().statusCode(200).body("author", nullValue());
    }

    private UUID shopOpened(UUID partnerId) throws JsonProcessingException {
        UUID shop = UUID.randomUUID();
        Map<String, Object> payload = Map.of("id", shop.toString(), "partnerId", partnerId.toString(),
                "name", "Matrix shop", "postalCode", "50667", "status", "OPEN", "statusSince", "2020-01-01T00:00:00Z",
                "version", 0);
        kafka.send("partners.shop-events", shop.toString(), new ObjectMapper().writeValueAsString(Map.of(
                "eventId", UUID.randomUUID().toString(), "type", "ShopOpened", "version", 1,
                "occurredAt", Instant.now().toString(), "aggregateType", "Shop", "aggregateId", shop.toString(),
                "payload", payload)));
        return shop;
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(tokens.forRole(role));
    }

    private static RequestSpecification asPartnerUser(UUID partnerId) {
        return given().auth().oauth2(tokens.forPartner(partnerId));
    }
}
