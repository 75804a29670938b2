package com.partnernet.chassis.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one envelope every event on every topic travels in. The record key is {@link #aggregateId()},
 * so all events of one aggregate land on one partition, in order.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String aggregateType,
        String aggregateId,
        JsonNode payload) {

    /** Kafka header names that repeat envelope fields, so consumers can route without parsing the body. */
    public static final String EVENT_ID_HEADER = "eventId";
    public static final String TYPE_HEADER = "type";

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * Reads an envelope from a record value.
     *
     * @throws PoisonMessageException when the value is not an envelope: such a record can never be processed
     */
    public static EventEnvelope parse(ObjectMapper mapper, String json) {
        if (json == null || json.isBlank()) {
            throw new PoisonMessageException("empty record value, expected an event envelope");
        }
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(json, EventEnvelope.class);
        } catch (JsonParseException e) {
            throw new PoisonMessageException("not an event envelope, not even JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            // The binding error would name Java types; the contract's words are the envelope's fields.
            throw new PoisonMessageException("not an event envelope: needs eventId (a UUID), type, occurredAt (a "
                    + "timestamp), aggregateType, aggregateId and payload (an object)");
        }
        if (envelope == null) {
            throw new PoisonMessageException("not an event envelope: null");
        }
        return envelope;
    }
}
