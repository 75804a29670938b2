package com.partnernet.leads;

import static com.partnernet.leads.LeadsApi.INBOUND;
import static com.partnernet.leads.LeadsApi.INBOUND_DLQ;
import static com.partnernet.leads.LeadsApi.WAIT;
import static com.partnernet.leads.LeadsApi.campaign;
import static com.partnernet.leads.LeadsApi.lead;
import static com.partnernet.leads.LeadsApi.publishShop;
import static com.partnernet.leads.LeadsApi.shop;
import static com.partnernet.leads.LeadsApi.submit;
import static com.partnernet.leads.LeadsApi.uniquePlace;
import static com.partnernet.leads.LeadsApi.uniquePostalCode;
import static com.partnernet.leads.LeadsApi.write;
import static com.partnernet.local.AuthorizationMatrix.endpoint;
import static com.partnernet.local.Tokens.MARKETING_SYSTEM;
import static com.partnernet.local.Tokens.OPS;
import static com.partnernet.local.Tokens.SALES_MANAGER;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnernet.local.AuthorizationMatrix;
import com.partnernet.local.AuthorizationMatrix.PartnerUser;
import com.partnernet.local.InfrastructureTestResource;
import com.partnernet.local.KafkaTestClient;
import com.partnernet.local.Tokens;

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
class AuthorizationMatrixTest {


    final KafkaTestClient kafka = KafkaTestClient.shared();

    static Tokens tokens;
    static UUID partnerA;
    static UUID partnerB;
    static UUID shopA;
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
            campaign = campaign(Map.of());
            leadA = submit(lead(campaign, postalCode, Map.of("contact",
                    Map.of("name", "Clara Kundin", "email", "clara.kundin@example.org", "phone", "+49 221 5551234"))));
        });
        campaignId = as(SALES_MANAGER).get("/leads/{id}", leadA).then().body("shopId", equalTo(shopA.toString()))
                .extract().path("campaignId");
    }

    @Test
    void everyEndpointAnswersEachCallerAsItsRuleSays() throws Exception {
        new AuthorizationMatrix(URI.create("http://localhost:" + RestAssured.port), tokens, partnerA, partnerB).verify(List.of(
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
                endpoint("GET /shops/{shopId}/pipeline").allow(SALES_MANAGER, OPS).partnerUser(PartnerUser.OWN).with("shopId", shopA),
                endpoint("POST /campaigns").allow(SALES_MANAGER, MARKETING_SYSTEM).body("{}"),
                endpoint("GET /campaigns").allow(SALES_MANAGER, MARKETING_SYSTEM, OPS),
                endpoint("GET /campaigns/{campaignId}").allow(SALES_MANAGER, MARKETING_SYSTEM, OPS).with("campaignId", campaignId),
                endpoint("PUT /campaigns/{campaignId}").allow(SALES_MANAGER, MARKETING_SYSTEM).with("campaignId", campaignId).body("{}"),
                endpoint("GET /campaigns/{campaignId}/evaluation").allow(SALES_MANAGER, OPS).with("campaignId", campaignId),
                endpoint("GET /routing-directory/shops/{shopId}").allow(SALES_MANAGER, OPS).with("shopId", shopA),
                endpoint("GET /routing-directory/teams/{teamId}").allow(SALES_MANAGER, OPS)));
    }

    @Test
    void opsReadsLeadsAndQueuesWithoutPersonalDataSalesManagersAndTheOwnPartnerWithIt() {
        as(OPS).get("/leads/{id}", leadA).then().statusCode(200)
                .body("status", equalTo("NEW")).body("shopId", equalTo(shopA.toString()))
                .body("$", not(hasKey("contactName"))).body("$", not(hasKey("contactEmail")))
                .body("$", not(hasKey("contactPhone")));
        as(OPS).get("/shops/{s}/pipeline", shopA).then().statusCode(200)
                .body("leads[0].status", equalTo("NEW")).body("leads[0]", not(hasKey("contactEmail")));
        as(SALES_MANAGER).get("/leads/{id}", leadA).then().statusCode(200).body("contactEmail", equalTo("clara.kundin@example.org"));
        given().auth().oauth2(tokens.forPartner(partnerA))
                .get("/shops/{s}/pipeline", shopA).then().statusCode(200)
                .body("leads.contactName", contains("Clara Kundin"));
        // Marketing systems submit leads but read no pipelines; the echo of a submission carries no contact data.
        as(MARKETING_SYSTEM).get("/shops/{s}/pipeline", shopA).then().statusCode(403);
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
    void anIngestionRunLogsNoPersonalData() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                Object[] parameters = record.getParameters();
                logged.add(message + " " + (parameters == null ? "" : List.of(parameters)) + " "
                        + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
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
            List<String> leaks = logged.stream()
                    .filter(line -> line.contains("Geheimnis") || line.contains("geheimnis") || line.contains("7654321"))
                    .toList();
            assertTrue(logged.stream().anyMatch(line -> line.startsWith("Lead ")), "the run was logged: " + logged);
            assertEquals(List.of(), leaks, "log lines with personal data");
        } finally {
            root.removeHandler(capture);
        }
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
