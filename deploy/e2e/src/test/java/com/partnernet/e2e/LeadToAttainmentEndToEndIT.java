package com.partnernet.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.k8s.Manifests;
import com.partnernet.testkit.conformance.EventSchemas;
import com.partnernet.testkit.infrastructure.Infrastructure;
import com.partnernet.testkit.token.JwtKeys;
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.infrastructure.MailServer;
import com.partnernet.testkit.service.MetricsText;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.service.ServiceProcess;
import com.partnernet.testkit.token.Tokens;
import com.partnernet.testkit.infrastructure.TraceViewer;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The design card's main story across the three packaged services (fast-jars started as processes, as the local
 * run starts them) on real PostgreSQL and Kafka, driven only through their public APIs and topics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeadToAttainmentEndToEndIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int YEAR = Year.now(Service.CALENDAR_ZONE).getValue();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Infrastructure infrastructure;
    static final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    static KafkaTestClient kafka;
    static Tokens tokens;
    static Path tokenPublicKey;

    @BeforeAll
    static void startSystem() throws Exception {
        Path root = Path.of(System.getProperty("partnernet.root", "../..")).toAbsolutePath().normalize();
        Path logs = root.resolve("deploy/e2e/target/e2e-logs");
        // The services trust a key pair of this run only, as they would trust the identity provider's key.
        Path jwt = Files.createTempDirectory("e2e-jwt");
        tokens = new Tokens(JwtKeys.inFolder(jwt), Tokens.TEST_ISSUER);
        tokenPublicKey = jwt.resolve(JwtKeys.PUBLIC_KEY_FILE);
        infrastructure = Infrastructure.start(Infrastructure.Settings.ephemeral().withTraceViewer(),
                List.of(Service.values()).stream().map(service -> service.database).toList());
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Infrastructure.freePort());
        }
        for (Service service : Service.values()) {
            Map<String, String> env = new HashMap<>(service.environment(infrastructure.jdbcUrl(service.database),
                    infrastructure.bootstrapServers(), other -> "http://127.0.0.1:" + ports.get(other), Tokens.TEST_ISSUER,
                    tokenPublicKey, infrastructure.smtpPort()));
            env.putAll(Service.tracingTo(infrastructure.traceViewerPort()));
            if (service == Service.TARGETS) {
                // Attainment gauges without the production pause (the metrics check waits for them).
                env.put("TARGETS_METRICS_ATTAINMENT_INTERVAL", "2s");
            }
            if (service == Service.LEADS) {
                // It writes shops' mails but sends none: the instances after its restart must (see the mail test).
                env.put("LEADS_NOTIFICATIONS_SEND_INTERVAL", "off");
            }
            services.put(service, ServiceProcess.start(service.serviceName, service.jar(root), ports.get(service),
                    Infrastructure.freePort(), env, Service.JVM_OPTIONS, logs.resolve(service.serviceName + ".log"), false));
        }
        for (ServiceProcess process : services.values()) {
            process.awaitReady(Duration.ofSeconds(90));
        }
        kafka = new KafkaTestClient(infrastructure.bootstrapServers());
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        for (ServiceProcess process : services.values()) {
            process.stop(Duration.ofSeconds(20));
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void campaignLeadReachesTheShopsPipelineAndItsWinCountsOnceTowardThePartnersTarget() throws Exception {
        String leads = url(Service.LEADS);
        String targets = url(Service.TARGETS);

        String partnerId = createPartner("Rhein Mobilfunk GmbH");
        String shopId = openShop(partnerId, Map.of("name", "Köln Hohe Straße", "street", "Hohe Straße 52",
                "postalCode", "50667", "city", "Köln", "state", "DE-NW", "latitude", 50.9375, "longitude", 6.9571,
                "format", "CLASSIC", "productLines", List.of("TV", "MOBILE")));
        setTarget(partnerId, "TV", 10);

        // Marketing starts its campaign; leads name it by its code.
        as(Tokens.MARKETING_SYSTEM).contentType(ContentType.JSON).body(Map.of("code", "magenta-tv-ai-pilot", "name", "Magenta TV AI pilot",
                "channel", "FACEBOOK", "productFocus", List.of("TV"), "segment", "CONSUMER",
                "startsOn", YEAR + "-01-01", "status", "ROLLED_OUT"))
                .post(leads + "/campaigns").then().statusCode(201);

        // leads-service learns about the shop from partners.shop-events alone.
        // The partner's own staff work the shop's pipeline.
        await().atMost(WAIT).untilAsserted(() -> asPartnerUser(partnerId).get(leads + "/shops/{shopId}/pipeline", shopId)
                .then().statusCode(200).body("shopName", equalTo("Köln Hohe Straße")));

        // A marketing system publishes a campaign lead.
        String externalId = "fb-" + UUID.randomUUID();
        kafka.send("leads.inbound", "meta-ads:" + externalId, JSON.writeValueAsString(Map.of(
                "source", "meta-ads", "externalId", externalId, "campaign", "magenta-tv-ai-pilot",
                "productLine", "TV", "postalCode", "50667",
                "contact", Map.of("name", "Erika Mustermann", "email", "erika@example.org"),
                "consent", Map.of("granted", true, "grantedAt", Instant.now().toString()))));
        String leadId = await().atMost(WAIT).until(() -> asPartnerUser(partnerId).get(leads + "/shops/{shopId}/pipeline", shopId)
                .then().statusCode(200).extract().<String>path("items.find { it.externalId == '" + externalId + "' }.id"),
                id -> id != null);

        // The shop wins it; targets-service counts it.
        asPartnerUser(partnerId).contentType(ContentType.JSON).body(Map.of("status", "WON"))
                .put(leads + "/leads/{leadId}/status", leadId).then().statusCode(200).body("status", equalTo("WON"));
        await().atMost(WAIT).untilAsserted(() -> asPartnerUser(partnerId).get(targets + "/partners/{partnerId}/attainment", partnerId)
                .then().statusCode(200)
                .body("total.soldUnits", equalTo(1))
                .body("total.percentage", equalTo(10.0f)));

        // One trace follows the lead (its id is on the lead): intake, the relay's LeadAssigned and LeadWon, the shop's
        // move (a span linking to its request's trace) and targets-service counting the sale, in the trace viewer.
        String traceId = as(Tokens.OPS).get(leads + "/leads/{id}", leadId).then().extract().path("traceId");
        // Each service sends its spans in batches of its own: wait until all of them arrived.
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> trace = TraceViewer.trace(infrastructure.traceViewerPort(), traceId);
            JsonNode intake = span(trace, "leads-service", "process leads.inbound");
            JsonNode assigned = span(trace, "leads-service", "publish leads.events leadassigned");
            JsonNode move = span(trace, "leads-service", "lead event leadwon");
            JsonNode wonPublished = span(trace, "leads-service", "publish leads.events leadwon");
            JsonNode counted = span(trace, "targets-service", "process leads.events leadwon");
            assertEquals(intake.path("id").asText(), assigned.path("parentId").asText());
            assertEquals(intake.path("id").asText(), move.path("parentId").asText());
            assertEquals(move.path("id").asText(), wonPublished.path("parentId").asText());
            assertEquals(wonPublished.path("id").asText(), counted.path("parentId").asText());
            assertEquals("CONSUMER", counted.path("kind").asText());
        });

        // Kafka delivers the LeadWon event again: attainment stays one.
        ConsumerRecord<String, String> won = kafka.await("leads.events",
                r -> shopId.equals(r.key()) && "LeadWon".equals(KafkaTestClient.header(r, "type")), WAIT);
        Map<String, String> headers = Map.of("eventId", KafkaTestClient.header(won, "eventId"),
                "type", KafkaTestClient.header(won, "type"));
        kafka.send("leads.events", won.key(), won.value(), headers);
        // Then a second win on the same shop (same partition, so after the redelivery) shows the consumer got there.
        String secondLead = "fb-" + UUID.randomUUID();
        kafka.send("leads.inbound", "meta-ads:" + secondLead, JSON.writeValueAsString(Map.of(
                "source", "meta-ads", "externalId", secondLead, "campaign", "magenta-tv-ai-pilot",
                "productLine", "TV", "postalCode", "50667",
                "contact", Map.of("name", "Max Mustermann", "phone", "+49 221 7654321"),
                "consent", Map.of("granted", true))));
        String secondLeadId = await().atMost(WAIT).until(() -> asPartnerUser(partnerId).get(leads + "/shops/{shopId}/pipeline", shopId)
                .then().extract().<String>path("items.find { it.externalId == '" + secondLead + "' }.id"), id -> id != null);
        asPartnerUser(partnerId).contentType(ContentType.JSON).body(Map.of("status", "WON"))
                .put(leads + "/leads/{leadId}/status", secondLeadId).then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> as(Tokens.OPS).get(targets + "/partners/{partnerId}/attainment", partnerId)
                .then().body("total.soldUnits", equalTo(2)));
        List<ConsumerRecord<String, String>> wins = kafka.all("leads.events",
                r -> shopId.equals(r.key()) && "LeadWon".equals(KafkaTestClient.header(r, "type")));
        assertEquals(3, wins.size(), "two wins plus the redelivered one were on the topic");
    }

    /**
     * Four pilot and four control shops, twelve weeks before the pilot and four weeks of it, each shop steady within a
     * period. Per 1,000 visitors the pilot shops sold 10, 12, 14, 16 a week before and 13, 15, 17, 20 during; the
     * control shops 10, 10, 12, 12 and 11, 10, 13, 12. Pilot shops have twice the visitors (2,000 a week against 1,000),
     * so twice the units. Worked out in {@code PilotStudyTest.aSmallNetworkWorkedOutByHand}: per 1,000 visitors
     * 2.75, 95 % interval [1.811, 3.689] — ROLL_OUT; in units a week 6.5 − 0.5 = 6. Sales come from targets-service,
     * footfall from partners-service, both read with the caller's token; a lead won today counts in a week not yet over.
     */
    @Test
    void pilotEvaluationComparesPilotAndControlShopsSalesAcrossTheServices() {
        String partners = url(Service.PARTNERS);
        String leads = url(Service.LEADS);
        String targets = url(Service.TARGETS);
        String partnerId = createPartner("Pilot Partner GmbH");
        long[][] pilotUnits = { { 10, 13 }, { 12, 15 }, { 14, 17 }, { 16, 20 } };
        long[][] controlUnits = { { 10, 11 }, { 10, 10 }, { 12, 13 }, { 12, 12 } };
        List<String> pilotShops = new ArrayList<>();
        List<String> controlShops = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean pilot = i < 4;
            (pilot ? pilotShops : controlShops).add(openShop(partnerId, Map.of("name", (pilot ? "Bonn Pilot " : "Bonn Control ") + i,
                    "street", "Remigiusstraße " + (i + 1), "postalCode", "5311" + i, "city", "Bonn", "state", "DE-NW",
                    "latitude", 50.7347 + i * 0.01, "longitude", 7.1008, "format", "NEW_FORMAT", "productLines", List.of("TV"),
                    "catchment", List.of("5311" + i))));
        }
        LocalDate thisWeek = LocalDate.now(Service.CALENDAR_ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate start = thisWeek.minusWeeks(4);
        List<Map<String, Object>> footfall = new ArrayList<>();
        List<Map<String, Object>> sales = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean pilot = i < 4;
            String shopId = pilot ? pilotShops.get(i) : controlShops.get(i - 4);
            long[] units = pilot ? pilotUnits[i] : controlUnits[i - 4];
            int visitors = pilot ? 2000 : 1000;
            for (LocalDate week = start.minusWeeks(12); week.isBefore(thisWeek); week = week.plusWeeks(1)) {
                footfall.add(Map.of("shopId", shopId, "week", isoWeek(week), "visitors", visitors));
                sales.add(Map.of("externalSaleId", "pos-" + shopId + "-" + week, "partnerId", partnerId, "shopId", shopId,
                        "productLine", "TV", "units", units[week.isBefore(start) ? 0 : 1] * visitors / 1000,
                        "soldAt", week.plusDays(2).atTime(12, 0).atZone(Service.CALENDAR_ZONE).toInstant().toString()));
            }
        }
        asPartnerUser(partnerId).contentType(ContentType.JSON).body(footfall).post(partners + "/footfall")
                .then().statusCode(200).body("inserted", equalTo(128));
        as(Tokens.SALES_MANAGER).contentType(ContentType.JSON).body(sales).post(targets + "/sales/batch")
                .then().statusCode(200).body("created", equalTo(128));
        String campaignId = as(Tokens.MARKETING_SYSTEM).contentType(ContentType.JSON).body(Map.of("code", "bonn-tv-pilot",
                "name", "Bonn TV pilot", "channel", "INSTAGRAM", "productFocus", List.of("TV"), "segment", "CONSUMER",
                "startsOn", start.toString(), "status", "PILOT", "pilotShops", pilotShops, "controlShops", controlShops))
                .post(leads + "/campaigns").then().statusCode(201).extract().path("id");
        for (String shopId : pilotShops) {
            await().atMost(WAIT).untilAsserted(() -> as(Tokens.OPS).get(leads + "/routing-directory/shops/{id}", shopId).then().statusCode(200));
        }

        String leadId = as(Tokens.MARKETING_SYSTEM).contentType(ContentType.JSON).body(Map.of("source", "instagram", "externalId", "ig-" + UUID.randomUUID(),
                "campaign", "bonn-tv-pilot", "productLine", "TV", "postalCode", "53110",
                "contact", Map.of("name", "Bernd Beispiel", "phone", "0228 123456"), "consent", Map.of("granted", true)))
                .post(leads + "/leads").then().statusCode(201).body("outcome", equalTo("CREATED")).extract().path("id");
        as(Tokens.OPS).get(leads + "/leads/{id}", leadId).then().body("shopId", equalTo(pilotShops.get(0)));
        asPartnerUser(partnerId).contentType(ContentType.JSON).body(Map.of("status", "WON")).put(leads + "/leads/{id}/status", leadId)
                .then().statusCode(200);

        // The caller's trace context goes along: the evaluation's reads of sales and footfall are in its trace.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        as(Tokens.SALES_MANAGER).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get(leads + "/campaigns/{id}/evaluation", campaignId).then().statusCode(200)
                .body("recommendation", equalTo("ROLL_OUT")).body("conclusive", equalTo(true))
                .body("periods.before.weeks", equalTo(12)).body("periods.during.weeks", equalTo(4))
                .body("periods.during.from", equalTo(start.toString()))
                .body("estimates[0].outcome", equalTo("UNITS_PER_1000_VISITORS"))
                .body("estimates[0].difference", equalTo(2.75f))
                .body("estimates[0].lower", equalTo(1.811f)).body("estimates[0].upper", equalTo(3.689f))
                .body("estimates[1].outcome", equalTo("UNITS_PER_WEEK")).body("estimates[1].difference", equalTo(6.0f))
                .body("comparability.comparable", equalTo(true))
                .body("comparability.footfall.levelDifferencePercent", equalTo(100.0f))
                .body("comparability.warnings", hasItem(containsString("100 % more visitors per week")))
                .body("pilotLeads.leads", equalTo(1)).body("pilotLeads.won", equalTo(1))
                .body("shops.find { it.name == 'Bonn Pilot 3' }.change", equalTo(4.0f))
                .body("sources.sales", equalTo("targets-service, GET /sales/weekly"))
                .body("sources.footfall", equalTo("partners-service, GET /footfall/report"));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(Set.of("leads-service", "targets-service", "partners-service"),
                TraceViewer.trace(infrastructure.traceViewerPort(), traceId).stream()
                        .filter(span -> span.path("kind").asText().equals("SERVER"))
                        .map(span -> span.path("localEndpoint").path("serviceName").asText())
                        .collect(Collectors.toSet())));
    }

    /** The one span of {@code service} named {@code name} (Zipkin lower-cases names). */
    private static JsonNode span(List<JsonNode> trace, String service, String name) {
        List<JsonNode> matching = trace.stream()
                .filter(span -> span.path("localEndpoint").path("serviceName").asText().equals(service))
                .filter(span -> span.path("name").asText().equals(name))
                .toList();
        assertEquals(1, matching.size(), () -> "spans of " + service + " named " + name + ": " + trace);
        return matching.get(0);
    }

    /**
     * What ops deploy (deploy/k8s, prod overlay) fits the running services: every probe path answers UP, and every
     * metric an alert or the dashboard reads is exposed once the platform has seen each kind of lead.
     */
    @Test
    void everyProbeAnswersAndEveryMetricTheAlertsAndTheDashboardReadIsExposed() throws Exception {
        Path kubectl = Manifests.kubectl().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl is not on the PATH: alerts and dashboard NOT checked against the services");
        Manifests prod = Manifests.render(kubectl, Manifests.root().resolve("deploy/k8s/overlays/prod"));

        String leads = url(Service.LEADS);
        String partnerId = createPartner("Elbe Telekom Shops KG");
        String shopId = openShop(partnerId, Map.of("name", "Hamburg Mönckebergstraße", "street", "Mönckebergstraße 7",
                "postalCode", "20095", "city", "Hamburg", "state", "DE-HH", "latitude", 53.5503, "longitude", 10.0006,
                "format", "NEW_FORMAT", "productLines", List.of("MOBILE")));
        setTarget(partnerId, "MOBILE", 50);
        as(Tokens.MARKETING_SYSTEM).contentType(ContentType.JSON).body(Map.of("code", "hamburg-mobile-reels", "name", "Hamburg mobile reels",
                "channel", "INSTAGRAM", "productFocus", List.of("MOBILE"), "segment", "CONSUMER",
                "startsOn", YEAR + "-01-01", "status", "ROLLED_OUT"))
                .post(leads + "/campaigns").then().statusCode(201);
        await().atMost(WAIT).untilAsserted(() -> as(Tokens.OPS).get(leads + "/routing-directory/shops/{id}", shopId).then().statusCode(200));

        // A lead the shop takes, the same person again (a duplicate), one from where no shop is (unrouted), a bad record.
        Map<String, Object> contact = Map.of("name", "Hanna Hansen", "email", "hanna." + UUID.randomUUID() + "@example.org");
        for (Map<String, Object> lead : List.of(Map.of("postalCode", "20095", "contact", contact), Map.of("postalCode", "20095", "contact", contact),
                Map.of("postalCode", "01067", "contact", Map.of("name", "Dora Dresden", "phone", "0351 123456")))) {
            String externalId = "ig-" + UUID.randomUUID();
            Map<String, Object> record = new HashMap<>(Map.of("source", "instagram", "externalId", externalId,
                    "campaign", "hamburg-mobile-reels", "productLine", "MOBILE", "consent", Map.of("granted", true)));
            record.putAll(lead);
            kafka.send("leads.inbound", "instagram:" + externalId, JSON.writeValueAsString(record));
        }
        kafka.send("leads.inbound", "instagram:broken", "{\"source\": \"instagram\"");
        await().atMost(WAIT).untilAsserted(() -> as(Tokens.OPS).get(leads + "/leads?campaign=hamburg-mobile-reels").then()
                .body("totalItems", equalTo(3)));
        // And one the shop declines as not its area.
        String declined = as(Tokens.MARKETING_SYSTEM).contentType(ContentType.JSON).body(Map.of("source", "instagram",
                "externalId", "ig-" + UUID.randomUUID(), "campaign", "hamburg-mobile-reels", "productLine", "MOBILE",
                "postalCode", "20095", "contact", Map.of("name", "Jens Jensen", "phone", "040 123456"), "consent", Map.of("granted", true)))
                .post(leads + "/leads").then().statusCode(201).extract().path("id");
        asPartnerUser(partnerId).contentType(ContentType.JSON).body(Map.of("reason", "NOT_OUR_AREA"))
                .post(leads + "/leads/{id}/decline", declined).then().statusCode(204);

        for (JsonNode deployment : prod.ofKind("Deployment")) {
            Service service = Service.valueOf(deployment.at("/metadata/name").asText().replace("-service", "").toUpperCase());
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                // The probes ask the management port (the Deployment names its container port), never the API's.
                assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), probe);
                given().get(services.get(service).managementUrl() + container.at("/" + probe + "/httpGet/path").asText())
                        .then().statusCode(200).body("status", equalTo("UP"));
                given().get(url(service) + container.at("/" + probe + "/httpGet/path").asText()).then().statusCode(401);
            }
        }
        Set<String> read = new TreeSet<>();
        for (String query : prod.queries()) {
            read.addAll(Manifests.metricNames(query));
        }
        read.removeAll(Manifests.KUBE_STATE_METRICS);
        read.removeAll(Manifests.KAFKA_EXPORTER_METRICS);
        // Gauges computed on a schedule (attainment: every 2 s here) appear within a few seconds.
        await().atMost(WAIT).untilAsserted(() -> {
            Set<String> missing = new TreeSet<>(read);
            for (Service service : Service.values()) {
                given().get(services.get(service).managementUrl() + "/q/metrics").then().statusCode(200).extract().asString().lines()
                        .map(MetricsText::series).filter(Objects::nonNull)
                        .forEach(series -> missing.remove(series.split("\\{", 2)[0]));
            }
            assertEquals(Set.of(), missing, "metrics that alerts or the dashboard read but no service exposes");
        });
    }

    /** Last, when the other scenarios have published what they publish. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyEventTheServicesPublishedMatchesItsSchemaInTheAsyncApiDocument() throws Exception {
        EventSchemas schemas = new EventSchemas(Path.of(System.getProperty("partnernet.root", "../..")));
        List<String> violations = new ArrayList<>();
        Map<String, Integer> checked = new TreeMap<>();
        for (String topic : List.of("partners.shop-events", "leads.events", "targets.events")) {
            for (ConsumerRecord<String, String> record : kafka.all(topic, r -> true)) {
                String type = KafkaTestClient.header(record, "type");
                checked.merge(topic + " " + type, 1, Integer::sum);
                schemas.violationsOfEvent(record.value())
                        .forEach(violation -> violations.add(topic + " " + type + " " + record.key() + ": " + violation));
            }
        }
        assertEquals(List.of(), violations, "events off their schema (checked: " + checked + ")");
        for (String type : List.of("partners.shop-events ShopOpened", "leads.events LeadAssigned", "leads.events LeadWon",
                "targets.events TargetAdjusted")) {
            assertTrue(checked.containsKey(type), type + " was not among the events checked: " + checked);
        }
    }

    /**
     * A shop's mail about a new lead is written with the assignment and sent once: not lost when the instance that
     * wrote it stops before sending, and not doubled by two instances sending at once after the restart.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aLeadMailIsSentOnceAcrossARestartAndTwoInstances() throws Exception {
        String partnerId = createPartner("Elbe Telekommunikation GmbH");
        String mailbox = "altmarkt-" + UUID.randomUUID() + "@shops.example";
        String shopId = openShop(partnerId, Map.of("name", "Dresden Altmarkt", "street", "Altmarkt 1", "postalCode", "01067",
                "city", "Dresden", "state", "DE-SN", "latitude", 51.0504, "longitude", 13.7373, "format", "CLASSIC",
                "productLines", List.of("TV"), "email", mailbox));
        await().atMost(WAIT).untilAsserted(() -> asPartnerUser(partnerId).get(url(Service.LEADS) + "/shops/{shopId}/pipeline",
                shopId).then().statusCode(200));
        // The running instance writes the mail but sends none; it is stopped before anyone sent it.
        ServiceProcess writer = services.get(Service.LEADS);
        int port = writer.port();
        as(Tokens.MARKETING_SYSTEM).contentType(ContentType.JSON).body(Map.of("source", "meta-ads", "externalId",
                "mail-" + UUID.randomUUID(), "campaign", "magenta-tv-ai-pilot", "productLine", "TV", "postalCode", "01067",
                "shopId", shopId, "contact", Map.of("name", "Jana Becker", "phone", "+49 351 4567890"),
                "consent", Map.of("granted", true, "grantedAt", Instant.now().toString())))
                .post(url(Service.LEADS) + "/leads").then().statusCode(201);
        writer.stop(Duration.ofSeconds(20));
        assertEquals(List.of(), MailServer.inbox(infrastructure.mailApiUrl(), mailbox), "nothing sent before the restart");

        // Two instances after the restart, both sending every second.
        ServiceProcess first = startLeads(Service.LEADS.serviceName + "-restarted", port, Infrastructure.freePort());
        services.put(Service.LEADS, first);
        ServiceProcess second = startLeads("leads-service-second", Infrastructure.freePort(), Infrastructure.freePort());
        try {
            first.awaitReady(Duration.ofSeconds(90));
            second.awaitReady(Duration.ofSeconds(90));
            await().atMost(WAIT).until(() -> MailServer.inbox(infrastructure.mailApiUrl(), mailbox).size() == 1);
            Thread.sleep(3_000); // three more rounds of both senders
            List<MailServer.Mail> mails = MailServer.inbox(infrastructure.mailApiUrl(), mailbox);
            assertEquals(1, mails.size(), mails.stream().map(MailServer.Mail::subject).toList().toString());
            assertTrue(mails.get(0).subject().startsWith("Neuer Lead: TV (Privatkunde) in 01067"), mails.get(0).subject());
        } finally {
            second.stop(Duration.ofSeconds(20));
        }
    }

    /** Another leads-service instance on the system's database and broker, sending mails every second. */
    private static ServiceProcess startLeads(String name, int port, int managementPort) throws Exception {
        Service service = Service.LEADS;
        Path root = Path.of(System.getProperty("partnernet.root", "../..")).toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(service.environment(infrastructure.jdbcUrl(service.database),
                infrastructure.bootstrapServers(), LeadToAttainmentEndToEndIT::url, Tokens.TEST_ISSUER, tokenPublicKey,
                infrastructure.smtpPort()));
        env.put("LEADS_NOTIFICATIONS_SEND_INTERVAL", "1s");
        return ServiceProcess.start(name, service.jar(root), port, managementPort, env, Service.JVM_OPTIONS,
                root.resolve("deploy/e2e/target/e2e-logs/" + name + ".log"), false);
    }

    @Test
    void aServiceWithoutATrustedIssuerAndKeyRefusesToStart() throws Exception {
        Service service = Service.PARTNERS;
        Map<String, String> env = new HashMap<>(service.environment(infrastructure.jdbcUrl(service.database),
                infrastructure.bootstrapServers(), other -> "http://127.0.0.1:9", Tokens.TEST_ISSUER, tokenPublicKey,
                infrastructure.smtpPort()));
        env.remove("MP_JWT_VERIFY_ISSUER");
        env.remove("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        Path root = Path.of(System.getProperty("partnernet.root", "../..")).toAbsolutePath().normalize();
        ServiceProcess unconfigured = ServiceProcess.start("unconfigured-" + service.serviceName, service.jar(root),
                Infrastructure.freePort(), Infrastructure.freePort(), env, Service.JVM_OPTIONS,
                root.resolve("deploy/e2e/target/e2e-logs/unconfigured.log"), false);
        try {
            IOException refused = assertThrows(IOException.class, () -> unconfigured.awaitReady(Duration.ofSeconds(60)));
            assertTrue(refused.getMessage().contains("exited with code"), refused.getMessage());
            assertTrue(refused.getMessage().contains("mp.jwt.verify.issuer"), refused.getMessage());
        } finally {
            unconfigured.stop(Duration.ofSeconds(5));
        }
    }

    private static String createPartner(String name) {
        return as(Tokens.SALES_MANAGER).contentType(ContentType.JSON).body(Map.of("name", name, "type", "RETAIL_PARTNER"))
                .post(url(Service.PARTNERS) + "/partners").then().statusCode(201).extract().path("id");
    }

    private static void setTarget(String partnerId, String productLine, int units) {
        as(Tokens.SALES_MANAGER).contentType(ContentType.JSON).body(Map.of("units", units))
                .put(url(Service.TARGETS) + "/partners/{partnerId}/targets/{year}/{line}", partnerId, YEAR, productLine)
                .then().statusCode(200);
    }

    /** Opens a consumer shop (25 leads a week) of the partner in partners-service; returns its id. */
    private static String openShop(String partnerId, Map<String, Object> shop) {
        Map<String, Object> body = new HashMap<>(Map.of("segments", List.of("CONSUMER"), "weeklyLeadCapacity", 25));
        body.putAll(shop);
        return as(Tokens.SALES_MANAGER).contentType(ContentType.JSON).body(body)
                .post(url(Service.PARTNERS) + "/partners/{partnerId}/shops", partnerId).then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(tokens.forRole(role));
    }

    private static RequestSpecification asPartnerUser(String partnerId) {
        return given().auth().oauth2(tokens.forPartner(partnerId));
    }

    private static String isoWeek(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String url(Service service) {
        return services.get(service).baseUrl();
    }
}
