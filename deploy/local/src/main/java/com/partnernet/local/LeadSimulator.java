package com.partnernet.local;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.testkit.http.ApiClient;
import com.partnernet.testkit.infrastructure.Topic;
import com.partnernet.testkit.service.Service;

/**
 * A marketing system and the shops, for the local run: publishes campaign leads to {@code leads.inbound} as a
 * marketing system would (keyed source:externalId; a few without consent, some people asking twice, and a few bad
 * records that the service dead-letters with their reason), and works the assigned leads through their pipelines as
 * shops would, so pipelines, attainment and the pilot evaluation change while one watches. Pilot shops, with the AI
 * campaign's better-matched leads, win more often than the control shops.
 */
final class LeadSimulator implements AutoCloseable {

    private static final String SOURCE = "meta-ads";
    private static final List<String> PILOT_LINES = List.of("MOBILE", "BROADBAND", "TV");
    /** Places without a shop: their leads go to a field team or wait in the ops queue. */
    private static final List<String> PLACES_WITHOUT_SHOP = List.of("24103", "99084", "18055", "66111", "13599", "22305");
    private static final List<String> FIRST_NAMES = List.of("Anna", "Jan", "Lena", "Tom", "Julia", "Max", "Sarah",
            "Finn", "Laura", "Elias", "Nina", "Moritz");
    private static final List<String> LAST_NAMES = List.of("Bauer", "Krüger", "Hartmann", "Lange", "Werner", "Krause",
            "Lehmann", "Köhler", "Maier", "Herrmann");
    private static final List<String> LOST_REASONS = List.of("NOT_REACHABLE", "NO_INTEREST", "TOO_EXPENSIVE",
            "CHOSE_COMPETITOR", "ALREADY_CUSTOMER");
    /** A shop's "not for us", weighted as shops say it: mostly the area or their capacity, rarely spam. */
    private static final List<String> DECLINE_REASONS = List.of("NOT_OUR_AREA", "NOT_OUR_AREA", "NO_CAPACITY",
            "NO_CAPACITY", "PRODUCT_NOT_OFFERED", "ALREADY_CUSTOMER", "SPAM_OR_FAKE");
    private static final String DECLINE = "DECLINE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Place(String postalCode, double latitude, double longitude) {
    }

    private final Map<Service, String> baseUrls;
    private final ApiClient api;
    private final KafkaProducer<String, String> producer;
    private final double leadsPerMinute;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "lead-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final Random random = new Random();
    private final AtomicLong published = new AtomicLong();
    private final List<Place> shopPlaces = new ArrayList<>();
    private final List<Place> pilotPlaces = new ArrayList<>();
    /** Recent people with their product line: some ask again (duplicates). Only the publishing task touches it. */
    private final List<Map<String, Object>> recentContacts = new ArrayList<>();

    LeadSimulator(String bootstrapServers, Map<Service, String> baseUrls, String salesManagerToken, double leadsPerMinute) {
        this.baseUrls = baseUrls;
        this.api = new ApiClient(salesManagerToken);
        this.leadsPerMinute = leadsPerMinute;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }

    /**
     * Reads the network's shops and the pilot's shops, then publishes at the rate and works pipelines every 5 s;
     * false (and nothing started) without shops to send leads to.
     */
    boolean start() throws IOException, InterruptedException {
        Set<String> pilotShops = new HashSet<>();
        for (JsonNode campaign : api.get(baseUrls.get(Service.LEADS) + "/campaigns?size=200").path("items")) {
            if (campaign.path("code").asText().equals(DemoData.PILOT_CAMPAIGN)) {
                campaign.path("pilotShops").forEach(id -> pilotShops.add(id.asText()));
            }
        }
        for (int page = 0; ; page++) {
            JsonNode shops = api.get(baseUrls.get(Service.PARTNERS) + "/shops?size=200&page=" + page);
            for (JsonNode shop : shops.path("items")) {
                Place place = new Place(shop.get("postalCode").asText(), shop.get("latitude").asDouble(), shop.get("longitude").asDouble());
                shopPlaces.add(place);
                if (pilotShops.contains(shop.get("id").asText())) {
                    pilotPlaces.add(place);
                }
            }
            if (page + 1 >= shops.path("totalPages").asInt()) {
                break;
            }
        }
        if (shopPlaces.isEmpty()) {
            return false;
        }
        long periodMicros = Math.max(1, Math.round(60_000_000 / leadsPerMinute));
        scheduler.scheduleAtFixedRate(this::publishOne, 0, periodMicros, TimeUnit.MICROSECONDS);
        scheduler.scheduleWithFixedDelay(this::workPipelines, 5, 5, TimeUnit.SECONDS);
        return true;
    }

    private void publishOne() {
        try {
            String id = String.format(Locale.ROOT, "sim-%d-%06d", System.currentTimeMillis() / 1000, published.incrementAndGet());
            // One roll decides what kind of record it is: below 0.02 a bad one, from 0.93 to 0.96 a lead without
            // consent, above 0.96 someone asking again (when there is someone); the rest are plain leads.
            double kind = random.nextDouble();
            String value;
            String key = SOURCE + ":" + id;
            if (kind < 0.02) {
                value = badRecord(id);
            } else {
                value = JSON.writeValueAsString(lead(id, kind));
            }
            producer.send(new ProducerRecord<>(Topic.LEADS_INBOUND.topicName, key, value));
        } catch (RuntimeException | IOException e) {
            // One lost simulated lead is no reason to stop the simulation; the next tick tries again.
            System.err.println("Lead simulator: publishing failed: " + e);
        }
    }

    private Map<String, Object> lead(String id, double kind) {
        boolean pilot = !pilotPlaces.isEmpty() && random.nextDouble() < 0.45;
        Place place = pilot ? pick(pilotPlaces)
                : random.nextDouble() < 0.06 ? new Place(pick(PLACES_WITHOUT_SHOP), Double.NaN, Double.NaN) : pick(shopPlaces);
        String productLine = pilot ? pick(PILOT_LINES) : "TV";
        Map<String, Object> contact;
        if (kind > 0.96 && !recentContacts.isEmpty()) {
            // The same person asks again about the same product: a duplicate of the open lead.
            Map<String, Object> earlier = pick(recentContacts);
            contact = earlier;
            productLine = (String) earlier.get("productLine");
            pilot = false;
        } else {
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            contact = new HashMap<>(Map.of("name", first + " " + last, "email",
                    (first + "." + last + "." + id).toLowerCase(Locale.ROOT).replace("ü", "ue").replace("ö", "oe") + "@example.org",
                    "productLine", productLine));
            recentContacts.add(contact);
            if (recentContacts.size() > 200) {
                recentContacts.remove(0);
            }
        }
        Map<String, Object> lead = new HashMap<>(Map.of("source", SOURCE, "externalId", id,
                "campaign", pilot ? DemoData.PILOT_CAMPAIGN : DemoData.DEMO_CAMPAIGN, "productLine", productLine,
                "postalCode", place.postalCode(),
                "contact", Map.of("name", contact.get("name"), "email", contact.get("email")),
                // Some people do not agree to be contacted: stored, never routed.
                "consent", kind > 0.93 && kind <= 0.96 ? Map.of("granted", false)
                        : Map.of("granted", true, "grantedAt", Instant.now().minusSeconds(30).toString())));
        if (!Double.isNaN(place.latitude()) && random.nextBoolean()) {
            lead.put("latitude", place.latitude() + (random.nextDouble() - 0.5) * 0.02);
            lead.put("longitude", place.longitude() + (random.nextDouble() - 0.5) * 0.03);
        }
        return lead;
    }

    /** What a marketing system gets wrong now and then: the service dead-letters each with its reason. */
    private String badRecord(String id) throws IOException {
        return switch (random.nextInt(3)) {
            case 0 -> "{\"source\":\"" + SOURCE + "\",\"externalId\":\"" + id + "\",\"campaign\":";
            case 1 -> JSON.writeValueAsString(Map.of("source", SOURCE, "externalId", id, "campaign", DemoData.DEMO_CAMPAIGN,
                    "productLine", "TV", "postalCode", "5066", "contact", Map.of("name", "Tippfehler"),
                    "consent", Map.of("granted", true, "grantedAt", Instant.now().toString())));
            default -> JSON.writeValueAsString(Map.of("source", SOURCE, "externalId", id, "campaign", DemoData.DEMO_CAMPAIGN,
                    "productLine", "SATELLITE", "postalCode", pick(shopPlaces).postalCode(),
                    "contact", Map.of("name", "Ohne Kanal"), "consent", Map.of("granted", true, "grantedAt", Instant.now().toString())));
        };
    }

    /**
     * Shops work their leads: each open lead moves on with some chance per round, oldest first; the pilot's leads
     * are won more often. A new lead is accepted, contacted at once or declined (mostly as not their area or no
     * capacity, now and then as spam); one in five a shop does not get to, so its first contact nears its due time,
     * the shop is reminded, and the lead moves on to the next shop.
     */
    private void workPipelines() {
        try {
            move("APPOINTMENT", lead -> random.nextDouble() < winRate(lead) ? "WON" : "LOST");
            move("CONTACTED", lead -> {
                double roll = random.nextDouble();
                return roll < 0.55 ? "APPOINTMENT" : roll < 0.55 + winRate(lead) / 3 ? "WON" : "LOST";
            });
            move("ACCEPTED", lead -> random.nextDouble() < 0.9 ? "CONTACTED" : "LOST");
            move("NEW", lead -> {
                if (Math.floorMod((lead.path("id").asText() + lead.path("shopId").asText()).hashCode(), 5) == 0) {
                    return null;
                }
                double roll = random.nextDouble();
                return roll < 0.1 ? DECLINE : roll < 0.45 ? "ACCEPTED" : roll < 0.95 ? "CONTACTED" : "LOST";
            });
        } catch (IOException | RuntimeException e) {
            System.err.println("Lead simulator: working pipelines failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double winRate(JsonNode lead) {
        return DemoData.PILOT_CAMPAIGN.equals(lead.path("campaign").asText()) ? 0.6 : 0.4;
    }

    private void move(String stage, Function<JsonNode, String> next)
            throws IOException, InterruptedException {
        String leads = baseUrls.get(Service.LEADS);
        // Its own campaigns' leads only: the shops' staff of README's walk-through move theirs themselves.
        List<JsonNode> open = new ArrayList<>();
        for (String campaign : List.of(DemoData.PILOT_CAMPAIGN, DemoData.DEMO_CAMPAIGN)) {
            api.get(leads + "/leads?status=" + stage + "&campaign=" + campaign + "&sort=receivedAt&size=100").path("items")
                    .forEach(open::add);
        }
        for (JsonNode lead : open) {
            // About one in three each round: a lead spends some 15 s in a stage.
            if (random.nextDouble() >= 0.35) {
                continue;
            }
            String status = next.apply(lead);
            try {
                if (status == null) {
                    continue;
                }
                if (status.equals(DECLINE)) {
                    api.call("POST", leads + "/leads/" + lead.get("id").asText() + "/decline",
                            Map.of("reason", pick(DECLINE_REASONS)));
                    continue;
                }
                Map<String, Object> change = status.equals("LOST")
                        ? Map.of("status", status, "lostReason", pick(LOST_REASONS)) : Map.of("status", status);
                api.call("PUT", leads + "/leads/" + lead.get("id").asText() + "/status", change);
            } catch (IOException conflict) {
                // Moved meanwhile (a reassignment, an erasure): the next round sees it as it is now.
            }
        }
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
