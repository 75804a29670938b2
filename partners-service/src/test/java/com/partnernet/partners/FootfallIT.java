package com.partnernet.partners;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.partners.PartnerApi.openShop;
import static com.partnernet.partners.PartnerApi.registerPartner;
import static com.partnernet.partners.PartnerApi.shop;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.partners.footfall.IsoWeek;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class FootfallIT {

    @Inject
    EntityManager entityManager;

    @Test
    void goodRowsAreStoredBadRowsReportedAndAReUploadReplacesInsteadOfDoubling() {
        String shopId = openShop(registerPartner("Footfall Upload Partner"), shop("Counting Shop", Map.of()));
        String nextYear = (Timestamps.today().getYear() + 1) + "-W10";

        given().contentType(ContentType.JSON).body(List.of(
                row(shopId, "2021-W10", 1000),
                row(shopId, "2021-W60", 10),
                row(shopId, "2021-W11", -5),
                row(UUID.randomUUID().toString(), "2021-W12", 10),
                Map.of("shopId", shopId, "week", "2021-W13", "visitors", "many"),
                row(shopId, "2021-W10", 999),
                row(shopId, nextYear, 10),
                42,
                row(shopId, "2020-W53", 700)))
                .post("/footfall")
                .then().statusCode(200)
                .body("rows", equalTo(9)).body("inserted", equalTo(2)).body("replaced", equalTo(0)).body("rejected", equalTo(7))
                .body("errors.row", contains(2, 3, 4, 5, 6, 7, 8))
                .body("errors.field", contains("week", "visitors", "shopId", "visitors", "week", "week", ""))
                .body("errors[0].message", containsString("ISO weeks 1 to 52"))
                .body("errors[2].message", equalTo("no shop with this id"))
                .body("errors[4].message", equalTo("repeats the shop and week of row 1"))
                .body("errors[5].message", equalTo("lies in the future"));

        given().contentType(ContentType.JSON).body(List.of(row(shopId, "2021-W10", 1200)))
                .post("/footfall")
                .then().statusCode(200).body("inserted", equalTo(0)).body("replaced", equalTo(1)).body("rejected", equalTo(0));

        QuarkusTransaction.requiringNew().run(() -> assertEquals(List.of(1200), entityManager.createQuery(
                "select f.visitors from FootfallWeek f where f.shopId = :shop and f.weekStart = :monday", Integer.class)
                .setParameter("shop", UUID.fromString(shopId)).setParameter("monday", LocalDate.of(2021, 3, 8))
                .getResultList()));
    }

    @Test
    void berlinsCurrentWeekIsNotInTheFutureWhateverZoneTheHostRunsIn() {
        String shopId = openShop(registerPartner("Monday Morning Partner"), shop("Monday Morning Shop", Map.of()));
        HostZones.inEachZoneADateAwayFromBerlin(() -> given().contentType(ContentType.JSON)
                .body(List.of(row(shopId, IsoWeek.of(Timestamps.today()).toString(), 300)))
                .post("/footfall")
                .then().statusCode(200).body("rejected", equalTo(0)));
    }

    @Test
    void csvUploadsTakeSemicolonsAndColumnsInAnyOrder() {
        String shopId = openShop(registerPartner("CSV Partner"), shop("CSV Shop", Map.of()));
        String csv = "\uFEFFWeek;Visitors;ShopId\n2021-W11;900;" + shopId + "\n\n2021-W12;;" + shopId + "\n2021-W13;950;" + shopId + "\n";

        given().contentType("text/csv; charset=UTF-8").body(csv).post("/footfall")
                .then().log().ifValidationFails().statusCode(200)
                .body("rows", equalTo(3)).body("inserted", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("visitors"));
        given().contentType("text/csv; charset=UTF-8").body("shopId,week,visitors\n" + shopId + ",2021-W11,905\n").post("/footfall")
                .then().statusCode(200).body("replaced", equalTo(1));
        given().queryParam("shopId", shopId).queryParam("from", "2021-W11").queryParam("to", "2021-W11")
                .get("/footfall/report").then().statusCode(200).body("weeks[0].visitors", equalTo(905));

        given().contentType("text/csv; charset=UTF-8").body("shop,week,visitors\nx,2021-W11,1\n").post("/footfall")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body")).body("violations[0].message", containsString("shopId"));
        given().contentType("text/csv; charset=UTF-8").body("").post("/footfall").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("shopId", shopId)).post("/footfall")
                .then().statusCode(400).contentType("application/problem+json");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add(row(shopId, "2021-W11", i));
        }
        given().contentType(ContentType.JSON).body(tooMany).post("/footfall")
                .then().statusCode(400).body("violations[0].message", containsString("at most 10000 rows"));
    }

    @Test
    void reportComparesWithTheBaselineYearLikeForLikeAndFlagsMissingWeeks() {
        String partnerId = registerPartner("Footfall Report Partner");
        String city = "Zählstadt-" + UUID.randomUUID().toString().substring(0, 6);
        String a = openShop(partnerId, shop("Shop A", Map.of("city", city)));
        String b = openShop(partnerId, shop("Shop B", Map.of("city", city)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int week = 10; week <= 13; week++) {
            rows.add(row(a, "2019-W" + week, 1000));
            rows.add(row(b, "2019-W" + week, 500));
        }
        rows.addAll(List.of(row(a, "2021-W10", 800), row(a, "2021-W11", 820), row(a, "2021-W12", 840), row(a, "2021-W13", 860),
                row(b, "2021-W10", 400), row(b, "2021-W12", 420), row(b, "2021-W13", 440)));
        given().contentType(ContentType.JSON).body(rows).post("/footfall").then().statusCode(200).body("inserted", equalTo(15));

        for (Map<String, Object> scope : List.of(Map.<String, Object>of("partnerId", partnerId), Map.<String, Object>of("city", city))) {
            report(scope, "2021-W10", "2021-W13", 2019)
                    .body("shopsInScope", equalTo(2))
                    .body("weeks.week", contains("2021-W10", "2021-W11", "2021-W12", "2021-W13"))
                    .body("weeks[0].weekStart", equalTo("2021-03-08"))
                    .body("weeks.visitors", contains(1200, 820, 1260, 1300))
                    .body("weeks.baselineVisitors", contains(1500, 1500, 1500, 1500))
                    // W11: only shop A counted, so it is compared with A's own baseline (820 vs 1000), not with both shops'.
                    .body("weeks.vsBaselinePercent", contains(-20.0f, -18.0f, -16.0f, -13.3f))
                    .body("weeks.weekOverWeekPercent", contains(nullValue(), equalTo(2.5f), equalTo(2.4f), equalTo(3.2f)))
                    .body("weeks.rollingFourWeekAverage", contains(1200.0f, 1010.0f, 1093.3f, 1145.0f))
                    .body("weeks.missing", contains(false, true, false, false))
                    .body("weeks.missingShops", contains(0, 1, 0, 0))
                    .body("summary.visitors", equalTo(4580))
                    .body("summary.vsBaselinePercent", equalTo(-16.7f))
                    .body("summary.missingWeeks", equalTo(1));
        }
        report(Map.of("shopId", b), "2021-W11", "2021-W11", null)
                .body("scope.level", equalTo("SHOP"))
                .body("weeks[0].visitors", nullValue()).body("weeks[0].missing", equalTo(true))
                .body("weeks[0].baselineVisitors", nullValue()).body("weeks[0].vsBaselinePercent", nullValue());
        report(Map.of(), "2021-W10", "2021-W10", 2019).body("scope.level", equalTo("NETWORK"));
    }

    @Test
    void reportParametersAreCheckedAndUnknownScopesAre404() {
        String shopId = openShop(registerPartner("Footfall Params Partner"), shop("Params Shop", Map.of()));
        given().get("/footfall/report?from=2021-W10&to=2021-W09").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("to"));
        given().get("/footfall/report?from=2021-W60").then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().get("/footfall/report?from=last-week").then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().get("/footfall/report?from=2015-W01&to=2021-W01").then().statusCode(400).body("violations[0].message", containsString("at most"));
        given().get("/footfall/report?baselineYear=1999").then().statusCode(400).body("violations[0].field", equalTo("baselineYear"));
        given().get("/footfall/report?shopId={s}&city=Köln", shopId).then().statusCode(400).body("violations[0].field", equalTo("shopId"));
        given().get("/footfall/report?shopId={s}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/footfall/report?partnerId={p}", UUID.randomUUID()).then().statusCode(404);
        given().get("/footfall/report?shopId=not-a-uuid").then().statusCode(400).body("violations[0].field", equalTo("shopId"));
        given().get("/footfall/report?shopId={s}", shopId).then().statusCode(200).body("weeks.size()", equalTo(12));
    }

    private static ValidatableResponse report(Map<String, Object> scope, String from, String to, Integer baselineYear) {
        var request = given().queryParams(scope).queryParam("from", from).queryParam("to", to);
        if (baselineYear != null) {
            request.queryParam("baselineYear", baselineYear);
        }
        return request.get("/footfall/report").then().statusCode(200);
    }

    private static Map<String, Object> row(String shopId, String week, int visitors) {
        return Map.of("shopId", shopId, "week", week, "visitors", visitors);
    }
}
