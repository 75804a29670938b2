package com.partnernet.partners;

import static com.partnernet.testkit.conformance.Endpoint.endpoint;
import static com.partnernet.testkit.token.Tokens.MARKETING_SYSTEM;
import static com.partnernet.testkit.token.Tokens.OPS;
import static com.partnernet.testkit.token.Tokens.SALES_MANAGER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnernet.chassis.security.PersonalDataInventory;
import com.partnernet.chassis.security.Roles;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.testkit.conformance.ConformanceChecks;
import com.partnernet.testkit.conformance.ContractProbe;
import com.partnernet.testkit.conformance.Endpoint;
import com.partnernet.testkit.conformance.PartnerUser;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.service.ManagementPort;
import com.partnernet.testkit.token.Tokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what in partners-service, probed with real tokens: every endpoint against no token, an expired and a
 * forged token, each role, and partner users of the resource's own partner and of another partner.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class ConformanceIT implements ConformanceChecks {


    @Inject
    PersonalDataInventory inventory;

    static Tokens tokens;
    static String partnerA;
    static String partnerB;
    static String shopA;
    static String remodelA;
    static String teamA;
    static String repA;
    static String event;
    static String registrationA;
    static String executive;

    @BeforeEach
    void partnerAAndItsResourcesOnce() {
        if (tokens != null) {
            return;
        }
        tokens = InfrastructureTestResource.tokens();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        partnerA = as(SALES_MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Matrix A " + suffix, "type", "DIRECT_SALES",
                        "contact", Map.of("name", "Anna Acker", "email", "anna@a.example", "phone", "+49 221 1234567")))
                .post("/partners").then().statusCode(201).extract().path("id");
        partnerB = as(SALES_MANAGER).contentType(ContentType.JSON).body(Map.of("name", "Matrix B " + suffix, "type", "RETAIL_PARTNER"))
                .post("/partners").then().statusCode(201).extract().path("id");
        shopA = as(SALES_MANAGER).contentType(ContentType.JSON).body(PartnerApi.shop("Matrix Shop " + suffix, Map.of()))
                .post("/partners/{p}/shops", partnerA).then().statusCode(201).extract().path("id");
        remodelA = as(SALES_MANAGER).contentType(ContentType.JSON)
                .body(Map.of("plannedStart", Timestamps.today().plusMonths(2).toString(),
                        "plannedEnd", Timestamps.today().plusMonths(3).toString()))
                .post("/shops/{s}/remodels", shopA).then().statusCode(201).extract().path("id");
        teamA = as(SALES_MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Team Matrix", "city", "Matrixstadt-" + suffix, "liveFrom", "2021-01-01",
                        "postalCoverage", List.of("10"), "productFocus", List.of("MOBILE"), "weeklyLeadCapacity", 10))
                .post("/partners/{p}/field-teams", partnerA).then().statusCode(201).extract().path("id");
        repA = as(SALES_MANAGER).contentType(ContentType.JSON).body(Map.of("name", "Rita Rep", "source", "INTERNAL_POOL",
                "startDate", "2021-02-01")).post("/field-teams/{t}/reps", teamA).then().statusCode(201).extract().path("id");
        LocalDate day = Timestamps.today().plusDays(40);
        event = as(SALES_MANAGER).contentType(ContentType.JSON).body(Map.of("name", "Matrix Summit", "date", day.toString(),
                "venue", "Motorworld Köln", "city", "Köln", "capacity", 100,
                "registrationClosesAt", day.minusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC).toString()))
                .post("/partner-events").then().statusCode(201).extract().path("id");
        registrationA = as(SALES_MANAGER).contentType(ContentType.JSON).body(registration(partnerA))
                .post("/partner-events/{e}/registrations", event).then().statusCode(201).extract().path("id");
        executive = as(SALES_MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Erik Exec", "email", "erik@operator.example", "title", "Regional Director"))
                .post("/executives").then().statusCode(201).extract().path("id");
        as(SALES_MANAGER).contentType(ContentType.JSON).body(Map.of("date", Timestamps.today().toString(), "shopId", shopA,
                "notes", "Frau Sabine Stammkundin fragt nach dem Glasfaserausbau")).post("/executives/{e}/customer-days", executive)
                .then().statusCode(201);
    }

    @Test
    void theMatrixProbesEveryRoleTheServicesKnow() {
        assertEquals(Roles.ALL, Tokens.ALL_ROLES, "the test kit's Tokens.ALL_ROLES lists the chassis' roles");
    }

    @Override
    public ContractProbe probe() {
        return new ContractProbe(URI.create("http://localhost:" + RestAssured.port), tokens, UUID.fromString(partnerA),
                UUID.fromString(partnerB));
    }

    /** Every endpoint's rule, with sample parameters of partner A's resources. */
    @Override
    public Set<String> storedPersonalValues() {
        return inventory.storedValues();
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                endpoint("POST /partners").allow(SALES_MANAGER).body("{}"),
                endpoint("GET /partners").allow(SALES_MANAGER, OPS).filtered(partnerA),
                endpoint("GET /partners/{partnerId}").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("partnerId", partnerA),
                endpoint("PUT /partners/{partnerId}").allow(SALES_MANAGER).with("partnerId", partnerA).body("{}"),
                endpoint("GET /advisory-board").allow(SALES_MANAGER, OPS),
                endpoint("POST /partners/{partnerId}/shops").allow(SALES_MANAGER).with("partnerId", partnerA).body("{}"),
                endpoint("GET /partners/{partnerId}/shops").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("partnerId", partnerA),
                endpoint("GET /shops").allow(SALES_MANAGER, OPS).filtered(shopA),
                endpoint("GET /shops/{shopId}").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN).with("shopId", shopA),
                endpoint("PUT /shops/{shopId}").allow(SALES_MANAGER).with("shopId", shopA).body("{}"),
                endpoint("POST /shops/{shopId}/temporary-closure").allow(SALES_MANAGER).with("shopId", shopA).body("{}"),
                endpoint("POST /shops/{shopId}/reopening").allow(SALES_MANAGER),
                endpoint("POST /shops/{shopId}/closure").allow(SALES_MANAGER).with("shopId", shopA).body("{}"),
                endpoint("POST /footfall").allow(SALES_MANAGER).partnerUser(PartnerUser.ALLOWED).body("[]"),
                endpoint("GET /footfall/report").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN).query("shopId=" + shopA),
                endpoint("POST /shops/{shopId}/remodels").allow(SALES_MANAGER).with("shopId", shopA).body("{}"),
                endpoint("GET /remodels").allow(SALES_MANAGER, OPS).filtered(remodelA),
                endpoint("GET /remodels/{remodelId}").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("remodelId", remodelA),
                endpoint("PUT /remodels/{remodelId}").allow(SALES_MANAGER).with("remodelId", remodelA).body("{}"),
                endpoint("POST /remodels/{remodelId}/start").allow(SALES_MANAGER),
                endpoint("POST /remodels/{remodelId}/completion").allow(SALES_MANAGER),
                endpoint("POST /remodels/{remodelId}/cancellation").allow(SALES_MANAGER).with("remodelId", remodelA).body("{}"),
                endpoint("PUT /remodel-programme/goals/{year}").allow(SALES_MANAGER).with("year", 2021).body("{}"),
                endpoint("GET /remodel-programme/{year}").allow(SALES_MANAGER, OPS).with("year", 2021),
                endpoint("GET /field-sales/headcount").allow(SALES_MANAGER, OPS),
                endpoint("POST /partners/{partnerId}/field-teams").allow(SALES_MANAGER).with("partnerId", partnerA).body("{}"),
                endpoint("GET /partners/{partnerId}/field-teams").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("partnerId", partnerA),
                endpoint("GET /field-teams").allow(SALES_MANAGER, OPS).filtered(teamA),
                endpoint("GET /field-teams/{teamId}").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN).with("teamId", teamA),
                endpoint("PUT /field-teams/{teamId}").allow(SALES_MANAGER).with("teamId", teamA).body("{}"),
                endpoint("POST /field-teams/{teamId}/disbanding").allow(SALES_MANAGER),
                endpoint("GET /field-teams/{teamId}/headcount-plan").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("teamId", teamA),
                endpoint("PUT /field-teams/{teamId}/headcount-plan").allow(SALES_MANAGER).with("teamId", teamA).body("[]"),
                endpoint("POST /field-teams/{teamId}/reps").allow(SALES_MANAGER).with("teamId", teamA).body("{}"),
                endpoint("POST /field-teams/{teamId}/reps/batch").allow(SALES_MANAGER).with("teamId", teamA).body("[]"),
                endpoint("GET /field-teams/{teamId}/reps").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("teamId", teamA),
                endpoint("GET /field-reps/{repId}").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN).with("repId", repA),
                endpoint("POST /field-reps/{repId}/departure").allow(SALES_MANAGER).with("repId", repA).body("{}"),
                endpoint("POST /executives").allow(SALES_MANAGER).body("{}"),
                endpoint("GET /executives").allow(SALES_MANAGER, OPS),
                endpoint("GET /executives/{executiveId}").allow(SALES_MANAGER, OPS).with("executiveId", executive),
                endpoint("PUT /executives/{executiveId}").allow(SALES_MANAGER).with("executiveId", executive).body("{}"),
                endpoint("POST /executives/{executiveId}/customer-days").allow(SALES_MANAGER).with("executiveId", executive)
                        .body("{}"),
                endpoint("GET /executives/{executiveId}/customer-days").allow(SALES_MANAGER, OPS).with("executiveId", executive),
                endpoint("DELETE /customer-days/{dayId}").allow(SALES_MANAGER),
                endpoint("GET /excellence-programme/quotas/{year}").allow(SALES_MANAGER, OPS).with("year", 2021),
                endpoint("PUT /excellence-programme/quotas/{year}").allow(SALES_MANAGER).with("year", 2021).body("{}"),
                endpoint("GET /excellence-programme/{year}").allow(SALES_MANAGER, OPS).with("year", Timestamps.today().getYear()),
                endpoint("POST /partner-events").allow(SALES_MANAGER).body("{}"),
                endpoint("GET /partner-events").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.ALLOWED),
                endpoint("GET /partner-events/{eventId}").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.ALLOWED)
                        .with("eventId", event),
                endpoint("PUT /partner-events/{eventId}").allow(SALES_MANAGER).with("eventId", event).body("{}"),
                endpoint("POST /partner-events/{eventId}/registrations").allow(SALES_MANAGER).partnerUser(PartnerUser.OWN)
                        .with("eventId", event).body("{}").otherPartnersBody(registration(partnerA)),
                endpoint("GET /partner-events/{eventId}/registrations").allow(SALES_MANAGER, OPS).with("eventId", event)
                        .filtered(registrationA),
                endpoint("GET /partner-events/{eventId}/registrations/{registrationId}").allow(SALES_MANAGER, OPS)
                        .partnerUser(PartnerUser.OWN).with("eventId", event).with("registrationId", registrationA),
                endpoint("POST /partner-events/{eventId}/registrations/{registrationId}/cancellation").allow(SALES_MANAGER)
                        .partnerUser(PartnerUser.OWN).with("eventId", event).with("registrationId", registrationA));
    }

    @Test
    void aPartnerUsersFootfallRowsForAnotherPartnersShopAreRejectedLikeUnknownShops() {
        String week = "2021-W10";
        asPartnerUser(partnerB).contentType(ContentType.JSON)
                .body(List.of(Map.of("shopId", shopA, "week", week, "visitors", 999)))
                .post("/footfall").then().statusCode(200)
                .body("inserted", equalTo(0)).body("errors[0].field", equalTo("shopId"))
                .body("errors[0].message", equalTo("no shop with this id"));
        as(SALES_MANAGER).get("/footfall/report?shopId={s}&from={w}&to={w}", shopA, week, week).then().statusCode(200)
                .body("weeks[0].visitors", nullValue());
        asPartnerUser(partnerA).contentType(ContentType.JSON)
                .body(List.of(Map.of("shopId", shopA, "week", week, "visitors", 420)))
                .post("/footfall").then().statusCode(200).body("inserted", equalTo(1));
    }

    @Test
    void personalDataIsHiddenFromOpsButShownToSalesManagersAndTheOwnPartner() {
        as(SALES_MANAGER).get("/partners/{p}", partnerA).then().statusCode(200).body("contact.email", equalTo("anna@a.example"));
        asPartnerUser(partnerA).get("/partners/{p}", partnerA).then().statusCode(200)
                .body("contact.name", equalTo("Anna Acker"));
        as(OPS).get("/partners/{p}", partnerA).then().statusCode(200)
                .body("name", not(nullValue())).body("contact", nullValue());
        as(OPS).get("/field-reps/{r}", repA).then().statusCode(200)
                .body("teamId", equalTo(teamA)).body("name", nullValue());
        as(OPS).get("/partner-events/{e}/registrations/{r}", event, registrationA).then().statusCode(200)
                .body("attendees", nullValue());
        as(SALES_MANAGER).get("/partner-events/{e}/registrations/{r}", event, registrationA).then().statusCode(200)
                .body("attendees.name", contains("Petra Partner"));
    }

    @Test
    void aPartnerUserCannotRegisterAnotherPartnerAndSeesOnlyItsOwnRegistrations() {
        asPartnerUser(partnerB).contentType(ContentType.JSON).body(registration(partnerA))
                .post("/partner-events/{e}/registrations", event).then().statusCode(404)
                .contentType("application/problem+json");
        String own = asPartnerUser(partnerB).contentType(ContentType.JSON).body(registration(partnerB))
                .post("/partner-events/{e}/registrations", event).then().statusCode(201).extract().path("id");
        asPartnerUser(partnerB).get("/partner-events/{e}/registrations", event).then().statusCode(200)
                .body("items.id", contains(own));
        as(SALES_MANAGER).get("/partner-events/{e}/registrations", event).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItems(own, registrationA));
    }

    @Test
    void anonymousCallersGet401EverywhereAndTheirPathsNeverBecomeMetricTags() {
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            probes.add(id);
            // Wrong methods on real paths, and paths that exist nowhere.
            given().delete("/shops/{id}", id).then().statusCode(401).contentType("application/problem+json");
            given().patch("/partners/{id}/shops", id).then().statusCode(401);
            given().get("/no-such-path/{id}", id).then().statusCode(401);
        }
        String uri = "/shops/" + UUID.randomUUID();
        probes.add(uri);
        as(SALES_MANAGER).delete(uri)
                .then().statusCode(405);
        String metrics = given().port(ManagementPort.ofServiceUnderTest()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        List<String> leaked = metrics.lines().filter(line -> probes.stream().anyMatch(line::contains)).toList();
        assertEquals(List.of(), leaked, "a caller's raw path as a metric tag");
        assertTrue(metrics.contains("uri=\"UNKNOWN\""), "unmatched requests share one tag");
    }


    @Test
    void errorsOfAuthenticationAndAuthorizationAreProblemDocuments() {
        given().get("/shops").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        as(MARKETING_SYSTEM).get("/shops").then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        // A partner-user token without the partner claim is refused, not read as "all partners".
        given().auth().oauth2(tokens.mint("no-partner", Duration.ofMinutes(5), Set.of(Tokens.PARTNER_USER)))
                .get("/shops").then().statusCode(403).contentType("application/problem+json");
        // The OpenAPI document stays open on the API port, health and metrics on the management port.
        given().get("/q/openapi").then().statusCode(200);
        given().port(ManagementPort.ofServiceUnderTest()).get("/q/health/ready").then().statusCode(200);
        given().port(ManagementPort.ofServiceUnderTest()).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void bodiesAboveTheLimitAreRefusedBeforeTheyAreRead() {
        String huge = "[" + "{\"shopId\":\"x\"},".repeat(150_000) + "{}]";
        as(SALES_MANAGER).contentType(ContentType.JSON).body(huge).post("/footfall").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
        as(SALES_MANAGER).get("/shops?size=201").then().statusCode(400).body("violations[0].field", equalTo("size"));
        as(SALES_MANAGER).get("/shops").then().statusCode(200).body("items", not(empty()));
    }

    private static Map<String, Object> registration(String partnerId) {
        return Map.of("partnerId", partnerId,
                "attendees", List.of(Map.of("name", "Petra Partner", "email", "petra@partner.example", "role", "Owner")));
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(tokens.forRole(role));
    }

    private static RequestSpecification asPartnerUser(String partnerId) {
        return given().auth().oauth2(tokens.forPartner(partnerId));
    }
}
