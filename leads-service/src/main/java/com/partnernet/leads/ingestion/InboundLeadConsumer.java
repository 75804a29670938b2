package com.partnernet.leads.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.partnernet.chassis.event.PoisonMessageException;
import com.partnernet.chassis.event.Polls;
import com.partnernet.chassis.event.Traces;
import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.leads.lead.LeadMetrics;

import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * leads.inbound, where marketing systems publish, consumed a poll at a time (one transaction per poll, not per lead:
 * campaign bursts bring thousands a second). A record that is not a valid lead goes to leads.inbound.dlq with the
 * reason in its headers and the rest of the poll is stored. Offsets move on only after the poll's transaction
 * committed and its rejected records are on the DLQ.
 */
@ApplicationScoped
public class InboundLeadConsumer {

    /** The name its records' processing spans give the consumer. */
    static final String CONSUMER = "leads-intake";

    private final InboundLeadHandler handler;
    private final LeadMetrics metrics;
    private final Traces traces;

    public InboundLeadConsumer(InboundLeadHandler handler, LeadMetrics metrics, Traces traces) {
        this.handler = handler;
        this.metrics = metrics;
        this.traces = traces;
    }

    @Drained
    @Incoming("leads-inbound")
    @Blocking
    public CompletionStage<Void> onLeads(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<String> payloads = records.stream().map(Message::getPayload).toList();
        // A span per record, in the trace its publisher's headers carry: each lead's events continue its record's trace.
        List<Span> spans = records.stream().map(record -> traces.startProcess(Polls.origin(record), CONSUMER)).toList();
        List<String> traceParents = spans.stream().map(Traces::traceParent).toList();
        List<InboundLeadHandler.Verdict> verdicts = handler.ingest(payloads, traceParents);
        Instant committed = Timestamps.now();
        Map<KafkaRecord<String, String>, Throwable> deadLetter = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            InboundLeadHandler.Verdict verdict = verdicts.get(i);
            if (verdict.failure() != null) {
                deadLetter.put(records.get(i), verdict.failure());
            } else if (verdict.rejection() != null) {
                deadLetter.put(records.get(i), new PoisonMessageException(verdict.rejection()));
            } else {
                metrics.intookAfter(Duration.between(records.get(i).getTimestamp(), committed));
            }
            if (deadLetter.containsKey(records.get(i))) {
                Traces.failed(spans.get(i), deadLetter.get(records.get(i)));
            }
            spans.get(i).end();
        }
        return Polls.settle(batch, deadLetter,
                (record, reason) -> metrics.deadLettered(reason instanceof PoisonMessageException ? "invalid" : "failing"));
    }
}
