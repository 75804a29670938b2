package com.partnernet.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small partner network loaded through the services' public APIs on the first start (so it also proves them):
 * partners with shops in German cities, this year's targets and a rolled-out campaign. Skipped when partners already
 * exist.
 */
public final class DemoData {

    private record DemoShop(String name, String street, String postalCode, String city, String state, double latitude,
            double longitude, String format) {
    }

    private record DemoPartner(String name, String type, List<DemoShop> shops, Map<String, Integer> targets) {
    }

    private static final List<DemoPartner> NETWORK = List.of(
            new DemoPartner("Rhein Mobilfunk GmbH", "RETAIL_PARTNER", List.of(
                    new DemoShop("Köln Hohe Straße", "Hohe Straße 52", "50667", "Köln", "DE-NW", 50.9375, 6.9571, "NEW_FORMAT"),
                    new DemoShop("Köln Ehrenfeld", "Venloer Straße 301", "50823", "Köln", "DE-NW", 50.9496, 6.9185, "CLASSIC"),
                    new DemoShop("Bonn Remigiusstraße", "Remigiusstraße 3", "53111", "Bonn", "DE-NW", 50.7347, 7.1008, "CLASSIC")),
                    Map.of("MOBILE", 480, "BROADBAND", 240, "TV", 120)),
            new DemoPartner("Hanse Telekom Partner", "RETAIL_PARTNER", List.of(
                    new DemoShop("Hamburg Mönckebergstraße", "Mönckebergstraße 7", "20095", "Hamburg", "DE-HH", 53.5508, 10.0006, "NEW_FORMAT"),
                    new DemoShop("Hamburg Altona", "Ottenser Hauptstraße 10", "22765", "Hamburg", "DE-HH", 53.5521, 9.9353, "CLASSIC")),
                    Map.of("MOBILE", 360, "BROADBAND", 180, "TV", 90)),
            new DemoPartner("Spree Shops GmbH", "RETAIL_PARTNER", List.of(
                    new DemoShop("Berlin Alexanderplatz", "Alexanderplatz 9", "10178", "Berlin", "DE-BE", 52.5219, 13.4132, "NEW_FORMAT"),
                    new DemoShop("Berlin Tauentzienstraße", "Tauentzienstraße 12", "10789", "Berlin", "DE-BE", 52.5018, 13.3410, "CLASSIC")),
                    Map.of("MOBILE", 420, "BROADBAND", 200, "TV", 100)),
            new DemoPartner("Isar Kommunikation KG", "BUSINESS_PARTNER", List.of(
                    new DemoShop("München Kaufingerstraße", "Kaufingerstraße 14", "80331", "München", "DE-BY", 48.1374, 11.5722, "CLASSIC")),
                    Map.of("MOBILE", 200, "BUSINESS_SOLUTIONS", 80)));

    private static final List<Map<String, String>> OPENING_HOURS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
            "FRIDAY", "SATURDAY").stream().map(day -> Map.of("day", day, "opens", "10:00", "closes", "20:00")).toList();

    /** The campaign deploy/local/sample-lead.json names. */
    static final String DEMO_CAMPAIGN = "magenta-tv-social";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String token;

    private DemoData(String token) {
        this.token = token;
    }

    /** Loads the demo network through the services' APIs, as {@code salesManagerToken}'s holder. */
    public static void load(Map<Service, String> baseUrls, String salesManagerToken) throws IOException, InterruptedException {
        new DemoData(salesManagerToken).load(baseUrls);
    }

    private void load(Map<Service, String> baseUrls) throws IOException, InterruptedException {
        String partners = baseUrls.get(Service.PARTNERS);
        String leads = baseUrls.get(Service.LEADS);
        String targets = baseUrls.get(Service.TARGETS);
        if (call("GET", partners + "/partners?size=1", null).get("totalItems").asLong() > 0) {
            System.out.println("Demo data: partners exist already, nothing loaded.");
            return;
        }
        int year = Year.now().getValue();
        int shops = 0;
        for (DemoPartner partner : NETWORK) {
            String partnerId = call("POST", partners + "/partners", Map.of("name", partner.name(), "type", partner.type()))
                    .get("id").asText();
            for (DemoShop shop : partner.shops()) {
                call("POST", partners + "/partners/" + partnerId + "/shops", Map.ofEntries(
                        Map.entry("name", shop.name()), Map.entry("street", shop.street()),
                        Map.entry("postalCode", shop.postalCode()), Map.entry("city", shop.city()),
                        Map.entry("state", shop.state()), Map.entry("latitude", shop.latitude()),
                        Map.entry("longitude", shop.longitude()), Map.entry("format", shop.format()),
                        Map.entry("segments", List.of("CONSUMER", "BUSINESS")),
                        Map.entry("productLines", List.of("MOBILE", "BROADBAND", "TV", "HOME_NETWORKING")),
                        // Its own postal area (first three digits) is the catchment it serves.
                        Map.entry("catchment", List.of(shop.postalCode().substring(0, 3))),
                        Map.entry("weeklyLeadCapacity", 40),
                        Map.entry("openingHours", OPENING_HOURS)));
                shops++;
            }
            for (Map.Entry<String, Integer> target : partner.targets().entrySet()) {
                call("PUT", targets + "/partners/" + partnerId + "/targets/" + year + "/" + target.getKey(),
                        Map.of("units", target.getValue()));
            }
        }
        // Leads name their campaign; this one is rolled out, so every demo shop may get its leads.
        call("POST", leads + "/campaigns", Map.of("code", DEMO_CAMPAIGN, "name", "Magenta TV social ads",
                "channel", "INSTAGRAM", "targetingModel", "lookalike-ai", "targetingVersion", "2.4",
                "productFocus", List.of("TV"), "segment", "CONSUMER", "startsOn", year + "-01-01", "status", "ROLLED_OUT"));
        System.out.println("Demo data: " + NETWORK.size() + " partners, " + shops + " shops, targets for " + year
                + ", campaign " + DEMO_CAMPAIGN + ".");
    }

    /** The first partner by name, for the partner user's demo token; empty without partners. */
    static Optional<String> firstPartner(String partnersBaseUrl, String salesManagerToken)
            throws IOException, InterruptedException {
        JsonNode first = new DemoData(salesManagerToken).call("GET", partnersBaseUrl + "/partners?size=1&sort=name", null).path("items").path(0);
        return first.isMissingNode() ? Optional.empty() : Optional.of(first.get("id").asText());
    }

    private JsonNode call(String method, String url, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("Loading demo data failed: " + method + " " + url + " answered "
                    + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
