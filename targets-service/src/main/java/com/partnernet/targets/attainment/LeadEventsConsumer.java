package com.partnernet.targets.attainment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.partnernet.chassis.event.EventHandler;
import com.partnernet.chassis.event.Polls;
import com.partnernet.chassis.event.Subscription;
import com.partnernet.chassis.shutdown.Drained;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * leads.events into attainment, a poll at a time: only LeadWon counts, and leads-service publishes several events per
 * lead, so the others are passed over by their type header without being read (a record without the header is read
 * to find its type). A record that is not a valid event, or still fails after the retries, goes to
 * targets.lead-events.dlq with the reason; the rest of the poll is counted.
 */
@ApplicationScoped
public class LeadEventsConsumer {

    static final String CONSUMER = "targets-attainment";
    static final String LEAD_WON = "LeadWon";

    private final EventHandler handler;
    private final List<Subscription<?>> subscriptions;

    public LeadEventsConsumer(EventHandler handler, AttainmentService attainment) {
        this.handler = handler;
        this.subscriptions = List.of(Subscription.to("ShopPipeline", LeadWonPayload.class, attainment::count)
                .ofTypes(LEAD_WON));
    }

    @Drained
    @Incoming("lead-events")
    @Blocking
    public CompletionStage<Void> onLeadEvents(KafkaRecordBatch<String, String> batch) {
        Map<KafkaRecord<String, String>, Throwable> deadLetter = new HashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            String type = Polls.eventType(record);
            if (type != null && !LEAD_WON.equals(type)) {
                continue;
            }
            try {
                handler.handle(CONSUMER, record.getPayload(), Polls.origin(record), subscriptions);
            } catch (RuntimeException poisonOrStillFailing) {
                deadLetter.put(record, poisonOrStillFailing);
            }
        }
        return Polls.settle(batch, deadLetter);
    }
}
