package com.partnernet.partners;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.partners.PartnerApi.openShop;
import static com.partnernet.partners.PartnerApi.registerPartner;
import static com.partnernet.partners.PartnerApi.shop;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class ExcellenceProgrammeIT {

    @Inject
    ValidatorFactory validation;

    @Test
    void reportSaysWhoMetTheQuotaAndHowManyDaysRemain() {
        String shopId = openShop(registerPartner("Visited Partner"), shop("Visited Shop", Map.of()));
        String teamId = fieldTeam();
        given().contentType(ContentType.JSON).body(Map.of("days", 3)).put("/excellence-programme/quotas/2021")
                .then().statusCode(200).body("days", equalTo(3));
        given().get("/excellence-programme/quotas/2087").then().statusCode(200).body("days", equalTo(5));
        String anna = executive("Anna Vorstand", "anna." + UUID.randomUUID() + "@example.com");
        String bernd = executive("Bernd Bereich", "bernd." + UUID.randomUUID() + "@example.com");
        logDay(anna, Map.of("date", "2021-03-04", "shopId", shopId, "notes", "Customers ask for TV bundles"));
        logDay(anna, Map.of("date", "2021-05-11", "fieldTeamId", teamId));
        String third = logDay(anna, Map.of("date", "2021-09-30", "shopId", shopId));
        logDay(bernd, Map.of("date", "2021-06-01", "shopId", shopId));
        logDay(bernd, Map.of("date", "2020-12-31", "shopId", shopId));

        given().get("/excellence-programme/2021").then().statusCode(200)
                .body("quotaDays", equalTo(3))
                .body(standing(anna, "days"), equalTo(3)).body(standing(anna, "remaining"), equalTo(0))
                .body(standing(anna, "quotaMet"), equalTo(true))
                .body(standing(bernd, "days"), equalTo(1)).body(standing(bernd, "remaining"), equalTo(2))
                .body(standing(bernd, "quotaMet"), equalTo(false));
        given().get("/excellence-programme/2021?standing=NOT_MET").then().statusCode(200)
                .body("executives.executiveId", hasItem(bernd)).body("executives.executiveId", not(hasItem(anna)));
        given().get("/executives/{id}/customer-days?year=2021", anna).then().statusCode(200)
                .body("items.date", contains("2021-03-04", "2021-05-11", "2021-09-30"))
                .body("items[0].notes", equalTo("Customers ask for TV bundles"));

        given().delete("/customer-days/{id}", third).then().statusCode(204);
        given().get("/excellence-programme/2021").then()
                .body(standing(anna, "remaining"), equalTo(1)).body(standing(anna, "quotaMet"), equalTo(false));
    }

    @Test
    void aDayCountsOnceAndInvalidInputIsRejected() {
        String shopId = openShop(registerPartner("Strict Visit Partner"), shop("Strict Visit Shop", Map.of()));
        String email = "carla." + UUID.randomUUID() + "@example.com";
        String carla = executive("Carla Chefin", email);
        logDay(carla, Map.of("date", "2021-02-02", "shopId", shopId));

        given().contentType(ContentType.JSON).body(Map.of("date", "2021-02-02", "shopId", shopId))
                .post("/executives/{id}/customer-days", carla)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("counts once"));
        given().contentType(ContentType.JSON).body(Map.of("date", "2021-02-03", "shopId", shopId, "fieldTeamId", UUID.randomUUID()))
                .post("/executives/{id}/customer-days", carla)
                .then().statusCode(400).body("violations[0].field", equalTo("shopId"));
        given().contentType(ContentType.JSON).body(Map.of("date", "2021-02-04", "shopId", UUID.randomUUID()))
                .post("/executives/{id}/customer-days", carla)
                .then().statusCode(400).body("violations[0].field", equalTo("shopId"));
        given().contentType(ContentType.JSON).body(Map.of("date", "2021-02-04", "fieldTeamId", UUID.randomUUID()))
                .post("/executives/{id}/customer-days", carla)
                .then().statusCode(400).body("violations[0].field", equalTo("fieldTeamId"));
        given().contentType(ContentType.JSON).body(Map.of("date", "2021-02-04", "shopId", shopId))
                .post("/executives/{id}/customer-days", UUID.randomUUID()).then().statusCode(404);
        given().delete("/customer-days/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");

        given().contentType(ContentType.JSON).body(Map.of("name", "Copy", "email", email.toUpperCase()))
                .post("/executives").then().statusCode(409).body("detail", containsString("e-mail"));
        given().contentType(ContentType.JSON).body(Map.of("name", "", "email", "not-an-address"))
                .post("/executives").then().statusCode(400).body("violations.field", contains("email", "name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Carla Chefin", "email", email, "title", "Head of Sales"))
                .put("/executives/{id}", carla).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Carla Chefin", "email", email, "title", "Head of Sales"))
                .put("/executives/{id}", carla).then().statusCode(200).body("title", equalTo("Head of Sales"));
        given().get("/executives/{id}", carla).then().statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo("Head of Sales"));
        given().get("/executives?size=200").then().statusCode(200).body("items.id", hasItem(carla));
        given().get("/excellence-programme/2021?standing=MAYBE").then().statusCode(400).body("violations[0].field", equalTo("standing"));
        given().get("/excellence-programme/1999").then().statusCode(400).body("violations[0].field", equalTo("year"));
        given().contentType(ContentType.JSON).body(Map.of("days", 400)).put("/excellence-programme/quotas/2021")
                .then().statusCode(400).body("violations[0].field", equalTo("days"));
    }

    @Test
    void aCustomerDayMayBeBerlinsTodayNotItsTomorrowWhateverZoneTheHostRunsIn() {
        // Bean Validation fixes its clock's zone when a constraint is first used: the host's, unless told otherwise.
        assertEquals(Timestamps.BUSINESS_ZONE, validation.getClockProvider().getClock().getZone());
        String shopId = openShop(registerPartner("Midnight Visit Partner"), shop("Midnight Visit Shop", Map.of()));
        HostZones.inEachZoneADateAwayFromBerlin(() -> {
            String executive = executive("Nora Nacht", "nora." + UUID.randomUUID() + "@example.com");
            logDay(executive, Map.of("date", Timestamps.today().toString(), "shopId", shopId));
            String tomorrow = Timestamps.today().plusDays(1).toString();
            given().contentType(ContentType.JSON).body(Map.of("date", tomorrow, "shopId", shopId))
                    .post("/executives/{id}/customer-days", executive)
                    .then().statusCode(400).body("violations[0].field", equalTo("date"));
        });
    }

    private static String standing(String executiveId, String field) {
        return "executives.find { it.executiveId == '" + executiveId + "' }." + field;
    }

    private static String executive(String name, String email) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "email", email, "title", "Regional Director"))
                .post("/executives").then().statusCode(201).extract().path("id");
    }

    private static String logDay(String executiveId, Map<String, Object> day) {
        return given().contentType(ContentType.JSON).body(day).post("/executives/{id}/customer-days", executiveId)
                .then().statusCode(201).extract().path("id");
    }

    private static String fieldTeam() {
        String partnerId = registerPartner(Map.of("name", "Visited Direct Sales", "type", "DIRECT_SALES"));
        Map<String, Object> team = new HashMap<>(Map.of("name", "Team Visited", "city", "Visitstadt-" + UUID.randomUUID(),
                "liveFrom", "2021-01-01", "postalCoverage", List.of("20"), "productFocus", List.of("MOBILE"),
                "weeklyLeadCapacity", 10));
        return given().contentType(ContentType.JSON).body(team).post("/partners/{id}/field-teams", partnerId)
                .then().statusCode(201).extract().path("id");
    }
}
