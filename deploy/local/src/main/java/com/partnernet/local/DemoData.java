package com.partnernet.local;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.testkit.http.ApiClient;
import com.partnernet.testkit.service.Service;

/**
 * The demo network, loaded through the services' public APIs on the first start (so it also proves them). It tells
 * the operator's 2021 story, replayed in the current year: a partner network across German cities whose shops move
 * from the classic to the new format (34 remodels done, a goal of 90, the rest planned for the autumn — most of those
 * whose day has come started or done, a few overdue —, the first dates of next year booked); annual targets with the
 * first half waived and the second at 50 %; a promotions calendar;
 * footfall since the baseline year two years back, recovering week by week to about 20 % below it; the direct
 * field-sales partner's teams (Berlin and Hamburg piloting with 200 reps since March, Cologne and Munich from May);
 * the partner summit on 5 October at Motorworld Köln; executives' customer days; the advisory board; and an AI
 * social-media pilot campaign, six weeks in, with pilot and control shops beside a rolled-out one: the pilot shops sell
 * {@link #PILOT_UPLIFT} more since it started (the true effect its evaluation should find). Skipped when partners exist.
 * <p>
 * Generated from fixed seeds, one per part of the network, so every first start builds the same network (dates follow
 * today) although the parts load at once.
 */
public final class DemoData {

    /** The rolled-out campaign (deploy/local/sample-lead.json names it): every shop may get its leads. */
    static final String DEMO_CAMPAIGN = "magenta-tv-social";
    /** The AI social-media pilot: its leads go to the pilot shops only, measured against the control shops. */
    static final String PILOT_CAMPAIGN = "ai-social-pilot";

    static final int SHOPS_PER_PARTNER = 14;
    static final int REMODELS_COMPLETED = 34;
    static final int REMODEL_GOAL = 90;
    static final int REMODELS_NEXT_YEAR = 8;
    static final int PILOT_SHOPS = 10;
    /** Complete weeks the pilot has run, and the weeks before it its evaluation compares them with. */
    static final int PILOT_WEEKS = 6;
    static final int WEEKS_BEFORE_PILOT = 12;
    /** What the pilot really adds to its shops' sales: the effect its evaluation should find. */
    static final double PILOT_UPLIFT = 0.12;

    private record City(String name, String state, double latitude, double longitude, List<String> postalCodes,
            List<String> streets) {
    }

    private static final City KOELN = new City("Köln", "DE-NW", 50.9375, 6.9603,
            List.of("50667", "50672", "50674", "50676", "50823", "50825", "50931", "50968", "51063", "51103"),
            List.of("Hohe Straße", "Schildergasse", "Venloer Straße", "Aachener Straße", "Zülpicher Straße", "Frankfurter Straße"));
    private static final City DUESSELDORF = new City("Düsseldorf", "DE-NW", 51.2277, 6.7735,
            List.of("40210", "40212", "40213", "40215", "40217", "40223", "40225", "40474"),
            List.of("Königsallee", "Schadowstraße", "Flinger Straße", "Nordstraße", "Lorettostraße"));
    private static final City BERLIN = new City("Berlin", "DE-BE", 52.5200, 13.4050,
            List.of("10115", "10178", "10243", "10435", "10551", "10585", "10789", "12043", "12163", "13347"),
            List.of("Alexanderplatz", "Tauentzienstraße", "Schloßstraße", "Karl-Marx-Straße", "Schönhauser Allee", "Wilmersdorfer Straße"));
    private static final City HAMBURG = new City("Hamburg", "DE-HH", 53.5511, 9.9937,
            List.of("20095", "20099", "20249", "20354", "21073", "22041", "22083", "22765"),
            List.of("Mönckebergstraße", "Spitalerstraße", "Ottenser Hauptstraße", "Wandsbeker Marktstraße", "Osterstraße"));
    private static final City MUENCHEN = new City("München", "DE-BY", 48.1374, 11.5755,
            List.of("80331", "80335", "80469", "80634", "80797", "81369", "81541", "81675"),
            List.of("Kaufingerstraße", "Neuhauser Straße", "Leopoldstraße", "Rosenheimer Straße", "Sendlinger Straße"));
    private static final City FRANKFURT = new City("Frankfurt am Main", "DE-HE", 50.1109, 8.6821,
            List.of("60311", "60313", "60316", "60326", "60385", "60486", "60594"),
            List.of("Zeil", "Berger Straße", "Leipziger Straße", "Schweizer Straße", "Kaiserstraße"));
    private static final City STUTTGART = new City("Stuttgart", "DE-BW", 48.7758, 9.1829,
            List.of("70173", "70174", "70178", "70190", "70372", "70469", "70563"),
            List.of("Königstraße", "Calwer Straße", "Marktstraße", "Schulstraße"));
    private static final City DRESDEN = new City("Dresden", "DE-SN", 51.0504, 13.7373,
            List.of("01067", "01069", "01097", "01099", "01277", "01309"),
            List.of("Prager Straße", "Altmarkt", "Hauptstraße", "Königsbrücker Straße"));
    private static final City LEIPZIG = new City("Leipzig", "DE-SN", 51.3397, 12.3731,
            List.of("04103", "04105", "04107", "04109", "04177", "04229"),
            List.of("Grimmaische Straße", "Petersstraße", "Karl-Liebknecht-Straße", "Georg-Schwarz-Straße"));
    private static final City HANNOVER = new City("Hannover", "DE-NI", 52.3759, 9.7320,
            List.of("30159", "30161", "30163", "30167", "30169", "30449", "30519"),
            List.of("Georgstraße", "Bahnhofstraße", "Lister Meile", "Limmerstraße"));

    /**
     * A retail partner: where its shops are, its seat on the advisory board (role, or null), and how well it sells
     * against its pace (1.0 = on the seasonal curve).
     */
    private record RetailPartner(String name, String tier, String boardRole, List<City> cities, double pace) {
    }

    private static final List<RetailPartner> RETAIL_PARTNERS = List.of(
            new RetailPartner("Rhein Mobilfunk GmbH", "PLATINUM", "CHAIR", List.of(KOELN, DUESSELDORF), 1.03),
            new RetailPartner("Spree Shops GmbH", "PLATINUM", "VICE_CHAIR", List.of(BERLIN), 0.93),
            new RetailPartner("Hanse Telekom Partner", "GOLD", "MEMBER", List.of(HAMBURG), 0.87),
            new RetailPartner("Isar Kommunikation KG", "GOLD", "MEMBER", List.of(MUENCHEN), 0.8),
            new RetailPartner("Main Connect GmbH", "GOLD", null, List.of(FRANKFURT), 0.97),
            new RetailPartner("Schwaben Digital GmbH", "SILVER", "MEMBER", List.of(STUTTGART), 0.72),
            new RetailPartner("Elbflorenz Mobil GmbH", "SILVER", null, List.of(DRESDEN, LEIPZIG), 0.84),
            new RetailPartner("Leine Kommunikation OHG", "SILVER", null, List.of(HANNOVER), 0.9));

    /** Annual units per shop and product line; a partner's target is its shops' sum. */
    private static final Map<String, Integer> UNITS_PER_SHOP = orderedMap("MOBILE", 480, "BROADBAND", 220, "TV", 140,
            "HOME_NETWORKING", 60);

    /** A field-sales team of the direct sales partner: its city, areas, go-live month and reps at go-live. */
    private record DemoTeam(String city, List<String> postalCoverage, int liveFromMonth, int repsAtStart,
            int repsPerMonth, double internalShare) {
    }

    private static final List<DemoTeam> FIELD_TEAMS = List.of(
            new DemoTeam("Berlin", List.of("10", "12", "13"), 3, 100, 6, 0.85),
            new DemoTeam("Hamburg", List.of("20", "21", "22"), 3, 100, 6, 0.8),
            new DemoTeam("Köln", List.of("50", "51"), 5, 30, 5, 0.7),
            new DemoTeam("München", List.of("80", "81"), 5, 30, 5, 0.7));

    private static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta",
            "Hannes", "Ida", "Jonas", "Lea", "Lukas", "Marie", "Noah", "Paula", "Paul", "Sophie", "Tim", "Mia", "Leon");
    private static final List<String> LAST_NAMES = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber",
            "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz");

    private static final List<Map<String, String>> OPENING_HOURS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
            "FRIDAY", "SATURDAY").stream().map(day -> Map.of("day", day, "opens", "10:00", "closes", "20:00")).toList();

    private final ApiClient api;
    /** Runs a part's independent calls. */
    private final ExecutorService pool = daemonThreads(4, "demo-data");
    /** Runs the parts that need nothing of each other at once (apart from {@link #pool}: a part waits on its calls). */
    private final ExecutorService parts = daemonThreads(6, "demo-part");
    private final LocalDate today = LocalDate.now(Service.CALENDAR_ZONE);
    private final int year = today.getYear();

    private DemoData(String token) {
        this.api = new ApiClient(token);
    }

    /** Loads the demo network through the services' APIs, as {@code salesManagerToken}'s holder. */
    public static void load(Map<Service, String> baseUrls, String salesManagerToken) throws IOException, InterruptedException {
        DemoData demo = new DemoData(salesManagerToken);
        try {
            demo.load(baseUrls);
        } finally {
            demo.pool.shutdownNow();
            demo.parts.shutdownNow();
        }
    }

    /** A shop the demo created: what the later steps need of it. */
    private record CreatedShop(String id, String partnerId, City city, String format) {
    }

    /** The pilot's shops and its control shops: in each of five cities two of each, alike in all but the pilot. */
    private record PilotGroups(List<String> pilot, List<String> control) {

        static PilotGroups of(List<CreatedShop> shops) {
            List<String> pilot = new ArrayList<>();
            List<String> control = new ArrayList<>();
            for (City city : List.of(KOELN, BERLIN, HAMBURG, MUENCHEN, FRANKFURT)) {
                List<CreatedShop> inCity = shops.stream().filter(shop -> shop.city() == city).toList();
                for (int index = 0; index < PILOT_SHOPS / 5; index++) {
                    pilot.add(inCity.get(2 * index).id());
                    control.add(inCity.get(2 * index + 1).id());
                }
            }
            return new PilotGroups(pilot, control);
        }

        boolean studies(String shopId) {
            return pilot.contains(shopId) || control.contains(shopId);
        }
    }

    private void load(Map<Service, String> baseUrls) throws IOException, InterruptedException {
        String partners = baseUrls.get(Service.PARTNERS);
        String leads = baseUrls.get(Service.LEADS);
        String targets = baseUrls.get(Service.TARGETS);
        if (api.call("GET", partners + "/partners?size=1", null).get("totalItems").asLong() > 0) {
            System.out.println("Demo data: partners exist already, nothing loaded.");
            return;
        }
        long started = System.nanoTime();
        Random random = seeded("partners and shops");
        Map<String, RetailPartner> partnerIds = new LinkedHashMap<>();
        List<Callable<CreatedShop>> shopCreations = new ArrayList<>();
        for (RetailPartner partner : RETAIL_PARTNERS) {
            Map<String, Object> request = new HashMap<>(Map.of("name", partner.name(), "type", "RETAIL_PARTNER",
                    "tier", partner.tier(), "contact", Map.of("name", person(random), "email",
                            "vertrieb@" + partner.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-")
                                    .replaceAll("-(gmbh|kg|ohg)?-?$", "") + ".example.de")));
            if (partner.boardRole() != null) {
                request.put("advisoryBoard", Map.of("role", partner.boardRole(), "memberSince", (year - 1) + "-01-01"));
            }
            String partnerId = api.call("POST", partners + "/partners", request).get("id").asText();
            partnerIds.put(partnerId, partner);
            for (int index = 0; index < SHOPS_PER_PARTNER; index++) {
                int cities = partner.cities().size();
                shopCreations.add(shopCreation(partners, partnerId, partner.cities().get(index % cities), index,
                        index / cities, random));
            }
        }
        String directSales = api.call("POST", partners + "/partners", Map.of("name", "Telekom Direktvertrieb",
                "type", "DIRECT_SALES", "advisoryBoard", Map.of("role", "MEMBER", "memberSince", year + "-03-01"))).get("id").asText();
        List<CreatedShop> shops = inParallel(shopCreations);
        PilotGroups pilotGroups = PilotGroups.of(shops);
        // Once the shops exist, the parts need nothing of each other: loaded at once, none waits on the round trips of another.
        all(parts, List.<Callable<Void>>of(
                () -> remodelProgramme(partners, shops),
                () -> footfall(partners, shops, seeded("footfall")),
                () -> fieldTeams(partners, directSales, seeded("field teams")),
                () -> customerDaysAndSummit(partners, shops, partnerIds.keySet(), seeded("customer days and summit")),
                () -> targetsAndCalendar(targets, partnerIds, directSales, shops, pilotGroups, seeded("targets and sales")),
                () -> campaigns(leads, pilotGroups)));
        System.out.printf("Demo data: %d partners and a direct sales partner, %d shops, remodel programme, footfall since %d, "
                + "field teams, partner summit, targets for %d, campaigns %s and %s (%.1f s).%n", partnerIds.size(),
                shops.size(), year - 2, year, DEMO_CAMPAIGN, PILOT_CAMPAIGN, (System.nanoTime() - started) / 1e9);
    }

    /** Creates the partner's {@code index}th shop, its {@code inCity}th in {@code city}, when called. */
    private Callable<CreatedShop> shopCreation(String partners, String partnerId, City city, int index, int inCity,
            Random random) {
        String postalCode = city.postalCodes().get(random.nextInt(city.postalCodes().size()));
        String street = city.streets().get(inCity % city.streets().size());
        int streetShop = inCity / city.streets().size() + 1;
        double angle = random.nextDouble() * 2 * Math.PI;
        double distance = 0.01 + random.nextDouble() * 0.05;
        // The first shop of each partner is its flagship, opened in the new format; the others are classic.
        String format = index == 0 ? "NEW_FORMAT" : "CLASSIC";
        Map<String, Object> shop = Map.ofEntries(
                Map.entry("name", city.name() + " " + street + (streetShop > 1 ? " (" + streetShop + ")" : "")),
                Map.entry("street", street + " " + (3 + random.nextInt(180))),
                Map.entry("postalCode", postalCode), Map.entry("city", city.name()), Map.entry("state", city.state()),
                Map.entry("latitude", city.latitude() + distance * Math.cos(angle)),
                Map.entry("longitude", city.longitude() + distance * 1.5 * Math.sin(angle)),
                Map.entry("format", format),
                Map.entry("segments", index % 5 == 0 ? List.of("CONSUMER", "BUSINESS") : List.of("CONSUMER")),
                Map.entry("productLines", List.of("MOBILE", "BROADBAND", "TV", "HOME_NETWORKING")),
                // Its own postal area (the first three digits) is the catchment it serves.
                Map.entry("catchment", List.of(postalCode.substring(0, 3))),
                Map.entry("weeklyLeadCapacity", 30 + 5 * random.nextInt(6)),
                Map.entry("openingHours", OPENING_HOURS),
                // The shop's mailbox for lead mails (the local run's mail server takes any address).
                Map.entry("email", ascii(city.name()) + "-" + (inCity + 1) + "." + partnerId.substring(0, 8)
                        + "@shops.partnernet.example"));
        return () -> new CreatedShop(api.call("POST", partners + "/partners/" + partnerId + "/shops", shop).get("id").asText(),
                partnerId, city, format);
    }

    /**
     * 34 classic shops remodelled this year (started and completed on their days), the rest of this year's goal of
     * 90 planned for the autumn, and the first remodels of next year booked.
     */
    private Void remodelProgramme(String partners, List<CreatedShop> shops) throws IOException, InterruptedException {
        api.call("PUT", partners + "/remodel-programme/goals/" + year, Map.of("remodels", REMODEL_GOAL));
        List<CreatedShop> classic = shops.stream().filter(shop -> shop.format().equals("CLASSIC")).toList();
        // Done between January and a fortnight ago (early in a year, the last months of the year before).
        LocalDate lastDone = today.minusWeeks(2);
        LocalDate firstDone = LocalDate.of(year, 1, 10);
        if (ChronoUnit.DAYS.between(firstDone, lastDone) < 7 * REMODELS_COMPLETED) {
            firstDone = lastDone.minusDays(7L * REMODELS_COMPLETED);
        }
        long doneDays = ChronoUnit.DAYS.between(firstDone, lastDone);
        List<Callable<JsonNode>> remodels = new ArrayList<>();
        for (int index = 0; index < REMODELS_COMPLETED; index++) {
            LocalDate start = firstDone.plusDays(doneDays * index / REMODELS_COMPLETED);
            LocalDate end = start.plusDays(10);
            String shopId = classic.get(index).id();
            remodels.add(() -> {
                JsonNode remodel = api.call("POST", partners + "/shops/" + shopId + "/remodels",
                        Map.of("plannedStart", start.toString(), "plannedEnd", end.toString(), "closesShop", true));
                String id = remodel.get("id").asText();
                remodel = api.change("POST", partners + "/remodels/" + id + "/start?on=" + start, remodel, null);
                return api.change("POST", partners + "/remodels/" + id + "/completion?on=" + end, remodel, null);
            });
        }
        // The autumn, September to mid-December (a week or more before the holidays): a remodel whose day has come
        // was started on it and, its ten days over, completed — but one in eight has not started: overdue.
        LocalDate autumnStart = LocalDate.of(year, 9, 1);
        LocalDate autumnEnd = LocalDate.of(year, 12, 14);
        int planned = REMODEL_GOAL - REMODELS_COMPLETED;
        long autumnDays = ChronoUnit.DAYS.between(autumnStart, autumnEnd);
        for (int index = 0; index < planned + REMODELS_NEXT_YEAR; index++) {
            LocalDate start = index < planned ? autumnStart.plusDays(autumnDays * index / planned)
                    : LocalDate.of(year + 1, 1, 10).plusWeeks(index - planned);
            LocalDate end = start.plusDays(10);
            boolean underway = start.isBefore(today) && index % 8 != 3;
            String shopId = classic.get(REMODELS_COMPLETED + index).id();
            remodels.add(() -> {
                JsonNode remodel = api.call("POST", partners + "/shops/" + shopId + "/remodels",
                        Map.of("plannedStart", start.toString(), "plannedEnd", end.toString(), "closesShop", false));
                if (underway) {
                    String id = remodel.get("id").asText();
                    remodel = api.change("POST", partners + "/remodels/" + id + "/start?on=" + start, remodel, null);
                    if (end.isBefore(today)) {
                        remodel = api.change("POST", partners + "/remodels/" + id + "/completion?on=" + end, remodel, null);
                    }
                }
                return remodel;
            });
        }
        inParallel(remodels);
        return null;
    }

    /**
     * Weekly visitors of every shop since the first week of the baseline year (two years back): the baseline with its
     * seasons, the crisis year's collapse, and this year recovering week by week to about 20 % below the baseline.
     */
    private Void footfall(String partners, List<CreatedShop> shops, Random random) throws IOException, InterruptedException {
        LocalDate lastWeek = today.minusWeeks(1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CreatedShop shop : shops) {
            int base = 1500 + random.nextInt(2500);
            // Each ISO week by its Monday (4 January lies in week 1), up to the last complete week: the one the
            // footfall report ends with by default, whatever the weekday today.
            for (LocalDate week = LocalDate.of(year - 2, 1, 4).with(DayOfWeek.MONDAY); !week.isAfter(lastWeek);
                    week = week.plusWeeks(1)) {
                int weekOfYear = week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                double season = 1 + 0.15 * Math.sin((weekOfYear - 10) * 2 * Math.PI / 52) + (weekOfYear >= 48 ? 0.25 : 0);
                double level = switch (week.get(IsoFields.WEEK_BASED_YEAR) - (year - 2)) {
                    case 0 -> 1.0;
                    // The crisis year: lockdown in spring, a summer respite, closed again in winter.
                    case 1 -> weekOfYear < 12 ? 0.95 : weekOfYear < 20 ? 0.35 : weekOfYear < 42 ? 0.7 : 0.4;
                    // This year: from 45 % in January, recovering week by week to about 80 % of the baseline now.
                    default -> 0.45 + 0.35 * Math.min(1, weekOfYear / (double) lastWeek.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                };
                double noise = 0.95 + random.nextDouble() * 0.1;
                rows.add(Map.of("shopId", shop.id(), "week", isoWeek(week), "visitors", (int) Math.round(base * season * level * noise)));
            }
        }
        for (int from = 0; from < rows.size(); from += 10_000) {
            JsonNode report = api.call("POST", partners + "/footfall", rows.subList(from, Math.min(rows.size(), from + 10_000)));
            if (report.get("rejected").asInt() > 0) {
                throw new IOException("Loading demo footfall: rows were rejected: " + report.get("errors"));
            }
        }
        return null;
    }

    /**
     * The direct sales partner's field teams: Berlin and Hamburg pilot since March with 200 reps, most from the
     * internal pool, Cologne and Munich from May; each team grows month by month, as its headcount plan says, to the
     * year's end.
     */
    private Void fieldTeams(String partners, String partnerId, Random random) throws IOException, InterruptedException {
        for (DemoTeam team : FIELD_TEAMS) {
            LocalDate liveFrom = LocalDate.of(year, team.liveFromMonth(), 1);
            String teamId = api.call("POST", partners + "/partners/" + partnerId + "/field-teams", Map.of(
                    "name", "Direktvertrieb " + team.city(), "city", team.city(), "liveFrom", liveFrom.toString(),
                    "postalCoverage", team.postalCoverage(), "productFocus", List.of("MOBILE", "BROADBAND"),
                    "weeklyLeadCapacity", team.repsAtStart() * 2)).get("id").asText();
            List<Map<String, Object>> plan = new ArrayList<>();
            List<Map<String, Object>> joined = new ArrayList<>();
            int reps = 0;
            for (int month = team.liveFromMonth(); month <= 12; month++) {
                int headcount = team.repsAtStart() + team.repsPerMonth() * (month - team.liveFromMonth());
                plan.add(Map.of("month", YearMonth.of(year, month).toString(), "headcount", headcount));
                LocalDate monthStart = LocalDate.of(year, month, 1);
                // Reps who joined so far; the plan says how many more are to come.
                for (; reps < headcount && !monthStart.isAfter(today); reps++) {
                    boolean internal = random.nextDouble() < team.internalShare();
                    Map<String, Object> rep = Map.of("name", person(random),
                            "employeeNumber", "DV-" + team.city().substring(0, 3).toUpperCase(Locale.ROOT) + "-" + (1000 + reps),
                            "source", internal ? "INTERNAL_POOL" : "EXTERNAL", "startDate", monthStart.toString());
                    joined.add(rep);
                }
            }
            // As HR onboards them: the team's reps so far in one call.
            api.call("POST", partners + "/field-teams/" + teamId + "/reps/batch", joined);
            api.call("PUT", partners + "/field-teams/" + teamId + "/headcount-plan", plan);
        }
        return null;
    }

    /** Executives' customer days, then the partner summit. */
    private Void customerDaysAndSummit(String partners, List<CreatedShop> shops, Iterable<String> partnerIds, Random random)
            throws IOException, InterruptedException {
        customerDays(partners, shops, random);
        partnerSummit(partners, partnerIds, random);
        return null;
    }

    /** Executives who spend days in shops, as the excellence programme asks of them. */
    private void customerDays(String partners, List<CreatedShop> shops, Random random) throws IOException, InterruptedException {
        List<Map<String, String>> executives = List.of(
                Map.of("name", "Dr. Katrin Albers", "email", "katrin.albers@example.de", "title", "Geschäftsführerin Privatkunden"),
                Map.of("name", "Michael Brandt", "email", "michael.brandt@example.de", "title", "Leiter Partnervertrieb"),
                Map.of("name", "Sabine Yilmaz", "email", "sabine.yilmaz@example.de", "title", "Leiterin Shop-Excellence"));
        for (int index = 0; index < executives.size(); index++) {
            String executive = api.call("POST", partners + "/executives", executives.get(index)).get("id").asText();
            for (int day = 0; day < 3 + index; day++) {
                CreatedShop shop = shops.get(random.nextInt(shops.size()));
                api.call("POST", partners + "/executives/" + executive + "/customer-days", Map.of(
                        "date", today.minusDays(7 + 23L * day + 5L * index).toString(), "shopId", shop.id(),
                        "notes", "Einen Tag im Shop in " + shop.city().name() + " mitgearbeitet"));
            }
        }
    }

    /** The partner summit on 5 October at Motorworld Köln (next year's once this year's is over), with registrations. */
    private void partnerSummit(String partners, Iterable<String> partnerIds, Random random) throws IOException, InterruptedException {
        LocalDate summit = LocalDate.of(year, 10, 5);
        if (!summit.isAfter(today.plusDays(7))) {
            summit = summit.plusYears(1);
        }
        String closes = summit.minusDays(7).atTime(LocalTime.of(18, 0)).atZone(Service.CALENDAR_ZONE).toInstant().toString();
        String event = api.call("POST", partners + "/partner-events", Map.of("name", "Partner Summit " + summit.getYear(),
                "date", summit.toString(), "venue", "Motorworld Köln", "city", "Köln", "capacity", 240,
                "maxAttendeesPerPartner", 4, "registrationClosesAt", closes))
                .get("id").asText();
        int registered = 0;
        for (String partnerId : partnerIds) {
            if (registered++ == 6) {
                break;
            }
            List<Map<String, String>> attendees = new ArrayList<>();
            for (int attendee = 0; attendee < 2 + registered % 3; attendee++) {
                attendees.add(Map.of("name", person(random), "role", attendee == 0 ? "Geschäftsführung" : "Shopleitung"));
            }
            api.call("POST", partners + "/partner-events/" + event + "/registrations",
                    Map.of("partnerId", partnerId, "attendees", attendees));
        }
    }

    /**
     * Annual targets per partner and product line; the network's period rules (first half waived, second half at
     * 50 % of the annual target); the promotions calendar; and the sales each partner recorded so far this half, at
     * its own pace.
     */
    private Void targetsAndCalendar(String targets, Map<String, RetailPartner> retailPartners, String directSales,
            List<CreatedShop> shops, PilotGroups pilotGroups, Random random) throws IOException, InterruptedException {
        Map<String, Map<String, Integer>> annual = new LinkedHashMap<>();
        for (String partnerId : retailPartners.keySet()) {
            Map<String, Integer> lines = new LinkedHashMap<>();
            UNITS_PER_SHOP.forEach((line, units) -> lines.put(line, units * SHOPS_PER_PARTNER));
            annual.put(partnerId, lines);
        }
        annual.put(directSales, orderedMap("MOBILE", 2400, "BROADBAND", 1200));
        for (var partner : annual.entrySet()) {
            for (var line : partner.getValue().entrySet()) {
                api.call("PUT", targets + "/partners/" + partner.getKey() + "/targets/" + year + "/" + line.getKey(),
                        Map.of("units", line.getValue(), "reason", "Jahresplanung " + year));
            }
        }
        api.call("POST", targets + "/period-rules", Map.of("type", "WAIVE", "from", year + "-01-01", "to", year + "-06-30",
                "reason", "Corona crisis: the first half is waived"));
        api.call("POST", targets + "/period-rules", Map.of("type", "SCALE", "from", year + "-07-01", "to", year + "-12-31",
                "percent", 50, "reason", "Corona crisis: the second half counts 50 % of the annual target"));
        api.call("POST", targets + "/calendar/promotions", Map.of("name", "Magenta Thursday deal days",
                "from", year + "-01-01", "to", year + "-12-31", "dayOfWeek", "THURSDAY", "uplift", 0.3));
        api.call("POST", targets + "/calendar/promotions", Map.of("name", "Combo launch: mobile and broadband",
                "from", year + "-09-01", "to", year + "-09-30", "uplift", 0.4, "productLines", List.of("MOBILE", "BROADBAND")));
        api.call("POST", targets + "/calendar/promotions", Map.of("name", "TV campaign", "from", year + "-10-04",
                "to", year + "-10-31", "uplift", 0.5, "productLines", List.of("TV")));

        // Sales recorded week by week since the half began, each partner at its own pace of the half's target; the
        // pilot's and control shops' own, shop by shop, from the weeks its evaluation compares on, the pilot shops'
        // PILOT_UPLIFT higher since it started.
        List<Map<String, Object>> sales = new ArrayList<>();
        LocalDate halfStart = LocalDate.of(year, 7, 1);
        LocalDate pilotStart = pilotStart();
        for (var partner : annual.entrySet()) {
            RetailPartner retail = retailPartners.get(partner.getKey());
            double pace = retail != null ? retail.pace() : 0.93;
            List<CreatedShop> own = shops.stream().filter(shop -> shop.partnerId().equals(partner.getKey())).toList();
            List<CreatedShop> others = own.stream().filter(shop -> !pilotGroups.studies(shop.id())).toList();
            for (var line : partner.getValue().entrySet()) {
                double perWeek = line.getValue() * 0.5 / 26.0 * pace;
                double othersPerWeek = own.isEmpty() ? perWeek : perWeek * others.size() / own.size();
                for (LocalDate week = halfStart.with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
                        week.isBefore(today); week = week.plusWeeks(1)) {
                    String shopId = others.isEmpty() ? null : others.get(random.nextInt(others.size())).id();
                    sale(sales, partner.getKey(), shopId, line.getKey(), week, othersPerWeek, random);
                }
                for (CreatedShop shop : own.stream().filter(shop -> pilotGroups.studies(shop.id())).toList()) {
                    for (LocalDate week = earlier(halfStart, pilotStart.minusWeeks(WEEKS_BEFORE_PILOT))
                            .with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY)); week.isBefore(today); week = week.plusWeeks(1)) {
                        boolean uplifted = pilotGroups.pilot().contains(shop.id()) && !week.isBefore(pilotStart);
                        sale(sales, partner.getKey(), shop.id(), line.getKey(), week,
                                perWeek / own.size() * (uplifted ? 1 + PILOT_UPLIFT : 1), random);
                    }
                }
            }
        }
        for (int from = 0; from < sales.size(); from += 1000) {
            JsonNode result = api.call("POST", targets + "/sales/batch", sales.subList(from, Math.min(sales.size(), from + 1000)));
            if (result.get("rejected").asInt() > 0) {
                throw new IOException("Loading demo sales: rows were rejected: " + result);
            }
        }
        return null;
    }

    /** One week's sale of a line on Thursday afternoon, around {@code units} (±20 %); none when that rounds to 0. */
    private void sale(List<Map<String, Object>> sales, String partnerId, String shopId, String line, LocalDate thursday,
            double units, Random random) {
        int sold = (int) Math.round(units * (0.8 + random.nextDouble() * 0.4));
        if (sold <= 0) {
            return;
        }
        Map<String, Object> sale = new HashMap<>(Map.of("externalSaleId",
                "demo-" + (shopId != null ? shopId : partnerId).substring(0, 8) + "-" + line + "-" + thursday,
                "partnerId", partnerId, "productLine", line,
                "soldAt", thursday.atTime(15, 0).atZone(Service.CALENDAR_ZONE).toInstant().toString(),
                "units", Math.min(sold, 1000)));
        if (shopId != null) {
            sale.put("shopId", shopId);
        }
        sales.add(sale);
    }

    /** The pilot started on a Monday, {@link #PILOT_WEEKS} complete weeks ago. */
    private LocalDate pilotStart() {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(PILOT_WEEKS);
    }

    /**
     * The rolled-out TV campaign, and the AI social-media pilot: ten shops in the pilot, ten comparable ones (the same
     * cities) as its control group.
     */
    private Void campaigns(String leads, PilotGroups pilotGroups) throws IOException, InterruptedException {
        api.call("POST", leads + "/campaigns", Map.of("code", DEMO_CAMPAIGN, "name", "Magenta TV social ads",
                "channel", "INSTAGRAM", "targetingModel", "lookalike-ai", "targetingVersion", "2.4",
                "productFocus", List.of("TV"), "segment", "CONSUMER", "startsOn", year + "-01-01", "status", "ROLLED_OUT"));
        api.call("POST", leads + "/campaigns", Map.ofEntries(Map.entry("code", PILOT_CAMPAIGN),
                Map.entry("name", "AI social-media pilot"), Map.entry("channel", "FACEBOOK"),
                Map.entry("targetingModel", "ai-audience"), Map.entry("targetingVersion", "1.0"),
                Map.entry("productFocus", List.of("MOBILE", "BROADBAND", "TV")), Map.entry("segment", "CONSUMER"),
                Map.entry("startsOn", pilotStart().toString()), Map.entry("status", "PILOT"),
                Map.entry("pilotShops", pilotGroups.pilot()), Map.entry("controlShops", pilotGroups.control())));
        return null;
    }

    static Optional<String> firstPartner(String partnersBaseUrl, String salesManagerToken)
            throws IOException, InterruptedException {
        JsonNode first = new ApiClient(salesManagerToken).get(partnersBaseUrl + "/partners?size=1&sort=name").path("items").path(0);
        return first.isMissingNode() ? Optional.empty() : Optional.of(first.get("id").asText());
    }

    /** A name as the local part of an address: lower case, umlauts written out, nothing but letters and digits. */
    private static String ascii(String name) {
        return name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replaceAll("[^a-z0-9]", "");
    }

    /** The partner's first shop by name, if it has one. */
    static Optional<String> firstShop(String partnersBaseUrl, String salesManagerToken, String partnerId)
            throws IOException, InterruptedException {
        JsonNode first = new ApiClient(salesManagerToken).get(partnersBaseUrl + "/partners/" + partnerId
                + "/shops?size=1&sort=name").path("items").path(0);
        return first.isMissingNode() ? Optional.empty() : Optional.of(first.get("id").asText());
    }

    /**
     * Runs independent calls four at a time (the local run has two cores and three services to keep busy), in their
     * order's results; the first failure fails the load.
     */
    private <T> List<T> inParallel(List<Callable<T>> calls) throws IOException, InterruptedException {
        return all(pool, calls);
    }

    /** Runs {@code calls} on {@code executor} and returns their results in their order; the first failure fails the load. */
    private static <T> List<T> all(ExecutorService executor, List<Callable<T>> calls) throws IOException, InterruptedException {
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> result : executor.invokeAll(calls)) {
                results.add(result.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        return results;
    }

    private static ExecutorService daemonThreads(int threads, String name) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The random numbers of one part of the network: the same each run, whatever the other parts draw meanwhile. */
    private static Random seeded(String part) {
        return new Random(("demo 2021 " + part).hashCode());
    }

    private static String person(Random random) {
        return FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " " + LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
    }

    /** The ISO week, e.g. 2026-W05 (the week date without its day). */
    private static String isoWeek(LocalDate day) {
        return day.format(DateTimeFormatter.ISO_WEEK_DATE).substring(0, 8);
    }

    private static LocalDate earlier(LocalDate one, LocalDate other) {
        return one.isBefore(other) ? one : other;
    }


    private static Map<String, Integer> orderedMap(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            map.put((String) keysAndValues[index], (Integer) keysAndValues[index + 1]);
        }
        return map;
    }
}
