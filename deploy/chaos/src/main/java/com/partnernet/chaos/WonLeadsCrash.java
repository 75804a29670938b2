package com.partnernet.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.token.Tokens;

/**
 * Scenario 2: targets-service is killed (SIGKILL) twice at random moments while {@code LeadWon} events flow on
 * {@code leads.events} — some of them delivered twice, as an at-least-once publisher would, and some leads won by a
 * second event — and started again. Every partner's attainment (its sales in the database and through the REST API)
 * must equal its distinct won leads, and each target milestone it reached must be published exactly once.
 */
final class WonLeadsCrash implements Scenario {

    private static final int PARTNERS = 4;
    private static final List<Integer> MILESTONES = List.of(50, 100);

    private final int wonLeads;
    private final int perSecond;
    private final long seed;

    WonLeadsCrash(int wonLeads, int perSecond, long seed) {
        this.wonLeads = wonLeads;
        this.perSecond = perSecond;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "2 crash between publish and commit";
    }

    @Override
    public List<Service> services() {
        return List.of(Service.TARGETS);
    }

    @Override
    public Outcome run(SystemUnderTest system) throws Exception {
        Instant wonAt = Instant.now();
        int year = wonAt.atZone(Service.CALENDAR_ZONE).getYear();
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            UUID partner = UUID.randomUUID();
            partners.add(partner);
            // Three quarters of its wins: both milestones are passed during the load.
            system.call(Service.TARGETS, Tokens.SALES_MANAGER, "PUT", "/partners/" + partner + "/targets/" + year + "/TV",
                    Map.of("units", Math.max(1, wonLeads / PARTNERS * 3 / 4)));
        }
        Random random = new Random(seed);
        List<Takedown> killAt = List.of(Takedown.crash((long) (wonLeads * (0.15 + 0.3 * random.nextDouble()))),
                Takedown.crash((long) (wonLeads * (0.55 + 0.3 * random.nextDouble()))));
        Progress counted = () -> system.count(Service.TARGETS, "select count(*) from sale where source = 'LEAD'");
        AtomicInteger kills = new AtomicInteger();
        Fault crashes = noted -> kills.set(system.takeDownAt(Service.TARGETS, killAt, counted, "sales counted", giveUp(),
                noted));
        Map<UUID, Integer> wonPerPartner = new HashMap<>();
        int[] repeated = new int[2];
        List<String> faults = crashes.beside(() -> {
            try (KafkaProducer<String, byte[]> producer = system.producer()) {
                FixedRate.run(wonLeads, perSecond, i -> {
                    UUID partner = partners.get(i % PARTNERS);
                    wonPerPartner.merge(partner, 1, Integer::sum);
                    UUID lead = UUID.randomUUID();
                    ProducerRecord<String, byte[]> won = leadWon(lead, partner, wonAt);
                    producer.send(won);
                    if (i % 50 == 7) {
                        producer.send(won); // the same event again, as after a publisher's retry
                        repeated[0]++;
                    }
                    if (i % 50 == 31) {
                        producer.send(leadWon(lead, partner, wonAt)); // a second event for a lead counted already
                        repeated[1]++;
                    }
                });
            }
        });

        long sales;
        long unsent;
        Instant deadline = Instant.now().plus(giveUp());
        do {
            Thread.sleep(500);
            sales = counted.count();
            unsent = system.count(Service.TARGETS, "select count(*) from outbox_event where sent_at is null");
        } while ((sales < wonLeads || unsent > 0) && Instant.now().isBefore(deadline));
        Thread.sleep(1_000); // redelivered events still in flight would show as duplicates now
        sales = counted.count();
        long distinctLeads = system.count(Service.TARGETS, "select count(distinct lead_id) from sale where source = 'LEAD'");

        List<String> mismatches = new ArrayList<>();
        for (UUID partner : partners) {
            long inDatabase = system.count(Service.TARGETS,
                    "select count(*) from sale where source = 'LEAD' and partner_id = ?", partner);
            long throughApi = SystemUnderTest.JSON.readTree(system.call(Service.TARGETS, Tokens.SALES_MANAGER, "GET",
                    "/partners/" + partner + "/attainment?year=" + year, null)).path("total").path("soldUnits").asLong();
            if (inDatabase != wonPerPartner.get(partner) || throughApi != wonPerPartner.get(partner)) {
                mismatches.add(partner + ": won " + wonPerPartner.get(partner) + ", counted " + inDatabase
                        + ", attainment " + throughApi);
            }
        }
        List<ConsumerRecord<String, String>> targetEvents = system.kafka().all("targets.events", record -> true);
        long eventIdsTwice = SystemUnderTest.publishedTwice(targetEvents);
        Map<String, Long> milestones = targetEvents.stream()
                .filter(record -> "MilestoneReached".equals(KafkaTestClient.header(record, "type")))
                .map(SystemUnderTest::payload)
                .collect(Collectors.groupingBy(payload -> payload.path("partnerId").asText() + " "
                        + payload.path("percent").asInt(), Collectors.counting()));
        long milestonesMissing = partners.stream().flatMap(partner -> MILESTONES.stream()
                .map(percent -> partner + " " + percent)).filter(key -> !milestones.containsKey(key)).count();
        long milestonesTwice = milestones.values().stream().filter(count -> count > 1).count();

        long lost = (wonLeads - distinctLeads) + milestonesMissing;
        long duplicated = (sales - distinctLeads) + milestonesTwice + eventIdsTwice;
        boolean passed = kills.get() == killAt.size() && lost == 0 && duplicated == 0 && unsent == 0
                && mismatches.isEmpty();
        return new Outcome(name(), String.format("%,d won leads at %,d/s (+%d repeated events)", wonLeads, perSecond,
                repeated[0] + repeated[1]), String.join(", ", faults), wonLeads, distinctLeads, lost, duplicated, passed,
                String.format("%d sales for %d distinct leads over %d partners; %d events delivered twice, %d leads won "
                        + "twice; milestone events %d of %d (%d twice); target events published twice %d; unsent "
                        + "outbox rows %d; %s; seed %d", sales, distinctLeads, PARTNERS, repeated[0], repeated[1],
                        milestones.size(), PARTNERS * MILESTONES.size(), milestonesTwice, eventIdsTwice, unsent,
                        mismatches.isEmpty() ? "attainment per partner = its distinct won leads (database and API)"
                                : "MISMATCH " + mismatches,
                        seed));
    }

    private Duration giveUp() {
        return Duration.ofSeconds(120 + wonLeads / 50);
    }

    /**
     * A LeadWon event as leads-service's outbox relay publishes it: envelope, key and headers (the aggregate is the
     * shop's pipeline).
     */
    private static ProducerRecord<String, byte[]> leadWon(UUID lead, UUID partner, Instant wonAt) throws Exception {
        String eventId = UUID.randomUUID().toString();
        String shop = UUID.nameUUIDFromBytes(partner.toString().getBytes(StandardCharsets.UTF_8)).toString();
        byte[] envelope = SystemUnderTest.JSON.writeValueAsBytes(Map.of("eventId", eventId, "type", "LeadWon", "version", 1,
                "occurredAt", wonAt.toString(), "aggregateType", "ShopPipeline", "aggregateId", shop,
                "payload", Map.of("leadId", lead.toString(), "partnerId", partner.toString(), "shopId", shop,
                        "productLine", "TV", "at", wonAt.toString())));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("leads.events", shop, envelope);
        record.headers().add("eventId", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("type", "LeadWon".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
