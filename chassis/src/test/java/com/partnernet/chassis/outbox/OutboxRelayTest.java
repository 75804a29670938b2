package com.partnernet.chassis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** The relay's arithmetic for finding what an interrupted batch already put on Kafka, without a broker. */
class OutboxRelayTest {

    @Test
    void theRelayLooksForARowInThePartitionKafkasPartitionerPutItIn() {
        for (int i = 0; i < 200; i++) {
            String key = UUID.randomUUID().toString();
            for (int partitions : new int[] { 1, 3, 6, 12 }) {
                assertEquals(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions),
                        OutboxRelay.partitionOf(key, partitions), key + " of " + partitions);
            }
        }
    }

    @Test
    void theLookBackCoversTheRowsABatchSentSinceAndTheirMarkersButNotBeforeThePartitionsStart() {
        // 3 rows and a batch of 100 since, each possibly with a transaction marker, and a margin: 2 * 103 + 10 back.
        assertEquals(10_000 - 216, OutboxRelay.lookBackFrom(0, 10_000, 3, 100));
        assertEquals(50, OutboxRelay.lookBackFrom(50, 120, 3, 100));
        assertEquals(0, OutboxRelay.lookBackFrom(0, 0, 1, 100));
    }
}
