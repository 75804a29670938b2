package com.partnernet.chaos;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.local.KafkaTestClient;
import com.partnernet.local.Service;

/**
 * Scenario 1: leads-service is killed (SIGKILL) twice at random moments while leads are published and processed,
 * and started again. After the load drains every lead is stored once, assigned at most once, its
 * {@code LeadAssigned} event is on {@code leads.events} exactly once, and no outbox row is left unsent.
 */
final class ServiceCrash implements Scenario {

    private static final String[] PREFIXES = { "701", "702", "703", "704" };

    private final int leads;
    private final int leadsPerSecond;
    private final long seed;

    ServiceCrash(int leads, int leadsPerSecond, long seed) {
        this.leads = leads;
        this.leadsPerSecond = leadsPerSecond;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "1 service crash";
    }

    @Override
    public List<Service> services() {
        return List.of(Service.LEADS);
    }

    @Override
    public Outcome run(ChaosSystem system) throws Exception {
        String campaign = Leads.campaign(system);
        for (String prefix : PREFIXES) {
            system.publishShop(prefix, 1_000_000);
        }
        Random random = new Random(seed);
        // Two kills at random points of the processing: in the first and in the second half of the load.
        List<Long> killAt = List.of((long) (leads * (0.15 + 0.3 * random.nextDouble())),
                (long) (leads * (0.55 + 0.3 * random.nextDouble())));
        List<String> faults = new ArrayList<>();
        CompletableFuture<Void> chaos;
        try (Connection db = system.database(Service.LEADS)) {
            chaos = CompletableFuture.runAsync(() -> {
                try {
                    for (long threshold : killAt) {
                        // A service that stopped storing leads fails the verdict; it must not hang the run.
                        Instant giveUp = Instant.now().plus(Duration.ofSeconds(120 + leads / 50));
                        while (Leads.stored(db, campaign) < threshold) {
                            if (Instant.now().isAfter(giveUp)) {
                                faults.add("no SIGKILL: " + threshold + " leads never stored");
                                return;
                            }
                            Thread.sleep(20);
                        }
                        long storedThen = Leads.stored(db, campaign);
                        system.kill(Service.LEADS);
                        faults.add("SIGKILL at " + storedThen + " stored");
                        system.restart(Service.LEADS);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Injecting the crash failed", e);
                }
            });
            publish(system, campaign);
            chaos.get();

            long stored;
            long unsent;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120 + leads / 100));
            do {
                Thread.sleep(500);
                stored = Leads.stored(db, campaign);
                unsent = Leads.unsentOutboxRows(db);
            } while ((stored < leads || unsent > 0) && Instant.now().isBefore(deadline));

            long assignedTwice = Leads.count(db, "select count(*) from (select d.lead_id from routing_decision d "
                    + "join lead l on l.id = d.lead_id where l.campaign = ? and d.cause = 'INTAKE' "
                    + "group by d.lead_id having count(*) > 1) twice", campaign);
            long assigned = Leads.count(db, "select count(*) from lead where campaign = ? and shop_id is not null",
                    campaign);
            List<ConsumerRecord<String, String>> events = system.kafka().all("leads.events",
                    record -> "LeadAssigned".equals(KafkaTestClient.header(record, "type")));
            Map<String, Long> perLead = events.stream().map(ServiceCrash::payload)
                    .filter(payload -> campaign.equals(payload.path("campaign").asText()))
                    .collect(Collectors.groupingBy(payload -> payload.path("leadId").asText(), Collectors.counting()));
            long eventsTwice = perLead.values().stream().filter(count -> count > 1).count();
            long missingEvents = assigned - perLead.size();
            long lost = (leads - stored) + Math.max(0, missingEvents);
            long duplicated = assignedTwice + eventsTwice;
            // Without both kills the run proved nothing.
            boolean killedTwice = faults.stream().filter(fault -> fault.startsWith("SIGKILL")).count() == killAt.size();
            boolean passed = killedTwice && lost == 0 && duplicated == 0 && unsent == 0;
            return new Outcome(name(), leads + " leads at " + leadsPerSecond + "/s", String.join(", ", faults),
                    leads, stored, lost, duplicated, passed, "assigned " + assigned + ", LeadAssigned events for "
                            + perLead.size() + " leads (" + eventsTwice + " twice), routed twice " + assignedTwice
                            + ", unsent outbox rows " + unsent + ", seed " + seed);
        }
    }

    /** At a fixed rate, timed from the intended send moments so a slow broker does not slow the load down. */
    private void publish(ChaosSystem system, String campaign) throws Exception {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / leadsPerSecond;
        try (KafkaProducer<String, byte[]> producer = system.producer()) {
            for (int i = 0; i < leads; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String externalId = "crash-" + i;
                producer.send(new ProducerRecord<>("leads.inbound", "chaos:" + externalId, ChaosSystem.JSON
                        .writeValueAsBytes(Leads.lead(campaign, externalId, PREFIXES[i % PREFIXES.length] + "00"))));
            }
        }
    }

    private static JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return ChaosSystem.JSON.readTree(record.value()).path("payload");
        } catch (Exception e) {
            return ChaosSystem.JSON.missingNode();
        }
    }
}
