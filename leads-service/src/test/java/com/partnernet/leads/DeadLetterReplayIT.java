package com.partnernet.leads;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.leads.LeadsApi.lead;
import static com.partnernet.leads.LeadsApi.publishShop;
import static com.partnernet.leads.LeadsApi.shop;
import static com.partnernet.leads.LeadsApi.uniquePlace;
import static com.partnernet.leads.LeadsApi.uniquePostalCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.deadletter.DeadLetterReplay;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** A lead dead-lettered for a campaign marketing had not created yet is replayed once it exists, and only once. */
@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterReplayIT {

    private static final String INBOUND = "leads.inbound";
    private static final String DLQ = "leads.inbound.dlq";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aLeadRefusedForAnUnknownCampaignIsReplayedOnceTheCampaignExistsAndOnlyOnce() throws Exception {
        String code = "late-campaign-" + UUID.randomUUID().toString().substring(0, 8);
        String postalCode = uniquePostalCode();
        UUID shopId = publishShop(kafka, shop(UUID.randomUUID(), "Replay shop", postalCode, uniquePlace(), Map.of()));
        Map<String, Object> lead = lead(code, postalCode, Map.of());
        String key = lead.get("source") + ":" + lead.get("externalId");
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
        kafka.send(INBOUND, key, JSON.writeValueAsString(lead), Map.of("traceparent", traceparent));
        ConsumerRecord<String, String> dead = kafka.await(DLQ, record -> key.equals(record.key()), WAIT);
        String id = DLQ + "/" + dead.partition() + "/" + dead.offset();
        assertTrue(KafkaTestClient.header(dead, "dead-letter-reason").contains("no campaign with the code " + code));

        // Before the campaign exists, a dry run says what it would do and does nothing.
        List<String> printed = new ArrayList<>();
        DeadLetterReplay.Report dryRun = replay(printed, DLQ, "--reason", code, "--dry-run");
        assertEquals(0, dryRun.replayed());
        assertTrue(printed.contains("would replay " + id + " to " + INBOUND + " (dead-lettered: "
                + KafkaTestClient.header(dead, "dead-letter-reason") + ")"), printed.toString());

        Map<String, Object> campaign = new HashMap<>(Map.of("code", code, "name", "Late campaign", "channel", "FACEBOOK",
                "productFocus", List.of("TV"), "segment", "CONSUMER", "startsOn", "2021-09-01", "status", "ROLLED_OUT"));
        given().contentType(ContentType.JSON).body(campaign).post("/campaigns").then().statusCode(201);
        Instant beforeReplay = Instant.now();
        printed.clear();
        DeadLetterReplay.Report replayed = replay(printed, DLQ, "--reason", code, "--since", dead.timestamp() > 0
                ? Instant.ofEpochMilli(dead.timestamp()).minusSeconds(1).toString() : "2021-01-01T00:00:00Z");
        assertEquals(1, replayed.replayed(), printed.toString());
        await().atMost(WAIT).untilAsserted(() -> given().get("/shops/{id}/pipeline", shopId).then().statusCode(200)
                .body("items.find { it.externalId == '" + lead.get("externalId") + "' }.status", equalTo("NEW")));

        // Back on its topic with its key, value and trace context, marked as replayed, without the dead-letter headers.
        ConsumerRecord<String, String> again = kafka.await(INBOUND, record -> key.equals(record.key())
                && record.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM_HEADER) != null, WAIT);
        assertEquals(id, KafkaTestClient.header(again, DeadLetterReplay.REPLAYED_FROM_HEADER));
        assertEquals(traceparent, KafkaTestClient.header(again, "traceparent"));
        assertEquals(dead.value(), again.value());
        assertNull(again.headers().lastHeader("dead-letter-reason"));
        assertTrue(again.timestamp() >= beforeReplay.toEpochMilli() - 1000);

        // A second run replays nothing: the ledger knows the record.
        printed.clear();
        DeadLetterReplay.Report second = replay(printed, DLQ, "--reason", code);
        assertEquals(0, second.replayed());
        assertEquals(1, second.skipped().get("replayed before"), printed.toString());
        assertTrue(printed.contains("skipped  " + id + ": replayed before"), printed.toString());
        assertEquals(1, kafka.all(INBOUND, record -> key.equals(record.key())
                && record.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM_HEADER) != null).size());
        given().get("/leads?campaign={code}", code).then().body("totalItems", equalTo(1));
    }

    private DeadLetterReplay.Report replay(List<String> printed, String... args) {
        try (DeadLetterReplay replay = new DeadLetterReplay(DeadLetterReplay.kafkaSettings(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers)))) {
            return replay.run(DeadLetterReplay.Options.parse(args), printed::add);
        }
    }
}
