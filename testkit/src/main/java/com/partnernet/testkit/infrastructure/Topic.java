package com.partnernet.testkit.infrastructure;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Every topic of the platform with its partition count: created explicitly by the local run and by the tests
 * (brokers here do not auto-create topics). A dead-letter topic has as many partitions as its source.
 */
public enum Topic {
    SHOP_EVENTS("partners.shop-events", 6, Map.of("retention.ms", "-1")),
    LEADS_INBOUND("leads.inbound", 6, Map.of()),
    LEADS_INBOUND_DLQ("leads.inbound.dlq", 6, Map.of("retention.ms", "604800000")),
    LEADS_EVENTS("leads.events", 6, Map.of()),
    TARGETS_EVENTS("targets.events", 6, Map.of()),
    LEADS_SHOP_EVENTS_DLQ("leads.shop-events.dlq", 6, Map.of()),
    TARGETS_LEAD_EVENTS_DLQ("targets.lead-events.dlq", 6, Map.of()),
    TARGETS_SHOP_EVENTS_DLQ("targets.shop-events.dlq", 6, Map.of()),
    /** What ops replayed from a dead-letter topic (chassis' DeadLetterReplay): one entry per record, kept. */
    DEAD_LETTER_REPLAYS("partnernet.dead-letter-replays", 1, Map.of("cleanup.policy", "compact"));

    public final String topicName;
    public final int partitions;
    /**
     * Topic-level configs; the shop topic keeps every state change so a consumer can always rebuild its copy, the
     * dead-lettered raw leads (personal data as received) only 7 days (README, GDPR).
     */
    public final Map<String, String> configs;

    Topic(String topicName, int partitions, Map<String, String> configs) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.configs = configs;
    }

    /** Every partition of every topic, each asked for its latest offset: how the launcher and scenarios probe topics. */
    public static Map<TopicPartition, OffsetSpec> latestOffsetsOfAll() {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (Topic topic : values()) {
            for (int partition = 0; partition < topic.partitions; partition++) {
                partitions.put(new TopicPartition(topic.topicName, partition), OffsetSpec.latest());
            }
        }
        return partitions;
    }
}
