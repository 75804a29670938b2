package com.partnernet.partners;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.partners.PartnerApi.etag;
import static com.partnernet.partners.PartnerApi.registerPartner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
class FieldSalesIT {

    private final KafkaTestClient kafka = KafkaTestClient.shared();
    private final ObjectMapper mapper = new ObjectMapper();

    private static final List<Map<String, String>> WEEKDAY_AFTERNOONS = List.of(
            Map.of("day", "MONDAY", "opens", "13:00", "closes", "20:00"), Map.of("day", "FRIDAY", "opens", "13:00", "closes", "18:00"));

    @Test
    void fieldTeamsArePublishedOnTheShopTopicWithTheStateRoutingNeeds() throws Exception {
        String partnerId = directSalesPartner("Door to Door GmbH");
        String teamId = formTeam(partnerId, team("Berlin", Map.of()));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(team("Berlin", Map.of("weeklyLeadCapacity", 150, "postalCoverage", List.of("10", "12", "13"),
                        "workingHours", WEEKDAY_AFTERNOONS, "email", "berlin@direkt.example")))
                .put("/field-teams/{id}", teamId)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("weeklyLeadCapacity", equalTo(150))
                .body("workingHours[0].opens", equalTo("13:00:00"));
        // The same content again changes nothing: same version, no event.
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(team("Berlin", Map.of("weeklyLeadCapacity", 150, "postalCoverage", List.of("13", "12", "10"),
                        "workingHours", WEEKDAY_AFTERNOONS, "email", "berlin@direkt.example")))
                .put("/field-teams/{id}", teamId)
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        given().post("/field-teams/{id}/disbanding", teamId).then().statusCode(428).contentType("application/problem+json");
        String current = etag("/field-teams/{id}", teamId);
        given().header("If-Match", current).post("/field-teams/{id}/disbanding", teamId).then().statusCode(200)
                .body("status", equalTo("DISBANDED"));
        given().header("If-Match", "*").post("/field-teams/{id}/disbanding", teamId).then().statusCode(409)
                .contentType("application/problem+json");

        List<ConsumerRecord<String, String>> events = kafka.awaitCount("partners.shop-events",
                r -> teamId.equals(r.key()), 3, Duration.ofSeconds(15));
        assertEquals(List.of("FieldTeamFormed", "FieldTeamUpdated", "FieldTeamDisbanded"),
                events.stream().map(r -> KafkaTestClient.header(r, "type")).toList());
        JsonNode updated = mapper.readTree(events.get(1).value());
        assertEquals("FieldTeam", updated.get("aggregateType").asText());
        assertEquals(teamId, updated.get("aggregateId").asText());
        JsonNode payload = updated.get("payload");
        assertEquals("Berlin", payload.get("city").asText());
        assertEquals("[\"10\",\"12\",\"13\"]", payload.get("postalCoverage").toString());
        assertEquals("[\"MOBILE\",\"BROADBAND\"]", payload.get("productFocus").toString());
        assertEquals(150, payload.get("weeklyLeadCapacity").asInt());
        assertEquals("FRIDAY", payload.at("/workingHours/1/day").asText(), "the hours its first contacts are counted in");
        assertEquals("berlin@direkt.example", payload.get("email").asText());
        assertEquals("2021-01-01", payload.get("liveFrom").asText());
        assertEquals(1, payload.get("version").asInt());
        assertEquals("DISBANDED", mapper.readTree(events.get(2).value()).at("/payload/status").asText());
    }

    @Test
    void onlyTheDirectSalesPartnerHasFieldTeamsOneActiveTeamPerCity() {
        String retail = registerPartner("Shop Only Partner");
        given().contentType(ContentType.JSON).body(team("Hamburg", Map.of()))
                .post("/partners/{id}/field-teams", retail)
                .then().statusCode(409).body("detail", containsString("DIRECT_SALES"));
        String partnerId = directSalesPartner("Direct Vertrieb GmbH");
        String hamburg = formTeam(partnerId, team("Hamburg", Map.of()));
        given().contentType(ContentType.JSON).body(team(" hamburg ", Map.of()))
                .post("/partners/{id}/field-teams", partnerId)
                .then().statusCode(409).body("detail", containsString("active field team in Hamburg"));
        given().contentType(ContentType.JSON)
                .body(team("", Map.of("postalCoverage", List.of("1x"), "productFocus", List.of(), "weeklyLeadCapacity", -3)))
                .post("/partners/{id}/field-teams", partnerId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("city", "productFocus", "weeklyLeadCapacity"))
                .body("violations.find { it.field.startsWith('postalCoverage') }.message", containsString("prefix"));
        given().contentType(ContentType.JSON).body(team("Hamburg", Map.of()))
                .post("/partners/{id}/field-teams", UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(team("Hamburg", Map.of())).put("/field-teams/{id}", hamburg)
                .then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(team("Hamburg", Map.of()))
                .put("/field-teams/{id}", hamburg).then().statusCode(412);
        given().get("/field-teams/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/field-teams?partnerId={p}&productLine=MOBILE", partnerId).then().statusCode(200)
                .body("items.id", contains(hamburg));
        given().get("/partners/{p}/field-teams?productLine=TV", partnerId).then().statusCode(200).body("totalItems", equalTo(0));
        given().get("/field-teams?status=GONE").then().statusCode(400).body("violations[0].field", equalTo("status"));

        // Once disbanded, the city is free for a new team.
        given().header("If-Match", etag("/field-teams/{id}", hamburg)).post("/field-teams/{id}/disbanding", hamburg)
                .then().statusCode(200);
        formTeam(partnerId, team("Hamburg", Map.of()));
        given().contentType(ContentType.JSON).body(rep("Late Joiner", "EXTERNAL", "2021-03-01"))
                .post("/field-teams/{id}/reps", hamburg).then().statusCode(409);
    }

    @Test
    void headcountReportComparesPlanWithActualPerCityAndMonthAndTheInternalPoolShare() {
        String partnerId = directSalesPartner("Rollout Vertrieb GmbH");
        String berlin = formTeam(partnerId, team("Berlin", Map.of()));
        String koeln = formTeam(partnerId, team("Köln", Map.of("liveFrom", "2021-05-01", "postalCoverage", List.of("50", "51"))));
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("month", "2021-02", "headcount", 12), Map.of("month", "2021-01", "headcount", 10)))
                .put("/field-teams/{id}/headcount-plan", berlin)
                .then().statusCode(200).body("month", contains("2021-01", "2021-02"));
        given().contentType(ContentType.JSON).body(List.of(Map.of("month", "2021-05", "headcount", 5)))
                .put("/field-teams/{id}/headcount-plan", koeln).then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("month", "2021-05", "headcount", 5), Map.of("month", "2021-05", "headcount", 6)))
                .put("/field-teams/{id}/headcount-plan", koeln)
                .then().statusCode(400).body("violations[0].field", equalTo("[1].month"));
        given().contentType(ContentType.JSON).body(List.of(Map.of("month", "2021-06", "headcount", -1)))
                .put("/field-teams/{id}/headcount-plan", koeln)
                .then().statusCode(400).body("violations[0].field", containsString("headcount"));
        given().contentType(ContentType.JSON).body(List.of(Map.of("month", "June", "headcount", 1)))
                .put("/field-teams/{id}/headcount-plan", koeln)
                .then().statusCode(400).body("violations[0].field", equalTo("[0].month"));
        given().get("/field-teams/{id}/headcount-plan", koeln).then().body("headcount", contains(5));

        join(berlin, rep("Anna Pool", "INTERNAL_POOL", "2021-01-04"));
        join(berlin, rep("Ben Pool", "INTERNAL_POOL", "2021-01-15"));
        join(berlin, rep("Clara Extern", "EXTERNAL", "2021-02-01"));
        String leaver = join(berlin, rep("Dirk Pool", "INTERNAL_POOL", "2021-01-10"));
        join(koeln, rep("Eva Pool", "INTERNAL_POOL", "2021-05-03"));
        given().contentType(ContentType.JSON).body(Map.of("lastDay", "2021-02-10")).post("/field-reps/{id}/departure", leaver)
                .then().statusCode(200).body("endDate", equalTo("2021-02-10")).body("productFocus", contains("MOBILE", "BROADBAND"));
        given().contentType(ContentType.JSON).body(Map.of("lastDay", "2021-02-11")).post("/field-reps/{id}/departure", leaver)
                .then().statusCode(409).body("detail", containsString("left on 2021-02-10"));
        given().get("/field-teams/{id}/reps?activeOn=2021-02-28", berlin).then().statusCode(200)
                .body("items.name", contains("Anna Pool", "Ben Pool", "Clara Extern"));

        given().get("/field-sales/headcount?partnerId={p}&from=2021-01&to=2021-05", partnerId)
                .then().statusCode(200)
                .body("cities.city", contains("Berlin", "Köln"))
                .body("cities[0].months.month", contains("2021-01", "2021-02", "2021-03", "2021-04", "2021-05"))
                .body("cities[0].months.planned", contains(equalTo(10), equalTo(12), nullValue(), nullValue(), nullValue()))
                .body("cities[0].months.actual", contains(3, 3, 3, 3, 3))
                .body("cities[0].months[1].internalPool", equalTo(2))
                .body("cities[0].months[1].external", equalTo(1))
                .body("cities[0].months[1].gap", equalTo(-9))
                .body("cities[0].months[1].internalPoolSharePercent", equalTo(66.7f))
                .body("cities[1].liveFrom", equalTo("2021-05-01"))
                .body("cities[1].months.actual", contains(0, 0, 0, 0, 1))
                .body("cities[1].months[4].gap", equalTo(-4))
                .body("total.planned", contains(equalTo(10), equalTo(12), nullValue(), nullValue(), equalTo(5)))
                .body("total.actual", contains(3, 3, 3, 3, 4))
                .body("total[4].internalPool", equalTo(3))
                .body("internalPoolSharePercent", equalTo(75.0f));

        given().get("/field-sales/headcount?from=2021-05&to=2021-01").then().statusCode(400).body("violations[0].field", equalTo("to"));
        given().get("/field-sales/headcount?from=2021-13").then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().get("/field-sales/headcount?partnerId={p}", UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("lastDay", "2020-12-31"))
                .post("/field-reps/{id}/departure", join(berlin, rep("Frank Later", "EXTERNAL", "2021-06-01")))
                .then().statusCode(409).body("detail", containsString("cannot be before"));
        given().contentType(ContentType.JSON).body(Map.of("name", "No Source")).post("/field-teams/{id}/reps", berlin)
                .then().statusCode(400).body("violations.field", hasItems("source", "startDate"));
        given().contentType(ContentType.JSON).body(rep("Nobody", "EXTERNAL", "2021-01-01"))
                .post("/field-teams/{id}/reps", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aWaveOfRepsJoinsTheTeamTogetherOrNoneJoins() {
        String leipzig = formTeam(directSalesPartner("Welle Vertrieb GmbH"), team("Leipzig", Map.of()));
        given().contentType(ContentType.JSON)
                .body(List.of(rep("Ida Pool", "INTERNAL_POOL", "2021-03-01"), Map.of("name", "Jan Ohne Quelle", "startDate", "2021-03-01"),
                        rep("Kai Extern", "EXTERNAL", "2021-13-01")))
                .post("/field-teams/{id}/reps/batch", leipzig)
                .then().statusCode(400).body("violations.field", contains("[1].source", "[2].startDate"));
        given().contentType(ContentType.JSON)
                .body(List.of(rep("Ida Pool", "INTERNAL_POOL", "2021-03-01"), Map.of("name", " ", "source", "EXTERNAL", "startDate", "2021-03-01")))
                .post("/field-teams/{id}/reps/batch", leipzig)
                .then().statusCode(400).body("violations.field", contains("[1].name"));
        given().get("/field-teams/{id}/reps", leipzig).then().statusCode(200).body("totalItems", equalTo(0));

        given().contentType(ContentType.JSON)
                .body(List.of(rep("Ida Pool", "INTERNAL_POOL", "2021-03-01"), rep("Kai Extern", "EXTERNAL", "2021-03-01"),
                        Map.of("name", "Lea Fokus", "source", "EXTERNAL", "startDate", "2021-04-01", "productFocus", List.of("TV"))))
                .post("/field-teams/{id}/reps/batch", leipzig)
                .then().statusCode(200).body("name", contains("Ida Pool", "Kai Extern", "Lea Fokus"))
                .body("[0].productFocus", containsInAnyOrder("MOBILE", "BROADBAND")).body("[2].productFocus", contains("TV"));
        given().get("/field-teams/{id}/reps?activeOn=2021-03-15", leipzig).then().statusCode(200).body("totalItems", equalTo(2));
        given().contentType(ContentType.JSON).body(List.of()).post("/field-teams/{id}/reps/batch", leipzig)
                .then().statusCode(400).body("violations[0].field", equalTo("reps"));
        given().contentType(ContentType.JSON).body(List.of(rep("Nobody", "EXTERNAL", "2021-01-01")))
                .post("/field-teams/{id}/reps/batch", UUID.randomUUID()).then().statusCode(404);
    }

    private static String directSalesPartner(String name) {
        return registerPartner(Map.of("name", name, "type", "DIRECT_SALES"));
    }

    private static Map<String, Object> team(String city, Map<String, Object> overrides) {
        Map<String, Object> team = new HashMap<>(Map.of("name", "Team " + city, "city", city, "liveFrom", "2021-01-01",
                "postalCoverage", List.of("10", "12"), "productFocus", List.of("MOBILE", "BROADBAND"),
                "campaign", "MagentaEINS", "weeklyLeadCapacity", 120));
        team.putAll(overrides);
        return team;
    }

    private static String formTeam(String partnerId, Map<String, Object> team) {
        return given().contentType(ContentType.JSON).body(team)
                .post("/partners/{id}/field-teams", partnerId)
                .then().statusCode(201).header("ETag", equalTo("\"0\"")).body("status", equalTo("ACTIVE"))
                .extract().path("id");
    }

    private static Map<String, Object> rep(String name, String source, String startDate) {
        return Map.of("name", name, "source", source, "startDate", startDate);
    }

    private static String join(String teamId, Map<String, Object> rep) {
        return given().contentType(ContentType.JSON).body(rep).post("/field-teams/{id}/reps", teamId)
                .then().statusCode(201).extract().path("id");
    }
}
