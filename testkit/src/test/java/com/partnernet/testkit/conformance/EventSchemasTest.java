package com.partnernet.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.partnernet.testkit.infrastructure.Topic;

/**
 * The AsyncAPI document is YAML naming every topic, and its schemas read as JSON Schema 2020-12 and judge what they
 * should; without a server.
 */
class EventSchemasTest {

    private final EventSchemas schemas = new EventSchemas(Path.of(".."));

    @Test
    void anEventIsCheckedAsAnEnvelopeAndItsPayloadByAggregate() throws Exception {
        String won = """
                {"eventId": "6c0f3a52-8a43-4c39-9d6e-3e5f0f7d2b11", "type": "LeadWon", "version": 1,
                 "occurredAt": "2026-11-21T10:15:00.123Z", "aggregateType": "ShopPipeline",
                 "aggregateId": "cb10ef9a-99e8-4cf7-9c87-013edcb58cfd",
                 "payload": {"leadId": "0f0e3a52-8a43-4c39-9d6e-3e5f0f7d2b11", "shopId": "cb10ef9a-99e8-4cf7-9c87-013edcb58cfd",
                   "teamId": null, "partnerId": null, "campaign": "tv", "campaignId": null, "productLine": "TV",
                   "segment": "CONSUMER", "status": "WON", "previousStatus": "NEW", "previousShopId": null,
                   "routingReason": null, "lostReason": null, "slaDueAt": null, "declineReason": null, "at": "2026-11-21T10:15:00Z"}}""";
        assertEquals(List.of(), schemas.violationsOfEvent(won));
        List<String> named = schemas.violationsOfEvent(won.replace("\"campaign\": \"tv\"", "\"contactName\": \"Erika\""));
        assertFalse(named.isEmpty(), "an undocumented field (here personal data) is caught");
        assertTrue(named.stream().allMatch(violation -> violation.startsWith("payload: ")), named.toString());
        assertFalse(schemas.violationsOfEvent(won.replace("\"version\": 1", "\"version\": 0")).isEmpty());
    }

    @Test
    void everyFieldOfEveryEventSaysWhetherItMayBeNull() throws Exception {
        assertEquals(List.of(), schemas.undecidedNullability());
    }

    @Test
    void theAsyncApiDocumentIsYamlWithAChannelForEveryTopicOfTheContract() throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../docs/asyncapi/asyncapi.yaml").toFile());
        Set<String> addresses = new TreeSet<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        // The replay ledger is the ops tool's bookkeeping, not an event anybody consumes.
        Set<String> topics = Arrays.stream(Topic.values()).filter(topic -> topic != Topic.DEAD_LETTER_REPLAYS)
                .map(topic -> topic.topicName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(topics, addresses);
        assertTrue(document.at("/components/schemas/EventHeaders/properties").has("traceparent"));
    }

    @Test
    void theInboundLeadSchemaNeedsAWayToReachTheCustomer() {
        String lead = """
                {"source": "web", "externalId": "1", "campaign": "tv", "productLine": "TV", "postalCode": "50667",
                 "contact": {"name": "Erika", %s}, "consent": {"granted": true}}""";
        assertEquals(List.of(), schemas.violationsOfInboundLead(lead.formatted("\"email\": \"erika@example.org\"")));
        assertFalse(schemas.violationsOfInboundLead(lead.formatted("\"email\": null")).isEmpty());
    }
}
