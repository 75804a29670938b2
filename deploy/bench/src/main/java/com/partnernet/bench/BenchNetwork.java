package com.partnernet.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chaos.SystemUnderTest;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.token.Tokens;

/**
 * A partner network made through the services' public APIs as a sales manager would: partners with shops in
 * different postal areas (each shop's catchment its own area), annual targets per product line, and the campaigns the
 * benchmark's leads name. It is ready when leads-service's routing directory knows every shop.
 */
final class BenchNetwork {

    static final List<String> PRODUCT_LINES = List.of("MOBILE", "BROADBAND", "TV", "HOME_NETWORKING");

    record Shop(UUID shopId, UUID partnerId, String postalCode) {
    }

    private final SystemUnderTest system;
    private final List<Shop> shops;
    /** Every lead of a run is another person (else it would be a duplicate of an earlier run's lead). */
    private final AtomicInteger persons = new AtomicInteger();

    private BenchNetwork(SystemUnderTest system, List<Shop> shops) {
        this.system = system;
        this.shops = shops;
    }

    static BenchNetwork create(SystemUnderTest system, int partners, int shopsPerPartner) throws Exception {
        int year = Year.now(Service.CALENDAR_ZONE).getValue();
        List<Shop> shops = new ArrayList<>();
        for (int p = 0; p < partners; p++) {
            UUID partnerId = UUID.fromString(json(system.call(Service.PARTNERS, Tokens.SALES_MANAGER, "POST", "/partners",
                    Map.of("name", "Bench Partner " + p, "type", "RETAIL_PARTNER"))).get("id").asText());
            for (int s = 0; s < shopsPerPartner; s++) {
                int area = 100 + p * shopsPerPartner + s;
                String postalCode = area + "01";
                UUID shopId = UUID.fromString(json(system.call(Service.PARTNERS, Tokens.SALES_MANAGER, "POST",
                        "/partners/" + partnerId + "/shops", Map.ofEntries(
                                Map.entry("name", "Bench Shop " + area), Map.entry("street", "Hauptstraße " + s),
                                Map.entry("postalCode", postalCode), Map.entry("city", "Benchstadt " + p),
                                Map.entry("state", "DE-NW"), Map.entry("latitude", 50.0 + p * 0.1),
                                Map.entry("longitude", 7.0 + s * 0.1), Map.entry("format", s % 2 == 0 ? "CLASSIC" : "NEW_FORMAT"),
                                Map.entry("segments", List.of("CONSUMER", "BUSINESS")),
                                Map.entry("productLines", PRODUCT_LINES),
                                Map.entry("catchment", List.of(Integer.toString(area))),
                                // Room for every benchmark lead: capacity is routing's business, not the load's limit.
                                Map.entry("weeklyLeadCapacity", 10_000)))).get("id").asText());
                shops.add(new Shop(shopId, partnerId, postalCode));
            }
            for (String productLine : PRODUCT_LINES) {
                system.call(Service.TARGETS, Tokens.SALES_MANAGER, "PUT", "/partners/" + partnerId + "/targets/" + year
                        + "/" + productLine, Map.of("units", 100_000));
            }
        }
        BenchNetwork network = new BenchNetwork(system, shops);
        network.awaitDirectory();
        return network;
    }

    /** A rolled-out campaign every shop may serve; returns its code. */
    String campaign(String name) throws Exception {
        String code = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        system.call(Service.LEADS, Tokens.MARKETING_SYSTEM, "POST", "/campaigns", Map.of("code", code,
                "name", "Benchmark " + code, "channel", "INSTAGRAM", "productFocus", PRODUCT_LINES, "segment", "CONSUMER",
                "startsOn", Year.now(Service.CALENDAR_ZONE).getValue() + "-01-01", "status", "ROLLED_OUT"));
        return code;
    }

    List<Shop> shops() {
        return shops;
    }

    /** Lead {@code index} of a campaign: a different person each, spread over the shops' areas and product lines. */
    byte[] lead(String campaign, int index) throws Exception {
        Shop shop = shops.get(index % shops.size());
        String externalId = campaign + "-" + index;
        int person = persons.incrementAndGet();
        return SystemUnderTest.JSON.writeValueAsBytes(Map.of("source", "bench", "externalId", externalId,
                "campaign", campaign, "productLine", PRODUCT_LINES.get(index / shops.size() % PRODUCT_LINES.size()),
                "postalCode", shop.postalCode(), "message", "Bitte um Rückruf zum Angebot aus der Anzeige.",
                "contact", Map.of("name", "Kim Kunde " + person, "email", externalId + "@bench.example",
                        "phone", String.format("+49 151 %08d", person)),
                "consent", Map.of("granted", true, "grantedAt", Instant.now().toString())));
    }

    static String key(String campaign, int index) {
        return "bench:" + campaign + "-" + index;
    }

    private void awaitDirectory() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (system.count(Service.LEADS, "select count(*) from routing_shop") < shops.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("leads-service's routing directory did not learn all " + shops.size()
                        + " shops within 60 s");
            }
            Thread.sleep(100);
        }
    }

    static JsonNode json(String body) throws Exception {
        return SystemUnderTest.JSON.readTree(body);
    }
}
