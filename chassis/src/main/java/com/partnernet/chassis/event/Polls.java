package com.partnernet.chassis.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import org.apache.kafka.common.header.Header;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * What a consumer of whole polls ({@code batch=true}, {@code failure-strategy=dead-letter-queue}) does at the end of
 * each: one worker hand-off and one offset commit per poll instead of per record, with nothing lost.
 */
public final class Polls {

    private Polls() {
    }

    /**
     * Settles a processed poll: each record with a reason goes to the channel's dead-letter topic with it; once all of
     * them are there, the newest record of each partition acknowledges the rest of the poll.
     *
     * @param afterDeadLettered called for each record the dead-letter topic took
     */
    public static <K, V> CompletionStage<Void> settle(KafkaRecordBatch<K, V> batch, Map<KafkaRecord<K, V>, Throwable> deadLetter,
            BiConsumer<KafkaRecord<K, V>, Throwable> afterDeadLettered) {
        List<CompletableFuture<Void>> nacks = new ArrayList<>(deadLetter.size());
        deadLetter.forEach((record, reason) -> nacks.add(record.nack(reason).toCompletableFuture()
                .thenRun(() -> afterDeadLettered.accept(record, reason))));
        return CompletableFuture.allOf(nacks.toArray(CompletableFuture[]::new)).thenCompose(dlq -> CompletableFuture.allOf(
                batch.getLatestOffsetRecords().values().stream().filter(latest -> !deadLetter.containsKey(latest))
                        .map(latest -> latest.ack().toCompletableFuture()).toArray(CompletableFuture[]::new)));
    }

    /** {@link #settle(KafkaRecordBatch, Map, BiConsumer)} with nothing to do per dead-lettered record. */
    public static <K, V> CompletionStage<Void> settle(KafkaRecordBatch<K, V> batch, Map<KafkaRecord<K, V>, Throwable> deadLetter) {
        return settle(batch, deadLetter, (record, reason) -> {
        });
    }

    /** Where a record of a poll came from (topic, partition, offset, headers): what its processing span tells. */
    public static IncomingKafkaRecordMetadata<?, ?> origin(KafkaRecord<?, ?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
    }

    /** The event type a relay put in the record's headers ({@link EventEnvelope#TYPE_HEADER}), or null. */
    public static String eventType(KafkaRecord<?, ?> record) {
        Header type = record.getHeaders().lastHeader(EventEnvelope.TYPE_HEADER);
        return type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
    }
}
