package com.partnernet.leads;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.leads.LeadsApi.campaign;
import static com.partnernet.leads.LeadsApi.envelope;
import static com.partnernet.leads.LeadsApi.lead;
import static com.partnernet.leads.LeadsApi.shop;
import static com.partnernet.leads.LeadsApi.uniquePlace;
import static com.partnernet.leads.LeadsApi.uniquePostalCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * One lead, one trace: from its publisher's record through intake, the relay's publish of its events and the shop's
 * status moves (made in requests of their own) to LeadWon; a refused lead keeps its trace on the dead-letter topic;
 * log lines written while a record is processed carry its trace.
 */
@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class TracingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    RecordedSpans spans;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Test
    void aLeadsEventsFromIntakeToWonContinueTheTraceItWasPublishedIn() throws Exception {
        String postalCode = uniquePostalCode();
        UUID shopId = LeadsApi.publishShop(kafka, shop(UUID.randomUUID(), "Traced shop", postalCode, uniquePlace(), Map.of()));
        String code = campaign(Map.of());
        Map<String, Object> lead = lead(code, postalCode, Map.of());
        String traceId = randomHex(32);
        String publisherSpan = randomHex(16);
        kafka.send("leads.inbound", lead.get("source") + ":" + lead.get("externalId"), mapper.writeValueAsString(lead),
                Map.of("traceparent", "00-" + traceId + "-" + publisherSpan + "-01"));

        ConsumerRecord<String, String> assigned = kafka.await("leads.events", record -> record.value().contains(code)
                && "LeadAssigned".equals(KafkaTestClient.header(record, "type")), WAIT);
        String leadId = mapper.readTree(assigned.value()).path("payload").path("leadId").asText();
        // Ops find the lead's trace from the lead.
        given().get("/leads/{id}", leadId).then().statusCode(200).body("traceId", equalTo(traceId));

        // Intake: a consumer span for the record, a child of the publisher's span.
        SpanData intake = awaitSpan(traceId, span -> span.getName().equals("process leads.inbound"));
        assertEquals(SpanKind.CONSUMER, intake.getKind());
        assertEquals(publisherSpan, intake.getParentSpanId());
        assertEquals("leads-intake", intake.getAttributes().get(AttributeKey.stringKey("partnernet.consumer")));
        // The outbox row kept the intake's context; the relay's span continues it and travels in the record's headers.
        assertEquals("00-" + traceId + "-" + intake.getSpanId() + "-01", traceParentOfRow(leadId, "LeadAssigned"));
        SpanData publish = awaitSpan(traceId, span -> span.getName().equals("publish leads.events LeadAssigned"));
        assertEquals("LeadAssigned", eventType(publish));
        assertEquals(SpanKind.PRODUCER, publish.getKind());
        assertEquals(intake.getSpanId(), publish.getParentSpanId());
        assertEquals("00-" + traceId + "-" + publish.getSpanId() + "-01", KafkaTestClient.header(assigned, "traceparent"));

        // The shop's moves come in requests of their own: their events still continue the lead's trace, in a span that
        // links to the request's.
        move(leadId, "ACCEPTED");
        move(leadId, "WON");
        ConsumerRecord<String, String> won = kafka.await("leads.events", record -> record.value().contains(leadId)
                && "LeadWon".equals(KafkaTestClient.header(record, "type")), WAIT);
        assertTrue(KafkaTestClient.header(won, "traceparent").startsWith("00-" + traceId + "-"));
        SpanData wonSpan = awaitSpan(traceId, span -> span.getName().equals("lead event LeadWon"));
        assertEquals(intake.getSpanId(), wonSpan.getParentSpanId());
        assertEquals(1, wonSpan.getLinks().size());
        String requestTrace = wonSpan.getLinks().get(0).getSpanContext().getTraceId();
        assertNotEquals(traceId, requestTrace);
        SpanData request = awaitSpan(requestTrace, span -> span.getKind() == SpanKind.SERVER);
        assertEquals("PUT /leads/{leadId}/status", request.getName());
        assertEquals(wonSpan.getLinks().get(0).getSpanContext().getSpanId(), request.getSpanId());
        SpanData wonPublish = awaitSpan(traceId, span -> span.getName().equals("publish leads.events LeadWon"));
        assertEquals(wonSpan.getSpanId(), wonPublish.getParentSpanId());
    }

    @Test
    void aRefusedLeadKeepsItsTraceOnTheDeadLetterTopic() throws Exception {
        Map<String, Object> lead = lead("no-such-campaign-" + UUID.randomUUID(), uniquePostalCode(), Map.of());
        String key = lead.get("source") + ":" + lead.get("externalId");
        String traceId = randomHex(32);
        String traceParent = "00-" + traceId + "-" + randomHex(16) + "-01";
        kafka.send("leads.inbound", key, mapper.writeValueAsString(lead), Map.of("traceparent", traceParent));

        ConsumerRecord<String, String> dead = kafka.await("leads.inbound.dlq", record -> key.equals(record.key()), WAIT);
        assertEquals(traceParent, KafkaTestClient.header(dead, "traceparent"));
        SpanData intake = awaitSpan(traceId, span -> span.getName().equals("process leads.inbound"));
        assertEquals(StatusCode.ERROR, intake.getStatus().getStatusCode());
        assertEquals(KafkaTestClient.header(dead, "dead-letter-reason"), intake.getStatus().getDescription());
    }

    @Test
    void logLinesWrittenWhileARecordIsProcessedCarryItsTraceInTheirJson() throws Exception {
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord line && line.getFormattedMessage().startsWith("Directory: shop")) {
                    line.copyMdc();
                    lines.add(line);
                }
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
            Map<String, Object> shop = shop(UUID.randomUUID(), "Logged shop", uniquePostalCode(), uniquePlace(), Map.of());
            String shopId = (String) shop.get("id");
            String traceId = randomHex(32);
            String partnersSpan = randomHex(16);
            kafka.send("partners.shop-events", shopId, envelope("ShopUpdated", "Shop", shopId, shop),
                    Map.of("traceparent", "00-" + traceId + "-" + partnersSpan + "-01"));
            await().atMost(WAIT).untilAsserted(() -> given().get("/routing-directory/shops/{id}", shopId).then().statusCode(200));

            SpanData processed = awaitSpan(traceId, span -> span.getName().equals("process partners.shop-events"));
            assertEquals(partnersSpan, processed.getParentSpanId());
            ExtLogRecord line = lines.stream().filter(logged -> logged.getFormattedMessage().contains(shopId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no directory log line for shop " + shopId));
            JsonNode json = mapper.readTree(new JsonFormatter().format(line));
            assertEquals(traceId, json.path("mdc").path("traceId").asText(), json.toString());
            assertEquals(processed.getSpanId(), json.path("mdc").path("spanId").asText(), json.toString());
        } finally {
            root.removeHandler(capture);
        }
    }

    private SpanData awaitSpan(String traceId, Predicate<SpanData> match) {
        return await().atMost(WAIT).until(() -> spans.ofTrace(traceId).stream().filter(match).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private String traceParentOfRow(String leadId, String type) {
        return (String) entityManager.createNativeQuery("select trace_parent from outbox_event where event_type = :type "
                + "and envelope like :lead").setParameter("type", type).setParameter("lead", "%" + leadId + "%")
                .getSingleResult();
    }

    private static String eventType(SpanData span) {
        return span.getAttributes().get(AttributeKey.stringKey("partnernet.event.type"));
    }

    private static void move(String leadId, String status) {
        given().contentType(ContentType.JSON).body(Map.of("status", status)).put("/leads/{id}/status", leadId)
                .then().statusCode(200).body("status", equalTo(status));
    }

    private static String randomHex(int length) {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, length);
    }
}
