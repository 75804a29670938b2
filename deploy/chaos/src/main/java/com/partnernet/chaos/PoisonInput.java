package com.partnernet.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.service.Service;

/**
 * Scenario 6: valid leads mixed with every kind of bad record on {@code leads.inbound}. Every bad one must reach
 * {@code leads.inbound.dlq} with a reason, every good one must be stored, and the consumer must never stall (the good
 * leads after the bad ones get through).
 */
final class PoisonInput implements Scenario {

    private final int goodLeads;
    private final int badPerKind;

    PoisonInput(int goodLeads, int badPerKind) {
        this.goodLeads = goodLeads;
        this.badPerKind = badPerKind;
    }

    @Override
    public String name() {
        return "6 poison input";
    }

    @Override
    public List<Service> services() {
        return List.of(Service.LEADS);
    }

    @Override
    public Outcome run(SystemUnderTest system) throws Exception {
        String campaign = Leads.campaign(system);
        system.publishShop("601", 1_000_000);
        Map<String, byte[]> bad = new LinkedHashMap<>();
        for (int i = 0; i < badPerKind; i++) {
            bad.put("bad-not-json-" + i, "{this is not json".getBytes(StandardCharsets.UTF_8));
            bad.put("bad-wrong-types-" + i, json(Map.of("source", 17, "externalId", List.of("x"), "campaign", campaign,
                    "productLine", "TV", "postalCode", Map.of("zip", 60100))));
            bad.put("bad-missing-fields-" + i, json(Map.of("source", "chaos")));
            bad.put("bad-unknown-campaign-" + i, json(Leads.lead("no-such-campaign", "unknown-" + i, "60100")));
            Map<String, Object> huge = new HashMap<>(Leads.lead(campaign, "huge-" + i, "60100"));
            huge.put("message", "x".repeat(900_000));
            bad.put("bad-huge-payload-" + i, json(huge));
            bad.put("bad-wrong-encoding-" + i, SystemUnderTest.JSON.writeValueAsString(Leads.lead(campaign, "latin1-" + i,
                    "60100")).replace("Kim Kunde", "Jürgen Müller").getBytes(StandardCharsets.ISO_8859_1));
        }
        List<Map.Entry<String, byte[]>> badRecords = new ArrayList<>(bad.entrySet());
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = system.producer()) {
            for (int i = 0; i < goodLeads; i++) {
                String externalId = "good-" + i;
                producer.send(new ProducerRecord<>("leads.inbound", "chaos:" + externalId,
                        json(Leads.lead(campaign, externalId, "60100"))));
                // Bad records spread among the good ones, the last ones followed by good leads still.
                if (sent < badRecords.size() && i % Math.max(1, goodLeads / (badRecords.size() + 1)) == 0) {
                    Map.Entry<String, byte[]> record = badRecords.get(sent++);
                    producer.send(new ProducerRecord<>("leads.inbound", record.getKey(), record.getValue()));
                }
            }
            for (; sent < badRecords.size(); sent++) {
                producer.send(new ProducerRecord<>("leads.inbound", badRecords.get(sent).getKey(), badRecords.get(sent).getValue()));
            }
            for (int i = goodLeads; i < goodLeads + 10; i++) {
                producer.send(new ProducerRecord<>("leads.inbound", "chaos:good-" + i,
                        json(Leads.lead(campaign, "good-" + i, "60100"))));
            }
        }
        int good = goodLeads + 10;

        long stored;
        List<ConsumerRecord<String, String>> dead;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60 + good / 50));
        do {
            Thread.sleep(500);
            stored = system.count(Service.LEADS, "select count(*) from lead where campaign = ?", campaign);
            dead = system.kafka().all("leads.inbound.dlq", record -> bad.containsKey(record.key()));
        } while ((stored < good || dead.size() < bad.size()) && Instant.now().isBefore(deadline));
        Set<String> deadKeys = dead.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        List<String> withoutReason = dead.stream()
                .filter(record -> blank(KafkaTestClient.header(record, "dead-letter-reason")))
                .map(ConsumerRecord::key).toList();
        long lostBad = bad.keySet().stream().filter(key -> !deadKeys.contains(key)).count();
        long duplicated = dead.size() - deadKeys.size() + Math.max(0, stored - good);
        boolean passed = stored == good && lostBad == 0 && duplicated == 0 && withoutReason.isEmpty();
        String reasons = dead.stream().collect(Collectors.groupingBy(record -> record.key().replaceAll("-\\d+$", ""),
                LinkedHashMap::new, Collectors.mapping(record -> KafkaTestClient.header(record, "dead-letter-reason"),
                        Collectors.reducing("", (a, b) -> a.isEmpty() ? b : a))))
                .entrySet().stream().map(entry -> entry.getKey() + ": " + abbreviate(entry.getValue()))
                .collect(Collectors.joining("; "));
        return new Outcome(name(), String.format("%,d good + %d bad records", good, bad.size()), "6 kinds of bad record",
                good + bad.size(), stored + dead.size(), (good - Math.min(stored, good)) + lostBad, duplicated, passed,
                (withoutReason.isEmpty() ? "" : "dead letters without reason: " + withoutReason + "; ") + reasons);
    }

    private static byte[] json(Object value) throws Exception {
        return SystemUnderTest.JSON.writeValueAsBytes(value);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String abbreviate(String reason) {
        return reason == null ? "(none)" : reason.length() > 90 ? reason.substring(0, 90) + "…" : reason;
    }
}
