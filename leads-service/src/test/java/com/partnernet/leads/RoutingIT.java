package com.partnernet.leads;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.leads.LeadsApi.campaign;
import static com.partnernet.leads.LeadsApi.lead;
import static com.partnernet.leads.LeadsApi.publishShop;
import static com.partnernet.leads.LeadsApi.publishTeam;
import static com.partnernet.leads.LeadsApi.shop;
import static com.partnernet.leads.LeadsApi.submit;
import static com.partnernet.leads.LeadsApi.team;
import static com.partnernet.leads.LeadsApi.uniquePlace;
import static com.partnernet.leads.LeadsApi.uniquePostalCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.leads.routing.Router;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.service.ManagementPort;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class RoutingIT {

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    @Test
    void eachStepSkipsWithItsReasonAndTheFirstEligibleShopWins() {
        String postalCode = uniquePostalCode();
        double[] here = uniquePlace();
        UUID closed = publishShop(kafka, shop(UUID.randomUUID(), "A closed", postalCode, here, Map.of("status", "TEMPORARILY_CLOSED")));
        publishShop(kafka, shop(UUID.randomUUID(), "B mobile only", postalCode, here, Map.of("productLines", List.of("MOBILE"))));
        publishShop(kafka, shop(UUID.randomUUID(), "C business only", postalCode, here, Map.of("segments", List.of("BUSINESS"))));
        publishShop(kafka, shop(UUID.randomUUID(), "D full", postalCode, here, Map.of("weeklyLeadCapacity", 0)));
        Map<String, Object> nearState = shop(UUID.randomUUID(), "E 3 km", uniquePostalCode(), north(here, 3), Map.of());
        UUID near = publishShop(kafka, nearState);
        UUID far = publishShop(kafka, shop(UUID.randomUUID(), "F 10 km", uniquePostalCode(), north(here, 10), Map.of()));
        String code = campaign(Map.of());

        String lead = submit(lead(code, postalCode, Map.of("shopId", closed.toString(), "latitude", here[0], "longitude", here[1])));
        given().get("/leads/{id}", lead).then().body("shopId", equalTo(near.toString()))
                .body("routingReason", startsWith("nearest eligible shop, 3.0 km from the lead's coordinates"));
        ValidatableResponse trail = given().get("/leads/{id}/routing", lead).then().statusCode(200)
                .body("decisions.size()", equalTo(1))
                // The customer's coordinates are personal data: the trail says where the location came from, not it.
                .body("decisions[0].trail.reason", hasItem("location from the lead's coordinates"))
                .body(not(containsString(String.format(Locale.ROOT, "%.4f", here[0]))))
                .body("decisions[0].cause", equalTo("INTAKE")).body("decisions[0].outcome", equalTo("SHOP"));
        assertSkipped(trail, "NAMED_SHOP", "A closed", "is TEMPORARILY_CLOSED");
        assertSkipped(trail, "CAMPAIGN_CATCHMENT", "B mobile only", "does not offer TV");
        assertSkipped(trail, "CAMPAIGN_CATCHMENT", "C business only", "does not serve CONSUMER customers");
        assertSkipped(trail, "CAMPAIGN_CATCHMENT", "D full", "at its weekly capacity (0 of 0 leads this week)");
        trail.body("decisions[0].trail.find { it.verdict == 'CHOSEN' }.targetName", equalTo("E 3 km"))
                .body("decisions[0].trail.find { it.verdict == 'CHOSEN' }.step", equalTo("NEAREST_SHOP"));

        // A shop the lead names is taken when it is eligible.
        String named = submit(lead(code, postalCode, Map.of("shopId", far.toString())));
        given().get("/leads/{id}", named).then().body("shopId", equalTo(far.toString())).body("routingReason", equalTo("named by the lead"));

        // The directory changes (E closes): the next lead goes elsewhere. Without coordinates, the postal code places it.
        Map<String, Object> closedNear = new HashMap<>(nearState);
        closedNear.putAll(Map.of("status", "TEMPORARILY_CLOSED", "version", 1));
        publishShop(kafka, closedNear);
        String afterClosure = submit(lead(code, postalCode, Map.of()));
        given().get("/leads/{id}", afterClosure).then().body("shopId", equalTo(far.toString()))
                .body("routingReason", containsString("10.0 km from centre of the 4 directory shop(s) in postal area " + postalCode));
    }

    @Test
    void pilotCampaignLeadsGoToPilotShopsOnlyNeverToTheControlGroup() {
        String postalCode = uniquePostalCode();
        double[] here = uniquePlace();
        UUID pilot = publishShop(kafka, shop(UUID.randomUUID(), "Pilot", postalCode, north(here, 5), Map.of("weeklyLeadCapacity", 2)));
        UUID control = publishShop(kafka, shop(UUID.randomUUID(), "Control", postalCode, here, Map.of()));
        String code = campaign(Map.of("status", "PILOT", "pilotShops", List.of(pilot.toString()),
                "controlShops", List.of(control.toString())));

        String first = submit(lead(code, postalCode, Map.of("latitude", here[0], "longitude", here[1])));
        given().get("/leads/{id}", first).then().body("shopId", equalTo(pilot.toString()));
        // Not even a lead that names a control shop lands in the control group.
        String namingControl = submit(lead(code, postalCode, Map.of("shopId", control.toString())));
        given().get("/leads/{id}", namingControl).then().body("shopId", equalTo(pilot.toString()));
        assertSkipped(given().get("/leads/{id}/routing", namingControl).then(), "NAMED_SHOP", "Control",
                "is a control shop of pilot campaign " + code + ", whose leads go to its pilot shops only");
        String overflow = submit(lead(code, postalCode, Map.of("latitude", here[0], "longitude", here[1])));
        given().get("/leads/{id}", overflow).then().body("status", equalTo("UNROUTED"));
        given().get("/leads/{id}/routing", overflow).then()
                .body("decisions[0].trail.step", hasItem("UNROUTED"))
                .body("decisions[0].trail.reason", hasItem("pilot campaign " + code + ": only its 1 pilot shop(s) take its leads"))
                .body("decisions[0].trail.findAll { it.targetName == 'Control' }.size()", equalTo(0));
    }

    @Test
    void equalShopsShareLeadsByOpenLeadsPerCapacityAndNoShopGoesOverItsWeeklyCapacity() {
        String postalCode = uniquePostalCode();
        double[] here = uniquePlace();
        UUID big = publishShop(kafka, shop(UUID.randomUUID(), "Big", postalCode, here, Map.of("weeklyLeadCapacity", 10)));
        UUID small1 = publishShop(kafka, shop(UUID.randomUUID(), "Small 1", postalCode, here, Map.of("weeklyLeadCapacity", 5)));
        UUID small2 = publishShop(kafka, shop(UUID.randomUUID(), "Small 2", postalCode, here, Map.of("weeklyLeadCapacity", 5)));
        String code = campaign(Map.of());

        for (int i = 0; i < 8; i++) {
            submit(lead(code, postalCode, Map.of()));
        }
        assertEquals(Map.of(big, 4, small1, 2, small2, 2), newLeads(List.of(big, small1, small2)), "proportional to capacity");
        for (int i = 0; i < 12; i++) {
            submit(lead(code, postalCode, Map.of()));
        }
        assertEquals(Map.of(big, 10, small1, 5, small2, 5), newLeads(List.of(big, small1, small2)), "full, never over");
        String overflow = submit(lead(code, postalCode, Map.of()));
        given().get("/leads/{id}", overflow).then().body("status", equalTo("UNROUTED"));
        given().get("/leads/{id}/routing", overflow).then()
                .body("decisions[0].trail.findAll { it.verdict == 'SKIPPED' && it.step == 'CAMPAIGN_CATCHMENT' }.size()", equalTo(3));
        // An external id is no lead id: the client's mistake, named.
        given().get("/leads/{id}/routing", lead(code, postalCode, Map.of()).get("externalId")).then().statusCode(400)
                .body("violations[0].field", equalTo("leadId"));
        given().get("/leads/{id}/routing", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aShopsWeeklyLoadIsCountedInTheBusinessWeekItsAssignmentsWereStoredIn() throws Exception {
        String postalCode = uniquePostalCode();
        UUID shop = publishShop(kafka, shop(UUID.randomUUID(), "Counted", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());
        for (int i = 0; i < 3; i++) {
            submit(lead(code, postalCode, Map.of()));
        }
        try (Connection db = dataSource.getConnection()) {
            assertEquals(3, longOf(db, "select count(*) from lead_assignment where shop_id = ?", shop));
            assertEquals(3, longOf(db, "select assigned from routing_week_load where target_id = ? and week_start = ?", shop,
                    Timestamp.from(Router.weekStart(Timestamps.now()))));
            // The database's week is routing's: Monday 00:00 in Germany, either side of it and of the clock changes.
            for (String at : List.of("2027-03-01T00:00:00+01:00", "2027-02-28T23:59:59.999999+01:00", "2027-03-28T01:59:59+01:00",
                    "2027-03-28T03:00:00+02:00", "2027-03-29T00:00:00+02:00", "2027-10-31T02:30:00+01:00",
                    "2027-11-01T00:00:00+01:00", "2027-12-31T23:00:00Z", "2028-01-03T00:00:00+01:00")) {
                Instant instant = OffsetDateTime.parse(at).toInstant();
                try (PreparedStatement query = db.prepareStatement("select business_week_start(?)")) {
                    query.setTimestamp(1, Timestamp.from(instant));
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        assertEquals(Router.weekStart(instant), row.getTimestamp(1).toInstant(), at);
                    }
                }
            }
        }
    }

    @Test
    void withoutAShopTheFieldTeamCoveringTheAreaTakesTheLeadElseItWaitsInTheOpsQueue() {
        String postalCode = uniquePostalCode();
        double[] nowhere = uniquePlace();
        String prefix = postalCode;
        UUID team = publishTeam(kafka, team(prefix, Map.of("productFocus", List.of("MOBILE", "BROADBAND"))));
        publishTeam(kafka, team(prefix,
                Map.of("name", "Not yet", "liveFrom", Timestamps.today().plusMonths(2).toString())));
        String code = campaign(Map.of());

        String mobile = submit(lead(code, postalCode, Map.of("productLine", "MOBILE", "latitude", nowhere[0], "longitude", nowhere[1])));
        given().get("/leads/{id}", mobile).then().body("status", equalTo("NEW")).body("teamId", equalTo(team.toString()))
                .body("routingReason", startsWith("field team Team " + prefix));
        given().get("/leads/{id}/routing", mobile).then()
                .body("decisions[0].outcome", equalTo("FIELD_TEAM"))
                .body("decisions[0].trail.find { it.targetName == 'Not yet' }.reason", startsWith("rolls out on"));

        String tv = submit(lead(code, postalCode, Map.of("latitude", nowhere[0], "longitude", nowhere[1])));
        given().get("/leads/{id}", tv).then().body("status", equalTo("UNROUTED"))
                .body("routingReason", equalTo("no eligible shop or field team for TV in " + postalCode));
        given().get("/leads/{id}/routing", tv).then()
                .body("decisions[0].trail.find { it.targetName == 'Team " + prefix + "' }.reason", equalTo("does not promote TV"));
        given().get("/leads?status=UNROUTED&campaign={c}", code).then().statusCode(200)
                .body("items.id", hasItem(tv)).body("totalItems", equalTo(1));
        // The live view of the campaign's intake: per minute (summed, the window may span a minute's turn) and the queue.
        given().get("/leads/flow?minutes=5&campaign={c}", code).then().statusCode(200)
                .body("minutes.size()", equalTo(5)).body("campaign", equalTo(code))
                .body("minutes.sum { it.received }", equalTo(2)).body("minutes.sum { it.routed }", equalTo(1))
                .body("minutes.sum { it.unrouted }", equalTo(1)).body("minutes.sum { it.rejected }", equalTo(0))
                .body("unroutedQueue", equalTo(1));
        given().get("/leads/flow?minutes=0").then().statusCode(400).body("violations[0].field", equalTo("minutes"));
        // Counted per campaign once the intake committed (this test's campaign has only these two leads).
        given().port(ManagementPort.ofServiceUnderTest()).get("/q/metrics").then()
                .body(containsString("partnernet_leads_received_total{campaign=\"" + code + "\"} 2.0"))
                .body(containsString("partnernet_leads_assigned_total{assignee=\"field_team\",campaign=\"" + code + "\"} 1.0"))
                .body(containsString("partnernet_leads_unrouted_total{campaign=\"" + code + "\"} 1.0"));
    }

    private static long longOf(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void assertSkipped(ValidatableResponse trail, String step, String shop, String reason) {
        trail.body("decisions[0].trail.find { it.targetName == '" + shop + "' }.step", equalTo(step))
                .body("decisions[0].trail.find { it.targetName == '" + shop + "' }.verdict", equalTo("SKIPPED"))
                .body("decisions[0].trail.find { it.targetName == '" + shop + "' }.reason", equalTo(reason));
    }

    /** A point {@code km} north of a place. */
    private static double[] north(double[] place, double km) {
        return new double[] { place[0] + km / 111.195, place[1] };
    }

    private static Map<UUID, Integer> newLeads(List<UUID> shops) {
        Map<UUID, Integer> counts = new HashMap<>();
        for (UUID shop : shops) {
            counts.put(shop, given().get("/shops/{id}/pipeline", shop).then().extract().<Integer>path("stages.NEW"));
        }
        return counts;
    }
}
