package com.partnernet.leads;

import static com.partnernet.leads.LeadsApi.INBOUND;
import static com.partnernet.leads.LeadsApi.INBOUND_DLQ;
import static com.partnernet.leads.LeadsApi.WAIT;
import static com.partnernet.leads.LeadsApi.campaign;
import static com.partnernet.leads.LeadsApi.lead;
import static com.partnernet.leads.LeadsApi.publishShop;
import static com.partnernet.leads.LeadsApi.publishTeam;
import static com.partnernet.leads.LeadsApi.shop;
import static com.partnernet.leads.LeadsApi.submit;
import static com.partnernet.leads.LeadsApi.team;
import static com.partnernet.leads.LeadsApi.uniquePlace;
import static com.partnernet.leads.LeadsApi.uniquePostalCode;
import static com.partnernet.leads.LeadsApi.write;
import static com.partnernet.testkit.conformance.Endpoint.endpoint;
import static com.partnernet.testkit.token.Tokens.MARKETING_SYSTEM;
import static com.partnernet.testkit.token.Tokens.OPS;
import static com.partnernet.testkit.token.Tokens.SALES_MANAGER;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnernet.chassis.security.PersonalDataInventory;
import com.partnernet.testkit.conformance.ConformanceChecks;
import com.partnernet.testkit.conformance.ContractProbe;
import com.partnernet.testkit.conformance.Endpoint;
import com.partnernet.testkit.conformance.PartnerUser;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.capture.LogCapture;
import com.partnernet.testkit.token.Tokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what in leads-service, probed with real tokens (see {@link AuthorizationMatrix}); what ops may read of a
 * lead; and that an ingestion run writes no personal data to the log.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class ConformanceIT implements ConformanceChecks {


    final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    PersonalDataInventory inventory;

    static Tokens tokens;
    static UUID partnerA;
    static UUID partnerB;
    static UUID shopA;
    static UUID teamA;
    static String campaign;
    static String campaignId;
    static String leadA;

    @BeforeEach
    void partnerAsShopWithALeadOnce() {
        if (tokens != null) {
            return;
        }
        tokens = InfrastructureTestResource.tokens();
        partnerA = UUID.randomUUID();
        partnerB = UUID.randomUUID();
        String postalCode = uniquePostalCode();
        asSalesManager(() -> {
            shopA = publishShop(kafka, shop(UUID.randomUUID(), "Matrix Shop", postalCode, uniquePlace(),
                    Map.of("partnerId", partnerA.toString())));
            teamA = publishTeam(kafka, team(postalCode.substring(0, 3), Map.of("partnerId", partnerA.toString())));
            campaign = campaign(Map.of());
            leadA = submit(lead(campaign, postalCode, Map.of("contact",
                    Map.of("name", "Clara Kundin", "email", "clara.kundin@example.org", "phone", "+49 221 5551234"))));
        });
        campaignId = as(SALES_MANAGER).get("/leads/{id}", leadA).then().body("shopId", equalTo(shopA.toString()))
                .extract().path("campaignId");
    }

    @Test
    void theLeadInboxPageIsServedToAnyoneButWhatItShowsOnlyWithAToken() {
        given().get("/inbox/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Lead-Eingang"));
        given().get("/inbox/config.json").then().statusCode(200).body("targetsUrl", nullValue());
        given().get("/shops/{s}/pipeline", shopA).then().statusCode(401);
        given().get("/shops/{s}/pipeline/stream", shopA).then().statusCode(401);
        given().get("/inboxes").then().statusCode(401);
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
        return List.of(
                endpoint("POST /leads").allow(SALES_MANAGER, MARKETING_SYSTEM).body("{}"),
                endpoint("POST /leads/batch").allow(SALES_MANAGER, MARKETING_SYSTEM).body("[]"),
                endpoint("GET /leads").allow(SALES_MANAGER, OPS).filtered(leadA),
                endpoint("GET /leads/flow").allow(SALES_MANAGER, OPS),
                endpoint("GET /leads/{leadId}").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN).with("leadId", leadA),
                endpoint("GET /leads/{leadId}/routing").allow(SALES_MANAGER, OPS).with("leadId", leadA),
                endpoint("GET /leads/{leadId}/consent").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN).with("leadId", leadA),
                endpoint("POST /leads/{leadId}/erasure").allow(SALES_MANAGER).with("leadId", leadA).body("{}"),
                endpoint("PUT /leads/{leadId}/status").allow(SALES_MANAGER).partnerUser(PartnerUser.OWN).with("leadId", leadA)
                        .body("{}").otherPartnersBody(Map.of("status", "CONTACTED")),
                endpoint("POST /leads/{leadId}/decline").allow(SALES_MANAGER).partnerUser(PartnerUser.OWN).with("leadId", leadA)
                        .body("{}").otherPartnersBody(Map.of("reason", "NOT_OUR_AREA")),
                endpoint("GET /shops/{shopId}/pipeline").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN).with("shopId", shopA),
                endpoint("GET /shops/{shopId}/pipeline/stream").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("shopId", shopA),
                endpoint("GET /partners/{partnerId}/pipeline/stream").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN)
                        .with("partnerId", partnerA),
                endpoint("POST /campaigns").allow(SALES_MANAGER, MARKETING_SYSTEM).body("{}"),
                endpoint("GET /campaigns").allow(SALES_MANAGER, MARKETING_SYSTEM, OPS),
                endpoint("GET /campaigns/{campaignId}").allow(SALES_MANAGER, MARKETING_SYSTEM, OPS).with("campaignId", campaignId),
                endpoint("PUT /campaigns/{campaignId}").allow(SALES_MANAGER, MARKETING_SYSTEM).with("campaignId", campaignId).body("{}"),
                endpoint("GET /campaigns/{campaignId}/evaluation").allow(SALES_MANAGER, OPS).with("campaignId", campaignId),
                endpoint("GET /routing-directory/shops/{shopId}").allow(SALES_MANAGER, OPS).with("shopId", shopA),
                endpoint("GET /routing-directory/teams/{teamId}").allow(SALES_MANAGER, OPS).with("teamId", teamA));
    }

    @Test
    void opsReadsLeadsAndQueuesWithoutPersonalDataSalesManagersAndTheOwnPartnerWithIt() {
        as(OPS).get("/leads/{id}", leadA).then().statusCode(200)
                .body("status", equalTo("NEW")).body("shopId", equalTo(shopA.toString()))
                .body("contactName", nullValue()).body("contactEmail", nullValue())
                .body("contactPhone", nullValue());
        as(OPS).get("/shops/{s}/pipeline", shopA).then().statusCode(200)
                .body("items[0].status", equalTo("NEW")).body("items[0].contactEmail", nullValue());
        as(SALES_MANAGER).get("/leads/{id}", leadA).then().statusCode(200).body("contactEmail", equalTo("clara.kundin@example.org"));
        given().auth().oauth2(tokens.forPartner(partnerA))
                .get("/shops/{s}/pipeline", shopA).then().statusCode(200)
                .body("items.contactName", contains("Clara Kundin"));
        // Marketing systems submit leads but read no pipelines; the echo of a submission carries no contact data.
        as(MARKETING_SYSTEM).get("/shops/{s}/pipeline", shopA).then().statusCode(403);
    }

    @Test
    void aFilterTheListDoesNotHaveIsRefusedNotIgnored() {
        // Ignored, partnerId would answer every partner's leads as if they were partner B's.
        as(SALES_MANAGER).get("/leads?partnerId={p}", partnerB).then().statusCode(400)
                .body("violations[0].field", equalTo("partnerId"))
                .body("violations[0].message", equalTo("is not a parameter of this operation; it takes campaign, page, "
                        + "shopId, size, sort, status, teamId"));
        as(SALES_MANAGER).get("/leads?receivedFrom=2026-01-01&status=NEW").then().statusCode(400)
                .body("violations.field", contains("receivedFrom"));
        as(SALES_MANAGER).get("/leads/{id}", "lead-1").then().statusCode(400)
                .body("violations[0].field", equalTo("leadId"));
    }

    @Test
    void aPartnerUserMovesItsOwnLeadsOnly() {
        given().auth().oauth2(tokens.forPartner(partnerB))
                .contentType(ContentType.JSON).body(Map.of("status", "CONTACTED"))
                .put("/leads/{id}/status", leadA).then().statusCode(404);
        as(SALES_MANAGER).get("/leads/{id}", leadA).then().body("status", equalTo("NEW"));
        given().auth().oauth2(tokens.forPartner(partnerB))
                .get("/leads?status=NEW&shopId={s}", shopA).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aReplayTellsTheSubmitterOnlyTheLeadsIdAndThatItIsKnown() {
        Map<String, Object> lead = lead(ownCampaign(), uniquePostalCode(), Map.of());
        String id = as(MARKETING_SYSTEM).contentType(ContentType.JSON).body(lead).post("/leads").then().statusCode(201)
                .body("keySet()", containsInAnyOrder("id", "source", "externalId", "outcome"))
                .body("outcome", equalTo("CREATED")).extract().path("id");
        as(MARKETING_SYSTEM).contentType(ContentType.JSON).body(lead).post("/leads").then().statusCode(200)
                .body("keySet()", containsInAnyOrder("id", "source", "externalId", "outcome"))
                .body("id", equalTo(id)).body("outcome", equalTo("EXISTING"));
        as(MARKETING_SYSTEM).contentType(ContentType.JSON).body(List.of(lead)).post("/leads/batch").then().statusCode(200)
                .body("items[0].keySet()", containsInAnyOrder("index", "outcome", "leadId", "violations"))
                .body("items[0].leadId", equalTo(id)).body("items[0].outcome", equalTo("EXISTING"));
    }

    @Test
    void aMarketingSystemSubmitsOnlyUnderTheSourcesItsTokenNames() {
        String postalCode = uniquePostalCode();
        String campaign = ownCampaign();
        // Another system's lead, known to the platform: probing it must not tell whether it exists.
        Map<String, Object> othersLead = lead(campaign, postalCode, Map.of("source", "partner-website"));
        as(SALES_MANAGER).contentType(ContentType.JSON).body(othersLead).post("/leads").then().statusCode(201);
        as(MARKETING_SYSTEM).contentType(ContentType.JSON).body(othersLead).post("/leads").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("partner-website"))
                .body("detail", containsString("lead_sources"));
        Map<String, Object> unknownLead = lead(campaign, postalCode, Map.of("source", "tiktok"));
        as(MARKETING_SYSTEM).contentType(ContentType.JSON).body(unknownLead).post("/leads").then().statusCode(403);
        // A batch with one foreign source among allowed ones stores nothing.
        Map<String, Object> ownLead = lead(campaign, postalCode, Map.of());
        as(MARKETING_SYSTEM).contentType(ContentType.JSON).body(List.of(ownLead, unknownLead)).post("/leads/batch")
                .then().statusCode(403);
        // A marketing-system token without the claim submits under no source.
        given().auth().oauth2(tokens.mint("unnamed-system", Set.of(MARKETING_SYSTEM), Map.of("lead_sources", List.of())))
                .contentType(ContentType.JSON).body(ownLead).post("/leads").then().statusCode(403);
        as(SALES_MANAGER).get("/leads?campaign={c}&size=200", campaign).then()
                .body("items.externalId", not(hasItem(unknownLead.get("externalId"))))
                .body("items.externalId", not(hasItem(ownLead.get("externalId"))));
    }

    @Test
    void anIngestionRunLogsNoPersonalData() {
        try (LogCapture log = LogCapture.start()) {
            String postalCode = uniquePostalCode();
            asSalesManager(() -> publishShop(kafka,
                    shop(UUID.randomUUID(), "Log Shop", postalCode, uniquePlace(), Map.of())));
            String name = "Gustav Geheimnis";
            String email = "gustav.geheimnis@example.org";
            String phone = "+49 89 7654321";
            Map<String, Object> contact = Map.of("name", name, "email", email, "phone", phone);
            Map<String, Object> good = lead(campaign, postalCode, Map.of("contact", contact, "message", "Ruf mich an"));
            kafka.send(INBOUND, "meta-ads:" + good.get("externalId"), write(good));
            // A duplicate person, a bad e-mail, an unknown campaign: each path that could log what it rejects.
            kafka.send(INBOUND, "dup", write(lead(campaign, postalCode, Map.of("contact", contact))));
            kafka.send(INBOUND, "bad-email", write(lead(campaign, postalCode,
                    Map.of("contact", Map.of("name", name, "email", "gustav.geheimnis(at)example.org", "phone", phone)))));
            kafka.send(INBOUND, "unknown-campaign", write(lead("no-such-campaign", postalCode, Map.of("contact", contact))));
            as(MARKETING_SYSTEM).contentType(ContentType.JSON).body(lead(campaign, postalCode, Map.of("contact",
                    Map.of("name", name, "email", "gustav.geheimnis@example", "phone", "12")))).post("/leads")
                    .then().statusCode(400);
            // The good lead and its duplicate stored (besides the set-up's lead of this campaign), the bad ones
            // dead-lettered.
            await().atMost(WAIT).untilAsserted(() -> as(SALES_MANAGER).get("/leads?campaign={c}", campaign).then()
                    .body("totalItems", equalTo(3)));
            kafka.await(INBOUND_DLQ, r -> "unknown-campaign".equals(r.key()), WAIT);
            kafka.await(INBOUND_DLQ, r -> "bad-email".equals(r.key()), WAIT);
            assertTrue(log.lines().stream().anyMatch(line -> line.contains("Lead ")), "the run was logged: " + log.lines());
            assertEquals(List.of(), log.linesWithAnyOf("Geheimnis", "7654321"), "log lines with personal data");
        }
    }

    /** A campaign of the test's own, so the leads it submits do not change the other tests' counts. */
    private static String ownCampaign() {
        String[] code = new String[1];
        asSalesManager(() -> code[0] = campaign(Map.of()));
        return code[0];
    }

    /** The shared test helpers call the API without a token of their own: lends them a sales manager's meanwhile. */
    private static void asSalesManager(Runnable setUp) {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + tokens.forRole(SALES_MANAGER)).build();
        try {
            setUp.run();
        } finally {
            RestAssured.requestSpecification = null;
        }
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(tokens.forRole(role));
    }
}
