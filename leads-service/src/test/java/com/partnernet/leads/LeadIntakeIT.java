package com.partnernet.leads;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.leads.LeadsApi.INBOUND;
import static com.partnernet.leads.LeadsApi.INBOUND_DLQ;
import static com.partnernet.leads.LeadsApi.LEAD_EVENTS;
import static com.partnernet.leads.LeadsApi.WAIT;
import static com.partnernet.leads.LeadsApi.campaign;
import static com.partnernet.leads.LeadsApi.lead;
import static com.partnernet.leads.LeadsApi.metric;
import static com.partnernet.leads.LeadsApi.publishShop;
import static com.partnernet.leads.LeadsApi.shop;
import static com.partnernet.leads.LeadsApi.submit;
import static com.partnernet.leads.LeadsApi.uniquePlace;
import static com.partnernet.leads.LeadsApi.uniquePostalCode;
import static com.partnernet.leads.LeadsApi.write;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.testkit.conformance.EventSchemas;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.nio.file.Path;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class LeadIntakeIT {

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Test
    void aLeadPublishedOnKafkaIsStoredRoutedAndAnnouncedWithoutPersonalData() throws Exception {
        double intakesTimed = metric("partnernet_leads_intake_latency_seconds_count");
        String postalCode = uniquePostalCode();
        UUID shopId = publishShop(kafka, shop(UUID.randomUUID(), "Köln Hohe Straße", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());
        Map<String, Object> lead = lead(code, postalCode, Map.of("contact",
                Map.of("name", "Erika Mustermann", "email", "Erika@Example.org", "phone", "0221 1234567")));
        kafka.send(INBOUND, "meta-ads:" + lead.get("externalId"), write(lead));

        String leadId = await().atMost(WAIT).until(() -> given().get("/leads?campaign={c}", code)
                .then().extract().<String>path("items[0].id"), id -> id != null);
        given().get("/leads/{id}", leadId).then().statusCode(200)
                .body("status", equalTo("NEW")).body("shopId", equalTo(shopId.toString()))
                .body("contactEmail", equalTo("erika@example.org")).body("contactPhone", equalTo("+492211234567"))
                .body("routingReason", equalTo("catchment covers postal code " + postalCode))
                .body("slaDueAt", org.hamcrest.Matchers.notNullValue());

        List<ConsumerRecord<String, String>> events = kafka.awaitCount(LEAD_EVENTS, r -> shopId.toString().equals(r.key()), 2, WAIT);
        assertEquals(List.of("LeadReceived", "LeadAssigned"), events.stream().map(r -> KafkaTestClient.header(r, "type")).toList());
        JsonNode assigned = mapper.readTree(events.get(1).value());
        assertEquals("ShopPipeline", assigned.get("aggregateType").asText());
        assertEquals(leadId, assigned.at("/payload/leadId").asText());
        assertEquals(code, assigned.at("/payload/campaign").asText());
        for (ConsumerRecord<String, String> event : events) {
            assertFalse(event.value().contains("Erika") || event.value().contains("example.org") || event.value().contains("1234567"),
                    "no personal data in events: " + event.value());
        }

        given().get("/leads/{id}/consent", leadId).then().statusCode(200)
                .body("items[0].purpose", equalTo("CONTACT_ABOUT_PRODUCT_LINE")).body("items[0].recipient", equalTo("ASSIGNED_PARTNER"))
                .body("items[0].productLine", equalTo("TV")).body("items[0].granted", equalTo(true))
                .body("items[0].source", equalTo("meta-ads")).body("items[0].expiresAt", org.hamcrest.Matchers.notNullValue());

        // Counted as the poll's transaction commits, a moment after the lead became readable.
        await().atMost(WAIT).until(() -> metric("partnernet_leads_intake_latency_seconds_count") > intakesTimed);
        assertEquals(1, metric("partnernet_leads_received_total{campaign=\"" + code + "\"}"));
        assertEquals(1, metric("partnernet_leads_assigned_total{assignee=\"shop\",campaign=\"" + code + "\"}"));
    }

    @Test
    void theSameSourceAndExternalIdIsOneLeadOverKafkaAndRest() {
        String postalCode = uniquePostalCode();
        UUID shopId = publishShop(kafka, shop(UUID.randomUUID(), "Idempotent Shop", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());
        Map<String, Object> lead = lead(code, postalCode, Map.of());
        String key = "meta-ads:" + lead.get("externalId");
        kafka.send(INBOUND, key, write(lead));
        kafka.send(INBOUND, key, write(lead));
        kafka.send(INBOUND, key, write(lead(code, postalCode, Map.of())));

        await().atMost(WAIT).untilAsserted(() -> given().get("/leads?campaign={c}", code).then().body("totalItems", equalTo(2)));
        given().contentType(ContentType.JSON).body(lead).post("/leads")
                .then().statusCode(200).body("externalId", equalTo(lead.get("externalId"))).body("outcome", equalTo("EXISTING"));
        Map<String, Object> viaRest = lead(code, postalCode, Map.of());
        String created = given().contentType(ContentType.JSON).body(viaRest).post("/leads")
                .then().statusCode(201).header("Location", containsString("/leads/")).extract().path("id");
        given().contentType(ContentType.JSON).body(viaRest).post("/leads").then().statusCode(200).body("id", equalTo(created));
        given().get("/shops/{id}/pipeline", shopId).then().body("stages.NEW", equalTo(3));
        assertEquals(3, kafka.awaitCount(LEAD_EVENTS, r -> shopId.toString().equals(r.key())
                && "LeadAssigned".equals(KafkaTestClient.header(r, "type")), 3, WAIT).size());
    }

    @Test
    void everyKindOfBadRecordIsDeadLetteredWithItsReasonAndTheSameBodiesAreRejectedOverRest() {
        String postalCode = uniquePostalCode();
        String code = campaign(Map.of());
        String stopped = campaign(Map.of("status", "STOPPED"));
        Map<String, Object> noContact = lead(code, postalCode, new HashMap<>());
        noContact.remove("contact");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("missing contact", noContact);
        bad.put("wrong type", lead(code, postalCode, Map.of("productLine", "RADIO")));
        bad.put("bad postal code", lead(code, "1234", Map.of()));
        bad.put("unknown campaign", lead("no-such-campaign", postalCode, Map.of()));
        bad.put("stopped campaign", lead(stopped, postalCode, Map.of()));
        bad.put("bad phone", lead(code, postalCode, Map.of("contact", Map.of("name", "A", "phone", "12"))));
        bad.put("unreachable", lead(code, postalCode, Map.of("contact", Map.of("name", "A"))));
        bad.put("everything", lead("no-such-campaign", postalCode, Map.of("productLine", "RADIO",
                "contact", Map.of("name", "A", "email", "not-an-address", "phone", "12"))));
        bad.put("blank source", lead(code, postalCode, Map.of("source", " ")));
        bad.put("consent as text", lead(code, postalCode, Map.of("consent", Map.of("granted", "yes"))));
        bad.put("latitude off the globe", lead(code, postalCode, Map.of("latitude", 91.0, "longitude", 6.9)));
        bad.put("message too long", lead(code, postalCode, Map.of("message", "x".repeat(2001))));
        Map<String, String> expected = pairs("missing contact", "contact must not be null",
                "wrong type", "productLine must be one of [", "bad postal code", "postalCode",
                "unknown campaign", "no campaign with the code no-such-campaign", "stopped campaign", "is STOPPED",
                "bad phone", "contact.phone must be a valid phone number",
                "unreachable", "contact needs an e-mail address or a phone number", "not JSON", "not JSON: ",
                "blank source", "source must not be blank", "consent as text", "consent.granted must be true or false",
                "latitude off the globe", "latitude must be less than or equal to 90",
                "message too long", "message size must be between 0 and 2000");
        // Every fault of a lead at once, in the contract's words: the wrong type did not hide the rest.
        expected.put("everything", "invalid lead: campaign no campaign with the code no-such-campaign; contact.email "
                + "must be a well-formed email address; contact.phone must be a valid phone number; productLine must be "
                + "one of [");
        // The inbound lead's schema (docs/asyncapi) refuses the same leads, but for what only the service can know.
        EventSchemas schemas = new EventSchemas(Path.of(".."));
        Set<String> needTheService = Set.of("unknown campaign", "stopped campaign", "bad phone");
        bad.forEach((kind, body) -> assertEquals(!needTheService.contains(kind),
                !schemas.violationsOfInboundLead(write(body)).isEmpty(), kind + " judged otherwise by the schema"));
        String prefix = "bad-" + UUID.randomUUID() + "-";
        double deadLettered = metric("partnernet_leads_dead_lettered_total{reason=\"invalid\"}");
        kafka.send(INBOUND, prefix + "not JSON", "{\"source\": \"web\", broken");
        bad.forEach((kind, body) -> kafka.send(INBOUND, prefix + kind, write(body)));
        Map<String, Object> good = lead(code, postalCode, Map.of());
        assertEquals(List.of(), schemas.violationsOfInboundLead(write(good)));
        kafka.send(INBOUND, "web:" + good.get("externalId"), write(good));

        List<ConsumerRecord<String, String>> dead = kafka.awaitCount(INBOUND_DLQ, r -> r.key().startsWith(prefix), expected.size(), WAIT);
        for (ConsumerRecord<String, String> record : dead) {
            String kind = record.key().substring(prefix.length());
            String reason = KafkaTestClient.header(record, "dead-letter-reason");
            assertTrue(reason.contains(expected.get(kind)), kind + ": " + reason);
            assertFalse(reason.matches("(?s).*(com\\.partnernet|InboundLead|Cannot deserialize|java\\.).*"), kind + ": " + reason);
            assertEquals(INBOUND, KafkaTestClient.header(record, "dead-letter-topic"));
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/leads?campaign={c}", code)
                .then().body("items.externalId", hasItem(good.get("externalId"))));
        await().atMost(WAIT).until(() -> metric("partnernet_leads_dead_lettered_total{reason=\"invalid\"}") >= deadLettered + expected.size());

        Map<String, String> restFields = pairs("missing contact", "contact", "wrong type", "productLine",
                "bad postal code", "postalCode", "unknown campaign", "campaign", "stopped campaign", "campaign",
                "bad phone", "contact.phone", "unreachable", "contact", "blank source", "source",
                "consent as text", "consent.granted", "latitude off the globe", "latitude", "message too long", "message",
                "everything", "campaign");
        bad.forEach((kind, body) -> given().contentType(ContentType.JSON).body(body).post("/leads")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(restFields.get(kind))));
        given().contentType(ContentType.JSON).body(bad.get("everything")).post("/leads").then().statusCode(400)
                .body("violations.field", contains("campaign", "contact.email", "contact.phone", "productLine"))
                .body("violations[3].message", equalTo("must be one of [MOBILE, BROADBAND, TV, HOME_NETWORKING, BUSINESS_SOLUTIONS]"));
        given().contentType(ContentType.JSON).body("{\"source\": \"web\", broken").post("/leads").then().statusCode(400);
        given().get("/leads?campaign=no-such-campaign").then().body("totalItems", equalTo(0));
    }

    @Test
    void withoutValidConsentALeadIsKeptWithMinimalDataAndNeverRouted() {
        String postalCode = uniquePostalCode();
        publishShop(kafka, shop(UUID.randomUUID(), "Consent Shop", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());

        String refused = submit(lead(code, postalCode, Map.of("consent", Map.of("granted", false), "message", "call me")));
        given().get("/leads/{id}", refused).then()
                .body("status", equalTo("REJECTED_NO_CONSENT")).body("shopId", nullValue())
                .body("contactName", nullValue()).body("contactEmail", nullValue()).body("message", nullValue())
                .body("routingReason", equalTo("no consent to be contacted"));
        given().get("/leads/{id}/consent", refused).then().body("items[0].granted", equalTo(false));

        String expired = submit(lead(code, postalCode, Map.of("consent", Map.of("granted", true,
                "grantedAt", Instant.now().minus(800, ChronoUnit.DAYS).toString(),
                "expiresAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()))));
        given().get("/leads/{id}", expired).then().body("status", equalTo("REJECTED_NO_CONSENT"))
                .body("routingReason", containsString("consent expired")).body("contactEmail", nullValue());
        long decisions = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(d) from RoutingDecision d where d.leadId in :ids", Long.class)
                .setParameter("ids", List.of(UUID.fromString(refused), UUID.fromString(expired))).getSingleResult());
        assertEquals(0, decisions, "never routed");
        assertEquals(2, metric("partnernet_leads_rejected_total{campaign=\"" + code + "\",reason=\"no_consent\"}"));
        assertEquals(0, metric("partnernet_leads_assigned_total{assignee=\"shop\",campaign=\"" + code + "\"}"));
    }

    @Test
    void theSamePersonAskingAgainAboutTheSameProductLineIsLinkedNotAssignedTwice() {
        String postalCode = uniquePostalCode();
        UUID shopId = publishShop(kafka, shop(UUID.randomUUID(), "Duplicate Shop", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());
        String email = "max." + UUID.randomUUID() + "@example.org";
        String first = submit(lead(code, postalCode, Map.of("contact", Map.of("name", "Max", "email", email, "phone", "+49 221 7654321"))));

        String sameEmail = submit(lead(code, postalCode, Map.of("contact", Map.of("name", "Max", "email", email.toUpperCase()))));
        String samePhone = submit(lead(code, postalCode, Map.of("contact", Map.of("name", "Max", "phone", "0221 / 765 43 21"))));
        String otherLine = submit(lead(code, postalCode, Map.of("productLine", "MOBILE", "contact", Map.of("name", "Max", "email", email))));
        for (String duplicate : List.of(sameEmail, samePhone)) {
            given().get("/leads/{id}", duplicate).then().body("status", equalTo("DUPLICATE"))
                    .body("duplicateOf", equalTo(first)).body("shopId", nullValue());
        }
        given().get("/leads/{id}", otherLine).then().body("status", equalTo("NEW"));
        given().get("/shops/{id}/pipeline", shopId).then().body("stages.NEW", equalTo(2));
        // Twice in one batch: the second is linked to the first, which is stored in the same transaction.
        Map<String, Object> erika = Map.of("contact", Map.of("name", "Erika", "email", "erika." + UUID.randomUUID() + "@example.org"));
        List<String> twice = given().contentType(ContentType.JSON).body(List.of(lead(code, postalCode, erika), lead(code, postalCode, erika)))
                .post("/leads/batch").then().statusCode(200).body("created", equalTo(2)).extract().path("items.leadId");
        given().get("/leads/{id}", twice.get(1)).then().body("status", equalTo("DUPLICATE")).body("duplicateOf", equalTo(twice.get(0)));
        given().get("/shops/{id}/pipeline", shopId).then().body("stages.NEW", equalTo(3));
        assertEquals(3, metric("partnernet_leads_rejected_total{campaign=\"" + code + "\",reason=\"duplicate\"}"));
        await().atMost(WAIT).until(() -> metric("partnernet_leads_pipeline{stage=\"DUPLICATE\"}") >= 3);

        // Once the first lead is closed, the person's next request is a new lead again.
        given().contentType(ContentType.JSON).body(Map.of("status", "WON")).put("/leads/{id}/status", first).then().statusCode(200);
        String later = submit(lead(code, postalCode, Map.of("contact", Map.of("name", "Max", "email", email))));
        given().get("/leads/{id}", later).then().body("status", equalTo("NEW"));
    }

    @Test
    void identicalSubmissionsAtTheSameTimeMakeOneLeadAndAnswerEachWithIt() throws Exception {
        String postalCode = uniquePostalCode();
        publishShop(kafka, shop(UUID.randomUUID(), "Retry Shop", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());
        for (int round = 0; round < 4; round++) {
            // A marketing system retrying after a timeout: the same lead a dozen times at once, alone and in batches.
            Map<String, Object> lead = lead(code, postalCode, Map.of());
            Map<String, Object> batched = lead(code, postalCode, Map.of());
            int submitters = 12;
            ExecutorService pool = Executors.newFixedThreadPool(2 * submitters);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<io.restassured.response.Response>> single = new ArrayList<>();
            List<Future<io.restassured.response.Response>> batches = new ArrayList<>();
            try {
                for (int i = 0; i < submitters; i++) {
                    single.add(pool.submit(() -> {
                        start.await();
                        return given().contentType(ContentType.JSON).body(lead).post("/leads");
                    }));
                    batches.add(pool.submit(() -> {
                        start.await();
                        return given().contentType(ContentType.JSON).body(List.of(batched)).post("/leads/batch");
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                Set<String> ids = new HashSet<>();
                for (Future<io.restassured.response.Response> answer : single) {
                    io.restassured.response.Response response = answer.get(60, TimeUnit.SECONDS);
                    statuses.add(response.statusCode());
                    ids.add(response.path("id"));
                }
                assertEquals(1, statuses.stream().filter(status -> status == 201).count(), "one created: " + statuses);
                assertEquals(submitters - 1, statuses.stream().filter(status -> status == 200).count(), "others found it: " + statuses);
                assertEquals(1, ids.size(), "one lead: " + ids);
                List<String> outcomes = new ArrayList<>();
                Set<String> batchedIds = new HashSet<>();
                for (Future<io.restassured.response.Response> answer : batches) {
                    io.restassured.response.Response response = answer.get(60, TimeUnit.SECONDS);
                    assertEquals(200, response.statusCode(), response.asString());
                    outcomes.add(response.path("items[0].outcome"));
                    batchedIds.add(response.path("items[0].leadId"));
                }
                assertEquals(1, outcomes.stream().filter("CREATED"::equals).count(), "one created: " + outcomes);
                assertEquals(submitters - 1, outcomes.stream().filter("EXISTING"::equals).count(), "others found it: " + outcomes);
                assertEquals(1, batchedIds.size(), "one lead: " + batchedIds);
            } finally {
                pool.shutdownNow();
            }
        }
        given().get("/leads?campaign={c}", code).then().body("totalItems", equalTo(8));
    }

    @Test
    void aBatchStoresTheGoodLeadsAndListsTheBadOnes() {
        String postalCode = uniquePostalCode();
        publishShop(kafka, shop(UUID.randomUUID(), "Batch Shop", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());
        Map<String, Object> good = lead(code, postalCode, Map.of());
        given().contentType(ContentType.JSON)
                .body(List.of(good, lead(code, "abc", Map.of()), good, lead("unknown", postalCode, Map.of()), 7))
                .post("/leads/batch")
                .then().statusCode(200)
                .body("received", equalTo(5)).body("created", equalTo(1)).body("existing", equalTo(1)).body("rejected", equalTo(3))
                .body("items.outcome", contains("CREATED", "REJECTED", "EXISTING", "REJECTED", "REJECTED"))
                .body("items[1].violations[0].field", equalTo("postalCode"))
                .body("items[3].violations[0].field", equalTo("campaign"))
                .body("items[4].violations[0].message", equalTo("must be a lead object"))
                .body("items[0].leadId", equalTo(given().get("/leads?campaign={c}", code).then().extract()
                        .path("items[0].id")));
        given().contentType(ContentType.JSON).body(Map.of("not", "an array")).post("/leads/batch").then().statusCode(400);
    }

    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            pairs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return pairs;
    }
}
