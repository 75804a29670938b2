package com.partnernet.leads;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.leads.LeadsApi.LEAD_EVENTS;
import static com.partnernet.leads.LeadsApi.WAIT;
import static com.partnernet.leads.LeadsApi.campaign;
import static com.partnernet.leads.LeadsApi.lead;
import static com.partnernet.leads.LeadsApi.publishShop;
import static com.partnernet.leads.LeadsApi.shop;
import static com.partnernet.leads.LeadsApi.submit;
import static com.partnernet.leads.LeadsApi.uniquePlace;
import static com.partnernet.leads.LeadsApi.uniquePostalCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.leads.sla.SlaCheck;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.service.ManagementPort;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class PipelineIT {

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    ObjectMapper mapper;

    @Inject
    SlaCheck slaCheck;

    @Inject
    DataSource dataSource;

    @Test
    void aLeadMovesForwardThroughThePipelineAndEachMoveIsPublished() throws Exception {
        String postalCode = uniquePostalCode();
        UUID shopId = publishShop(kafka, shop(UUID.randomUUID(), "Pipeline Shop", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());
        String lost = submit(lead(code, postalCode, Map.of()));
        String won = submit(lead(code, postalCode, Map.of("productLine", "MOBILE")));
        submit(lead(code, postalCode, Map.of()));

        move(lost, Map.of("status", "CONTACTED")).statusCode(200)
                .body("firstContactAt", notNullValue()).body("slaDueAt", nullValue());
        move(lost, Map.of("status", "NEW")).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("CONTACTED and cannot become NEW"));
        move(lost, Map.of("status", "APPOINTMENT")).statusCode(200);
        move(lost, Map.of("status", "LOST")).statusCode(400).body("violations[0].field", equalTo("lostReason"));
        move(lost, Map.of("status", "LOST", "lostReason", "CHOSE_COMPETITOR")).statusCode(200)
                .body("lostReason", equalTo("CHOSE_COMPETITOR")).body("closedAt", notNullValue());
        move(lost, Map.of("status", "WON")).statusCode(409);
        move(won, Map.of("status", "WON")).statusCode(200);
        move(won, Map.of("status", "SOLD")).statusCode(400).body("violations[0].field", equalTo("status"));
        move(UUID.randomUUID().toString(), Map.of("status", "WON")).statusCode(404);

        given().get("/shops/{id}/pipeline?size=1", shopId).then().statusCode(200)
                .body("stages.NEW", equalTo(1)).body("stages.CONTACTED", equalTo(0)).body("stages.APPOINTMENT", equalTo(0))
                .body("stages.WON", equalTo(1)).body("stages.LOST", equalTo(1))
                .body("ageing.NEW.leads", equalTo(1)).body("openByAge.under1Day", equalTo(1))
                .body("overdueFirstContact", equalTo(0))
                .body("totalItems", equalTo(3)).body("items.size()", equalTo(1));
        given().get("/shops/{id}/pipeline?status=LOST", shopId).then().body("items[0].id", equalTo(lost));
        given().get("/shops/{id}/pipeline?status=FOUND", shopId).then().statusCode(400);

        List<ConsumerRecord<String, String>> events = kafka.awaitCount(LEAD_EVENTS, r -> shopId.toString().equals(r.key()), 10, WAIT);
        assertEquals(List.of("LeadStatusChanged", "LeadStatusChanged", "LeadLost", "LeadWon"), events.stream()
                .map(r -> KafkaTestClient.header(r, "type")).filter(type -> !type.startsWith("LeadReceived")
                        && !type.equals("LeadAssigned")).toList());
        JsonNode winEvent = mapper.readTree(events.stream().filter(r -> "LeadWon".equals(KafkaTestClient.header(r, "type")))
                .findFirst().orElseThrow().value()).get("payload");
        assertEquals(won, winEvent.get("leadId").asText());
        assertEquals(shopId.toString(), winEvent.get("shopId").asText());
        assertEquals("MOBILE", winEvent.get("productLine").asText());
        assertEquals(code, winEvent.get("campaign").asText());
        assertEquals("NEW", winEvent.get("previousStatus").asText());
    }

    @Test
    void aMissedFirstContactMovesTheLeadToTheNextShopAtMostTwiceThenToTheOpsQueue() throws Exception {
        String postalCode = uniquePostalCode();
        double[] here = uniquePlace();
        Set<String> shops = new HashSet<>();
        for (String name : List.of("First", "Second", "Third")) {
            shops.add(publishShop(kafka, shop(UUID.randomUUID(), name, postalCode, here, Map.of())).toString());
        }
        String leadId = submit(lead(campaign(Map.of()), postalCode, Map.of()));
        Set<String> lapsed = new HashSet<>();
        for (int breach = 1; breach <= 2; breach++) {
            String before = given().get("/leads/{id}", leadId).then().extract().path("shopId");
            Instant due = Instant.parse(given().get("/leads/{id}", leadId).then().extract().path("slaDueAt"));
            slaCheck.reassignOverdue(due.minusSeconds(60));
            given().get("/leads/{id}", leadId).then().body("shopId", equalTo(before)).body("reassignments", equalTo(breach - 1));
            slaCheck.reassignOverdue(due.plus(Duration.ofMinutes(1)));
            lapsed.add(before);
            String after = given().get("/leads/{id}", leadId).then().statusCode(200)
                    .body("status", equalTo("NEW")).body("reassignments", equalTo(breach))
                    .extract().path("shopId");
            assertEquals(false, lapsed.contains(after), "never back to a shop that let it lapse");
        }
        Instant due = Instant.parse(given().get("/leads/{id}", leadId).then().extract().path("slaDueAt"));
        slaCheck.reassignOverdue(due.plus(Duration.ofMinutes(1)));
        given().get("/leads/{id}", leadId).then().body("status", equalTo("UNROUTED")).body("shopId", nullValue())
                .body("reassignments", equalTo(3)).body("routingReason", equalTo("first contact missed 3 times; waits in the ops queue"));

        given().get("/leads/{id}/routing", leadId).then()
                .body("decisions.cause", org.hamcrest.Matchers.contains("INTAKE", "SLA_REASSIGNMENT", "SLA_REASSIGNMENT", "SLA_REASSIGNMENT"))
                .body("decisions[1].trail.findAll { it.reason == \"let this lead's first-contact SLA lapse before\" }.size()",
                        equalTo(1))
                .body("decisions[2].trail.findAll { it.reason == \"let this lead's first-contact SLA lapse before\" }.size()",
                        equalTo(2));
        List<ConsumerRecord<String, String>> moves = kafka.awaitCount(LEAD_EVENTS,
                r -> "LeadReassigned".equals(KafkaTestClient.header(r, "type")) && r.value().contains(leadId), 3, WAIT)
                .stream().sorted(Comparator.comparingLong(ConsumerRecord::timestamp)).toList();
        JsonNode first = mapper.readTree(moves.get(0).value()).get("payload");
        assertEquals(true, shops.contains(first.get("previousShopId").asText()));
        assertEquals(first.get("shopId").asText(), moves.get(0).key());
        assertEquals(leadId, moves.get(2).key(), "an unrouted lead's events are keyed by the lead");
        given().port(ManagementPort.ofServiceUnderTest()).get("/q/metrics").then()
                .body(containsString("partnernet_leads_sla_breaches_total{outcome=\"reassigned\"}"))
                .body(containsString("partnernet_leads_sla_breaches_total{outcome=\"unrouted\"}"))
                .body(containsString("partnernet_leads_reassigned_total{cause=\"sla_breach\"}"));
        given().get("/leads?status=UNROUTED").then().body("totalItems", greaterThanOrEqualTo(1));
    }

    @Test
    void theSummaryKeepsCountingAndAgeingAsLeadsArriveMoveAndLeave() throws Exception {
        String postalCode = uniquePostalCode();
        UUID shopId = publishShop(kafka, shop(UUID.randomUUID(), "Counting Shop", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            leads.add(submit(lead(code, postalCode, Map.of())));
        }
        Instant now = Instant.now();
        assignedAgo(leads.get(0), Duration.ofDays(2));
        assignedAgo(leads.get(1), Duration.ofDays(5));
        assignedAgo(leads.get(2), Duration.ofDays(10));
        sql("update lead set sla_due_at = ? where id = ?", Timestamp.from(now.minus(Duration.ofHours(1))), UUID.fromString(leads.get(0)));
        move(leads.get(4), Map.of("status", "CONTACTED")).statusCode(200);
        move(leads.get(5), Map.of("status", "WON")).statusCode(200);

        given().get("/shops/{id}/pipeline?size=1", shopId).then().statusCode(200)
                .body("stages.NEW", equalTo(4)).body("stages.CONTACTED", equalTo(1)).body("stages.WON", equalTo(1))
                .body("totalItems", equalTo(6))
                .body("ageing.NEW.leads", equalTo(4)).body("ageing.NEW.oldestHours", equalTo(240.0f))
                .body("ageing.NEW.averageHours", equalTo(102.0f)).body("ageing.CONTACTED.leads", equalTo(1))
                .body("openByAge.under1Day", equalTo(2)).body("openByAge.from1To3Days", equalTo(1))
                .body("openByAge.from3To7Days", equalTo(1)).body("openByAge.over7Days", equalTo(1))
                .body("overdueFirstContact", equalTo(1));

        given().contentType(ContentType.JSON).body(Map.of("reason", "NOT_OUR_AREA")).post("/leads/{id}/decline", leads.get(3))
                .then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("reason", "the person asked")).post("/leads/{id}/erasure", leads.get(1))
                .then().statusCode(200);
        given().get("/shops/{id}/pipeline?status=NEW", shopId).then().statusCode(200)
                .body("stages.NEW", equalTo(2)).body("stages.LOST", equalTo(1)).body("stages.WON", equalTo(1))
                .body("totalItems", equalTo(2)).body("ageing.NEW.averageHours", equalTo(144.0f))
                .body("ageing.NEW.oldestHours", equalTo(240.0f))
                .body("openByAge.under1Day", equalTo(1)).body("openByAge.from3To7Days", equalTo(0));

        // Across every lead all tests stored, in one snapshot: the kept counts are the leads counted one by one.
        assertEquals(0L, sql("""
                select count(*) from (select shop_id, status, count(*) as leads,
                                             coalesce(sum(extract(epoch from assigned_at)), 0) as seconds
                                      from lead where shop_id is not null group by shop_id, status) counted
                full join (select * from shop_pipeline_stage where leads <> 0) kept using (shop_id, status)
                where counted.leads is distinct from kept.leads or counted.seconds is distinct from kept.assigned_seconds"""));
    }

    private void assignedAgo(String leadId, Duration age) throws Exception {
        sql("update lead set assigned_at = ? where id = ?", Timestamp.from(Instant.now().minus(age)), UUID.fromString(leadId));
    }

    /** Runs a statement on the service's database; a query's single value, or the rows changed. */
    private long sql(String statement, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            if (!prepared.execute()) {
                return prepared.getUpdateCount();
            }
            try (ResultSet result = prepared.getResultSet()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static io.restassured.response.ValidatableResponse move(String leadId, Map<String, Object> change) {
        return given().contentType(ContentType.JSON).body(change).put("/leads/{id}/status", leadId).then();
    }
}
