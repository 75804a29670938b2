package com.partnernet.targets;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

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
class PacingIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void aBatchOfSalesKeepsTheGoodRowsReportsTheBadOneAndCountsEachSaleOnce() {
        String partner = UUID.randomUUID().toString();
        String id = "pos-" + UUID.randomUUID();
        List<String> saleIds = given().contentType(ContentType.JSON).body(List.of(
                sale(id + "-1", partner, "2021-02-01T10:00:00Z", 2),
                Map.of("externalSaleId", id + "-2", "partnerId", partner, "productLine", "RADIO", "soldAt", "2021-02-02T10:00:00Z"),
                sale(id + "-3", partner, "2021-02-03T10:00:00Z", 1),
                sale(id + "-1", partner, "2021-02-01T10:00:00Z", 2)))
                .post("/sales/batch")
                .then().statusCode(200)
                .body("received", equalTo(4)).body("created", equalTo(2)).body("existing", equalTo(1)).body("rejected", equalTo(1))
                .body("rows.outcome", contains("CREATED", "REJECTED", "CREATED", "EXISTING"))
                .body("rows.index", contains(0, 1, 2, 3))
                .body("rows[1].violations[0].field", equalTo("productLine")).extract().path("rows.saleId");
        // The repeated id answers the sale its first row stored in the same batch.
        assertEquals(saleIds.get(0), saleIds.get(3));
        assertNull(saleIds.get(1));
        given().get("/attainment?partnerId={p}&productLine=TV&from=2021-02-01&to=2021-02-28&asOf=2021-12-31", partner)
                .then().statusCode(200).body("total.soldUnits", equalTo(3)).body("total.percentage", nullValue());
        given().contentType(ContentType.JSON).body(sale(id + "-3", partner, "2021-02-03T10:00:00Z", 1)).post("/sales")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("externalSaleId", "x")).post("/sales")
                .then().statusCode(400).body("violations.field", hasItem("partnerId"));
    }

    /**
     * 1,031 TV units in 2021 on the default curve (2.5 a day until 2 July). Sold: 60 in January, 60 in February, 60
     * in March. As of 31 January 77.5 were expected: pace 60/77.5 = 0.774, OFF_TRACK. As of 31 March 225 were
     * expected (90 days): pace 180/225 = 0.8, AT_RISK; projection 0.8 × 1,031 = 824.8; attainment 180/1,031 = 17.5 %.
     */
    @Test
    void projectionAndStatusFollowThePaceOnTheSeasonalCurve() {
        String partner = UUID.randomUUID().toString();
        String onTrack = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("units", 1031)).put("/partners/{p}/targets/2021/TV", partner).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("units", 1031)).put("/partners/{p}/targets/2021/TV", onTrack).then().statusCode(200);
        String id = "series-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(List.of(sale(id + "-jan", partner, "2021-01-15T10:00:00Z", 60),
                sale(id + "-feb", partner, "2021-02-15T10:00:00Z", 60), sale(id + "-mar", partner, "2021-03-15T10:00:00Z", 60),
                sale(id + "-ok", onTrack, "2021-03-20T10:00:00Z", 225)))
                .post("/sales/batch").then().statusCode(200).body("created", equalTo(4));

        given().get("/attainment?partnerId={p}&productLine=TV&from=2021-01-01&to=2021-12-31&asOf=2021-01-31", partner)
                .then().statusCode(200)
                .body("total.expectedToDate", equalTo(77.5f)).body("total.soldUnits", equalTo(60))
                .body("total.paceRatio", equalTo(0.774f)).body("total.status", equalTo("OFF_TRACK"));
        given().get("/attainment?partnerId={p}&productLine=TV&from=2021-01-01&to=2021-12-31&asOf=2021-03-31", partner)
                .then().statusCode(200)
                .body("total.targetUnits", equalTo(1031.0f)).body("total.expectedToDate", equalTo(225.0f))
                .body("total.soldUnits", equalTo(180)).body("total.paceRatio", equalTo(0.8f))
                .body("total.status", equalTo("AT_RISK")).body("total.projection", equalTo(824.8f))
                .body("total.percentage", equalTo(17.5f))
                .body("productLines[0].productLine", equalTo("TV"));
        given().get("/leaderboard?year=2021&productLine=TV&asOf=2021-03-31").then().statusCode(200)
                .body("entries.find { it.partnerId == '" + onTrack + "' }.pace.status", equalTo("ON_TRACK"))
                .body("entries.find { it.partnerId == '" + partner + "' }.pace.projection", equalTo(824.8f));
        List<String> ranking = given().get("/leaderboard?year=2021&productLine=TV&asOf=2021-03-31").then()
                .extract().path("entries.partnerId");
        assertEquals(true, ranking.indexOf(onTrack) < ranking.indexOf(partner), "better attainment ranks higher");
        given().get("/attainment?partnerId={p}&from=2021-02-01&to=2021-01-01", partner).then().statusCode(400);
    }

    @Test
    void eachMilestoneIsPublishedOnceAndPaceStatusChangesArePublished() {
        int year = Timestamps.today().getYear();
        String partner = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("units", 4)).put("/partners/{p}/targets/{y}/BROADBAND", partner, year)
                .then().statusCode(200);
        String id = "milestone-" + UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("externalSaleId", id + i, "partnerId", partner, "productLine", "BROADBAND",
                            "soldAt", Instant.now().toString()))
                    .post("/sales").then().statusCode(201);
        }
        List<ConsumerRecord<String, String>> milestones = kafka.awaitCount("targets.events",
                r -> partner.equals(r.key()) && "MilestoneReached".equals(KafkaTestClient.header(r, "type")), 2, WAIT);
        // Give a wrongly repeated milestone the time to show up before counting.
        kafka.await("targets.events", r -> partner.equals(r.key()) && "PaceStatusChanged".equals(KafkaTestClient.header(r, "type")), WAIT);
        List<ConsumerRecord<String, String>> all = kafka.all("targets.events",
                r -> partner.equals(r.key()) && "MilestoneReached".equals(KafkaTestClient.header(r, "type")));
        assertEquals(2, all.size(), "50 % and 100 %, each once");
        assertEquals(List.of(true, true), List.of(milestones.stream().anyMatch(r -> r.value().contains("\"percent\":50")),
                milestones.stream().anyMatch(r -> r.value().contains("\"percent\":100"))));
    }

    private static Map<String, Object> sale(String id, String partner, String soldAt, int units) {
        return Map.of("externalSaleId", id, "partnerId", partner, "productLine", "TV", "soldAt", soldAt, "units", units);
    }
}
