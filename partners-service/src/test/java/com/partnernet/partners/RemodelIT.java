package com.partnernet.partners;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.partners.PartnerApi.etag;
import static com.partnernet.partners.PartnerApi.openShop;
import static com.partnernet.partners.PartnerApi.registerPartner;
import static com.partnernet.partners.PartnerApi.shop;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class RemodelIT {

    private static final LocalDate TODAY = Timestamps.today();

    private final KafkaTestClient kafka = KafkaTestClient.shared();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aRemodelClosesTheShopAndReopensItInTheNewFormat() throws Exception {
        String shopId = openShop(registerPartner("Remodel Partner"), shop("Köln Classic", Map.of()));
        String remodelId = plan(shopId, TODAY, TODAY.plusWeeks(3));

        given().header("If-Match", etag("/remodels/{id}", remodelId)).queryParam("on", TODAY.toString())
                .post("/remodels/{id}/start", remodelId)
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS")).body("actualStart", equalTo(TODAY.toString()));
        given().get("/shops/{id}", shopId).then()
                .body("status", equalTo("TEMPORARILY_CLOSED")).body("statusReason", containsString("Remodel"));

        given().header("If-Match", etag("/remodels/{id}", remodelId)).post("/remodels/{id}/completion", remodelId)
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("actualEnd", equalTo(TODAY.toString()));
        given().get("/shops/{id}", shopId).then()
                .body("status", equalTo("OPEN")).body("format", equalTo("NEW_FORMAT")).body("statusReason", nullValue());

        List<ConsumerRecord<String, String>> events = kafka.awaitCount("partners.shop-events",
                r -> shopId.equals(r.key()), 4, Duration.ofSeconds(15));
        assertEquals(List.of("ShopOpened", "ShopTemporarilyClosed", "ShopFormatChanged", "ShopReopened"),
                events.stream().map(r -> KafkaTestClient.header(r, "type")).toList());
        assertEquals("NEW_FORMAT", mapper.readTree(events.get(3).value()).at("/payload/format").asText());
    }

    @Test
    void aBackDatedRemodelDatesTheClosureAndTheReopeningByItsOwnDays() throws Exception {
        String shopId = openShop(registerPartner("Back-dating Partner"), shop("Back-dated Shop", Map.of()));
        String remodelId = plan(shopId, TODAY.minusDays(20), TODAY.minusDays(5));
        given().header("If-Match", etag("/remodels/{id}", remodelId)).queryParam("on", TODAY.minusDays(10).toString()).post("/remodels/{id}/start", remodelId).then().statusCode(200);
        given().header("If-Match", etag("/remodels/{id}", remodelId)).queryParam("on", TODAY.minusDays(3).toString()).post("/remodels/{id}/completion", remodelId).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = kafka.awaitCount("partners.shop-events",
                r -> shopId.equals(r.key()), 4, Duration.ofSeconds(15));
        // Consumers (targets-service prorates closed days) date the closure by the remodel's days, not by data entry.
        assertEquals(TODAY.minusDays(10).atStartOfDay(Timestamps.BUSINESS_ZONE).toInstant(),
                statusSince(events, "ShopTemporarilyClosed"));
        assertEquals(TODAY.minusDays(3).atStartOfDay(Timestamps.BUSINESS_ZONE).toInstant(),
                statusSince(events, "ShopReopened"));
    }

    private java.time.Instant statusSince(List<ConsumerRecord<String, String>> events, String type) throws Exception {
        String value = events.stream().filter(r -> type.equals(KafkaTestClient.header(r, "type"))).findFirst().orElseThrow().value();
        return java.time.Instant.parse(mapper.readTree(value).at("/payload/statusSince").asText());
    }

    @Test
    void invalidMovesAreConflictsWithAClearProblem() {
        String partnerId = registerPartner("Strict Remodel Partner");
        String shopId = openShop(partnerId, shop("Strict Shop", Map.of()));
        String remodelId = plan(shopId, TODAY.plusDays(10), TODAY.plusDays(30));

        given().header("If-Match", etag("/remodels/{id}", remodelId)).post("/remodels/{id}/completion", remodelId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("only a IN_PROGRESS remodel can be completed"));
        given().contentType(ContentType.JSON).body(Map.of("plannedStart", TODAY.toString(), "plannedEnd", TODAY.plusDays(5).toString()))
                .post("/shops/{id}/remodels", shopId)
                .then().statusCode(409).body("detail", containsString("PLANNED already"));
        given().header("If-Match", etag("/remodels/{id}", remodelId)).queryParam("on", TODAY.minusDays(2).toString())
                .post("/remodels/{id}/start", remodelId).then().statusCode(200);
        given().header("If-Match", etag("/remodels/{id}", remodelId)).post("/remodels/{id}/start", remodelId).then().statusCode(409);
        given().header("If-Match", etag("/remodels/{id}", remodelId)).queryParam("on", TODAY.minusDays(3).toString())
                .post("/remodels/{id}/completion", remodelId)
                .then().statusCode(409).body("detail", containsString("cannot end before"));
        given().header("If-Match", etag("/remodels/{id}", remodelId)).post("/remodels/{id}/completion", remodelId).then().statusCode(200);
        given().header("If-Match", etag("/remodels/{id}", remodelId)).contentType(ContentType.JSON).body(Map.of("reason", "too late")).post("/remodels/{id}/cancellation", remodelId).then().statusCode(409)
                .body("detail", containsString("COMPLETED"));

        String newFormat = openShop(partnerId, shop("Already New", Map.of("format", "NEW_FORMAT")));
        given().contentType(ContentType.JSON).body(Map.of("plannedStart", TODAY.toString(), "plannedEnd", TODAY.toString()))
                .post("/shops/{id}/remodels", newFormat)
                .then().statusCode(409).body("detail", containsString("new store format already"));
    }

    @Test
    void cancellingARunningRemodelReopensTheShopInItsOldFormat() {
        String shopId = openShop(registerPartner("Cancelling Partner"), shop("Cancelled Remodel Shop", Map.of()));
        String remodelId = plan(shopId, TODAY, TODAY.plusDays(14));
        given().header("If-Match", etag("/remodels/{id}", remodelId)).post("/remodels/{id}/start", remodelId).then().statusCode(200);

        given().header("If-Match", etag("/remodels/{id}", remodelId)).contentType(ContentType.JSON).body(Map.of("reason", "Landlord withdrew approval"))
                .post("/remodels/{id}/cancellation", remodelId)
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("Landlord withdrew approval"));
        given().get("/shops/{id}", shopId).then().body("status", equalTo("OPEN")).body("format", equalTo("CLASSIC"));
    }

    @Test
    void reschedulingNeedsIfMatchAndValidInputIsChecked() {
        String shopId = openShop(registerPartner("Rescheduling Partner"), shop("Rescheduled Shop", Map.of()));
        String remodelId = plan(shopId, TODAY.plusDays(10), TODAY.plusDays(20));
        Map<String, Object> later = Map.of("plannedStart", TODAY.plusDays(40).toString(), "plannedEnd", TODAY.plusDays(60).toString());

        given().contentType(ContentType.JSON).body(later).put("/remodels/{id}", remodelId).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(later).put("/remodels/{id}", remodelId)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("plannedStart", equalTo(TODAY.plusDays(40).toString()));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(later).put("/remodels/{id}", remodelId)
                .then().statusCode(412);
        given().contentType(ContentType.JSON)
                .body(Map.of("plannedStart", TODAY.toString(), "plannedEnd", TODAY.minusDays(1).toString()))
                .post("/shops/{id}/remodels", shopId)
                .then().statusCode(400).body("violations[0].field", equalTo("plannedEnd"));
        given().header("If-Match", etag("/remodels/{id}", remodelId)).queryParam("on", TODAY.plusDays(1).toString())
                .post("/remodels/{id}/start", remodelId)
                .then().statusCode(400).body("violations[0].field", equalTo("on"));
        given().header("If-Match", "*").post("/remodels/{id}/start", java.util.UUID.randomUUID()).then().statusCode(404);
        given().post("/remodels/{id}/start", remodelId).then().statusCode(428).body("detail", containsString("If-Match"));
    }

    @Test
    void programmeReportCountsWhatIsDoneRunningPlannedOverdueAndBookedForNextYear() {
        String partnerId = registerPartner("Programme Partner");
        int year = TODAY.getYear();
        String done = plan(openShop(partnerId, shop("Done", Map.of())), TODAY.withDayOfYear(1), TODAY.withDayOfYear(1));
        given().header("If-Match", etag("/remodels/{id}", done)).queryParam("on", TODAY.withDayOfYear(1).toString())
                .post("/remodels/{id}/start", done).then().statusCode(200);
        given().header("If-Match", etag("/remodels/{id}", done)).post("/remodels/{id}/completion", done).then().statusCode(200);
        String running = plan(openShop(partnerId, shop("Running", Map.of())), TODAY, TODAY.plusDays(1));
        given().header("If-Match", etag("/remodels/{id}", running)).post("/remodels/{id}/start", running).then().statusCode(200);
        // Its start has passed and it has not started: overdue, and said so on the remodel too.
        String late = plan(openShop(partnerId, shop("Late", Map.of())), TODAY.minusDays(3), TODAY.plusDays(10));
        given().get("/remodels/{id}", late).then().statusCode(200).body("overdue", equalTo(true));
        given().get("/remodels/{id}", running).then().body("overdue", equalTo(false));
        LocalDate tomorrow = TODAY.plusDays(1);
        plan(openShop(partnerId, shop("Planned", Map.of())), tomorrow, tomorrow.plusDays(5));
        int plannedThisYear = tomorrow.getYear() == year ? 1 : 0;
        plan(openShop(partnerId, shop("Next year", Map.of())), LocalDate.of(year + 1, 2, 7), LocalDate.of(year + 1, 2, 28));
        plan(openShop(partnerId, shop("Next year too", Map.of())), LocalDate.of(year + 1, 3, 1), LocalDate.of(year + 1, 3, 20));

        given().get("/remodel-programme/{year}?partnerId={p}", year, partnerId)
                .then().statusCode(200)
                .body("asOf", equalTo(TODAY.toString()))
                .body("completed", equalTo(1)).body("inProgress", equalTo(1)).body("overrunning", equalTo(0))
                .body("overdue", equalTo(1)).body("plannedThisYear", equalTo(plannedThisYear))
                // Done, running, and planned to start on time and end this year; the overdue plan is not counted on.
                .body("projectedByYearEnd", equalTo(2 + (tomorrow.plusDays(5).getYear() == year ? plannedThisYear : 0)))
                .body("bookedNextYear", equalTo(2)).body("firstBookedNextYear", equalTo(LocalDate.of(year + 1, 2, 7).toString()))
                .body("goal", nullValue()).body("outlook", nullValue());

        // A year nobody else plans in: the network goal, its gaps and the outlook.
        given().contentType(ContentType.JSON).body(Map.of("remodels", 10)).put("/remodel-programme/goals/2090")
                .then().statusCode(200).body("remodels", equalTo(10));
        plan(openShop(partnerId, shop("Far future", Map.of())), LocalDate.of(2090, 4, 1), LocalDate.of(2090, 4, 30));
        int running2090 = countInProgress();
        given().get("/remodel-programme/2090").then().statusCode(200)
                .body("goal", equalTo(10)).body("completed", equalTo(0)).body("plannedThisYear", equalTo(1))
                .body("overdue", equalTo(0)).body("projectedByYearEnd", equalTo(1 + running2090))
                .body("outlook", equalTo(1 + running2090 >= 10 ? "ON_TRACK" : "AT_RISK"))
                .body("remainingToGoal", equalTo(10)).body("unscheduledGap", equalTo(Math.max(0, 9 - running2090)));
        given().contentType(ContentType.JSON).body(Map.of("remodels", 1)).put("/remodel-programme/goals/2090").then().statusCode(200);
        given().get("/remodel-programme/2090").then().body("outlook", equalTo("ON_TRACK"));
        // A year gone by short of its goal is missed.
        given().contentType(ContentType.JSON).body(Map.of("remodels", 5)).put("/remodel-programme/goals/2001").then().statusCode(200);
        given().get("/remodel-programme/2001").then().statusCode(200).body("outlook", equalTo("MISSED"))
                .body("completed", equalTo(0)).body("plannedThisYear", equalTo(0));
        given().get("/remodel-programme/1999").then().statusCode(400).body("violations[0].field", equalTo("year"));
    }

    /** Running remodels count toward any year's gap; other tests may have some running. */
    private static int countInProgress() {
        return given().get("/remodels?status=IN_PROGRESS&size=1").then().extract().path("totalItems");
    }

    private static String plan(String shopId, LocalDate start, LocalDate end) {
        return given().contentType(ContentType.JSON).body(Map.of("plannedStart", start.toString(), "plannedEnd", end.toString()))
                .post("/shops/{id}/remodels", shopId)
                .then().statusCode(201).body("status", equalTo("PLANNED"))
                .extract().path("id");
    }
}
