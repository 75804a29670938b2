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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.partnernet.leads.gdpr.ErasureService;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class ErasureIT {

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    ErasureService erasure;

    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "privacy-office", roles = SALES_MANAGER)
    void erasureRemovesThePersonalDataKeepsTheFiguresIsAuditedAndPublished() {
        String postalCode = uniquePostalCode();
        double[] here = uniquePlace();
        UUID shopId = publishShop(kafka, shop(UUID.randomUUID(), "Erasure Shop", postalCode, here, Map.of()));
        String leadId = submit(lead(campaign(Map.of()), postalCode, Map.of("message", "Please call after 6 pm",
                "latitude", here[0], "longitude", here[1],
                "contact", Map.of("name", "Erika Mustermann", "email", "erika.erase@example.org", "phone", "0221 998877"))));

        Map<String, Object> request = Map.of("reason", "customer request of 2026-11-20");
        given().contentType(ContentType.JSON).body(request).post("/leads/{id}/erasure", leadId)
                .then().statusCode(200)
                .body("contactName", equalTo("[erased]")).body("message", equalTo("[erased]"))
                .body("contactEmail", nullValue()).body("contactPhone", nullValue()).body("erasedAt", notNullValue())
                // Nobody can contact the customer any more: the open lead is closed and its first-contact clock stops.
                .body("status", equalTo("LOST")).body("lostReason", equalTo("PERSONAL_DATA_ERASED"))
                .body("slaDueAt", nullValue()).body("closedAt", notNullValue())
                .body("shopId", equalTo(shopId.toString())).body("postalCode", equalTo(postalCode));
        given().contentType(ContentType.JSON).body(request).post("/leads/{id}/erasure", leadId).then().statusCode(200)
                .body("status", equalTo("LOST"));
        given().get("/shops/{id}/pipeline", shopId).then().body("stages.NEW", equalTo(0)).body("stages.LOST", equalTo(1));
        // The SLA check passes it over: it is no longer waiting for a first contact.
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select count(l) from Lead l where l.id = :id and l.status = 'NEW'", Long.class)
                .setParameter("id", UUID.fromString(leadId)).getSingleResult()).intValue());

        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createQuery(
                "select l.emailNormalized, l.phoneE164, l.latitude, l.longitude from Lead l where l.id = :id")
                .setParameter("id", UUID.fromString(leadId)).getSingleResult());
        assertEquals(List.of(), java.util.Arrays.stream(stored).filter(java.util.Objects::nonNull).toList());
        // The routing trail, kept for the record, never held the customer's coordinates.
        String trail = given().get("/leads/{id}/routing", leadId).then().statusCode(200).extract().asString();
        assertFalse(trail.contains(String.format(java.util.Locale.ROOT, "%.4f", here[0])), trail);
        long audits = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select count(e) from LeadErasure e where e.leadId = :id and e.requestedBy = 'privacy-office'", Long.class)
                .setParameter("id", UUID.fromString(leadId)).getSingleResult());
        assertEquals(2, audits, "each request is audited");

        ConsumerRecord<String, String> lost = kafka.await(LEAD_EVENTS,
                r -> "LeadLost".equals(KafkaTestClient.header(r, "type")) && r.value().contains(leadId), WAIT);
        assertTrue(lost.value().contains("PERSONAL_DATA_ERASED"), lost.value());
        ConsumerRecord<String, String> erased = kafka.await(LEAD_EVENTS,
                r -> "LeadErased".equals(KafkaTestClient.header(r, "type")) && r.value().contains(leadId), WAIT);
        assertEquals(shopId.toString(), erased.key());
        assertFalse(erased.value().contains("Erika") || erased.value().contains("example.org"), erased.value());

        given().contentType(ContentType.JSON).body(Map.of("reason", "")).post("/leads/{id}/erasure", leadId)
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(request).post("/leads/{id}/erasure", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void personalDataOfLeadsClosedLongerThanTheRetentionIsPurgedOpenLeadsStay() {
        String postalCode = uniquePostalCode();
        publishShop(kafka, shop(UUID.randomUUID(), "Retention Shop", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());
        String won = submit(lead(code, postalCode, Map.of()));
        String open = submit(lead(code, postalCode, Map.of()));
        given().contentType(ContentType.JSON).body(Map.of("status", "WON")).put("/leads/{id}/status", won).then().statusCode(200);

        erasure.purge(Instant.now().plus(Duration.ofDays(364)));
        given().get("/leads/{id}", won).then().body("contactEmail", notNullValue());
        erasure.purge(Instant.now().plus(Duration.ofDays(366)));
        given().get("/leads/{id}", won).then().body("contactEmail", nullValue()).body("contactName", equalTo("[erased]"))
                .body("status", equalTo("WON")).body("erasedAt", notNullValue());
        given().get("/leads/{id}", open).then().body("contactEmail", notNullValue()).body("erasedAt", nullValue());
    }
}
