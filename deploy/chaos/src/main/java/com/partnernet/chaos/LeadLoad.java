package com.partnernet.chaos;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.service.Service;

/**
 * Leads a marketing system publishes at a fixed rate to {@code leads.inbound} while a fault is injected, and what
 * leads-service made of them once the load drained — read from its database and from {@code leads.events}: every
 * lead stored once, assigned at most once, its {@code LeadAssigned} event there exactly once, no event published
 * twice, no outbox row left unsent.
 */
final class LeadLoad {

    private static final String[] PREFIXES = { "701", "702", "703", "704" };

    /** What the load showed after the fault. */
    record Result(int leads, List<String> faults, long stored, long assigned, long leadsWithEvent, long eventsTwice,
            long routedTwice, long eventIdsTwice, long unsent, long failedSends, String firstFailedSend) {

        long lost() {
            return (leads - stored) + Math.max(0, assigned - leadsWithEvent);
        }

        long duplicated() {
            return routedTwice + eventsTwice + eventIdsTwice;
        }

        boolean clean() {
            return lost() == 0 && duplicated() == 0 && unsent == 0 && failedSends == 0;
        }

        String detail() {
            return "assigned " + assigned + ", LeadAssigned events for " + leadsWithEvent + " leads (" + eventsTwice
                    + " twice), routed twice " + routedTwice + ", events published twice " + eventIdsTwice
                    + ", unsent outbox rows " + unsent + ", failed sends " + failedSends
                    + (firstFailedSend == null ? "" : " (the first: " + firstFailedSend + ")");
        }
    }

    private final SystemUnderTest system;
    private final int leads;
    private final int leadsPerSecond;
    private final String campaign;
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicReference<String> firstFailedSend = new AtomicReference<>();

    private LeadLoad(SystemUnderTest system, int leads, int leadsPerSecond, String campaign) {
        this.system = system;
        this.leads = leads;
        this.leadsPerSecond = leadsPerSecond;
        this.campaign = campaign;
    }

    /** A rolled-out campaign and four shops with room for every lead. */
    static LeadLoad prepare(SystemUnderTest system, int leads, int leadsPerSecond) throws Exception {
        String campaign = Leads.campaign(system);
        for (String prefix : PREFIXES) {
            system.publishShop(prefix, 1_000_000);
        }
        return new LeadLoad(system, leads, leadsPerSecond, campaign);
    }

    String describe() {
        return String.format("%,d leads at %,d/s", leads, leadsPerSecond);
    }

    /** The point {@code share} of the way through the load (in stored leads). */
    long at(double share) {
        return (long) (leads * share);
    }

    long stored() throws SQLException {
        return system.count(Service.LEADS, "select count(*) from lead where campaign = ?", campaign);
    }

    /** How long to wait for a point of the load before the scenario gives up on it (and fails). */
    Duration giveUp() {
        return Duration.ofSeconds(120 + leads / 50);
    }

    /** Waits until {@code threshold} leads are stored; false when that does not happen in time. */
    boolean awaitStored(long threshold) throws Exception {
        return ((Progress) this::stored).await(threshold, giveUp());
    }

    /** Publishes the load while {@code fault} runs beside it, waits for both and for the load to drain. */
    Result run(Fault fault) throws Exception {
        return drain(fault.beside(this::publish));
    }

    private void publish() throws Exception {
        try (KafkaProducer<String, byte[]> producer = system.producer()) {
            FixedRate.run(leads, leadsPerSecond, i -> {
                String externalId = campaign + "-" + i;
                // A send the broker never acknowledged is a lead the marketing system would have to send again.
                producer.send(new ProducerRecord<>("leads.inbound", "chaos:" + externalId,
                        SystemUnderTest.JSON.writeValueAsBytes(Leads.lead(campaign, externalId, PREFIXES[i % PREFIXES.length] + "00"))),
                        (metadata, error) -> {
                            if (error != null) {
                                failedSends.incrementAndGet();
                                firstFailedSend.compareAndSet(null, error.toString());
                            }
                        });
            });
        }
    }

    private Result drain(List<String> faults) throws Exception {
        long stored = 0;
        long unsent = Long.MAX_VALUE;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120 + leads / 100));
        do {
            Thread.sleep(500);
            try {
                stored = stored();
                unsent = system.count(Service.LEADS, "select count(*) from outbox_event where sent_at is null");
            } catch (SQLException databaseNotBackYet) {
                // The database scenario restarts it; the next round asks again.
            }
        } while ((stored < leads - failedSends.get() || unsent > 0) && Instant.now().isBefore(deadline));

        long routedTwice = system.count(Service.LEADS, "select count(*) from (select d.lead_id from routing_decision d "
                + "join lead l on l.id = d.lead_id where l.campaign = ? and d.cause = 'INTAKE' "
                + "group by d.lead_id having count(*) > 1) twice", campaign);
        long assigned = system.count(Service.LEADS,
                "select count(*) from lead where campaign = ? and shop_id is not null", campaign);
        List<ConsumerRecord<String, String>> events = system.kafka().all("leads.events", record -> true);
        long eventIdsTwice = SystemUnderTest.publishedTwice(events);
        Map<String, Long> assignedEventsPerLead = events.stream()
                .filter(record -> "LeadAssigned".equals(KafkaTestClient.header(record, "type")))
                .map(SystemUnderTest::payload)
                .filter(payload -> campaign.equals(payload.path("campaign").asText()))
                .collect(Collectors.groupingBy(payload -> payload.path("leadId").asText(), Collectors.counting()));
        long eventsTwice = assignedEventsPerLead.values().stream().filter(count -> count > 1).count();
        return new Result(leads, faults, stored, assigned, assignedEventsPerLead.size(), eventsTwice,
                routedTwice, eventIdsTwice, unsent, failedSends.get(), firstFailedSend.get());
    }

    /** The scenario's outcome: {@code faultsAsPlanned} false when a fault could not be injected (nothing proved). */
    Outcome outcome(String scenario, Result result, boolean faultsAsPlanned, String detail) {
        return new Outcome(scenario, describe(), String.join(", ", result.faults()), result.leads(), result.stored(),
                result.lost(), result.duplicated(), faultsAsPlanned && result.clean(), result.detail() + ", " + detail);
    }
}
