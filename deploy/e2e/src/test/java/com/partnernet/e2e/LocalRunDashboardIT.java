package com.partnernet.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.local.DemoData;
import com.partnernet.testkit.infrastructure.Infrastructure;
import com.partnernet.local.LocalStack;
import com.partnernet.testkit.service.MetricsText;
import com.partnernet.testkit.service.Service;

import io.restassured.RestAssured;

/**
 * README's run command as a newcomer runs it (in a state folder and on ports of its own): it loads the demo network,
 * starts the lead simulator and serves the dashboard; headless Chromium (Debian's, driven by Selenium) loads the page
 * and every chart must fill with data from the three APIs. A screenshot is kept in target/. Loading the demo data again
 * (as every later start does) leaves it as it is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunDashboardIT {

    private static final Path ROOT = Path.of(System.getProperty("partnernet.root", "../..")).toAbsolutePath().normalize();
    private static final Path STATE = ROOT.resolve("deploy/e2e/target/local-run");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final List<String> CHARTS = List.of("attainment", "flow", "pipeline", "pilot", "remodel", "footfall");

    /**
     * Selenium warns that it has no DevTools binding for this Chromium's version; the test drives the page through
     * WebDriver only. Held here so the logger keeps its level.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private static final Map<String, String> PORTS = new LinkedHashMap<>();
    private static String dashboard;

    @BeforeAll
    static void startTheLocalRun() throws Exception {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "The dashboard's browser test needs Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install chromium chromium-driver, or set CHROMIUM and CHROMEDRIVER.";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing + " CI installs them (.ci/run), so here their absence is a failure.");
            }
            // JUnit reports a class aborted in @BeforeAll as no test at all, so the reason is printed too.
            System.err.println("SKIPPED: " + missing + " The dashboard is NOT TESTED on this machine.");
            Assumptions.abort(missing + " The dashboard is NOT TESTED on this machine.");
        }
        for (String variable : List.of("PG_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "PARTNERS_PORT", "LEADS_PORT",
                "TARGETS_PORT", "PARTNERS_MANAGEMENT_PORT", "LEADS_MANAGEMENT_PORT", "TARGETS_MANAGEMENT_PORT",
                "DASHBOARD_PORT", "SMTP_PORT", "MAIL_API_PORT", "TRACE_VIEWER_PORT")) {
            PORTS.put(variable, Integer.toString(Infrastructure.freePort()));
        }
        dashboard = "http://127.0.0.1:" + PORTS.get("DASHBOARD_PORT") + "/";
        deleteRecursively(STATE);
        String started = stack("start", Map.of("LEAD_RATE", "600"));
        assertTrue(started.contains("Demo data: 8 partners and a direct sales partner, 112 shops"), started);
        assertTrue(started.contains("Dashboard        http://127.0.0.1:" + PORTS.get("DASHBOARD_PORT")
                + "  (lead simulator: 600.0 leads per minute"), started);
    }

    @AfterAll
    static void stopTheLocalRun() throws Exception {
        if (dashboard != null) {
            stack("stop", Map.of());
        }
    }

    @Test
    void theDashboardHandsOnlyAReadOnlyTokenAndOnlyToLoopbackNames() throws Exception {
        int port = Integer.parseInt(PORTS.get("DASHBOARD_PORT"));
        // What a page of another site sends once its name points at 127.0.0.1 (DNS rebinding): its own name as Host.
        assertTrue(rawGet(port, "/config.json", "rebound.example:" + port).startsWith("HTTP/1.1 403"), "rebound host refused");
        assertTrue(rawGet(port, "/", "rebound.example").startsWith("HTTP/1.1 403"), "rebound host refused");
        String config = rawGet(port, "/config.json", "localhost:" + port);
        assertTrue(config.startsWith("HTTP/1.1 200"), config);
        String token = new ObjectMapper().readTree(config.substring(config.indexOf("\r\n\r\n") + 4)).path("token").asText();
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals("[\"ops\"]", claims.path("groups").toString(), "the page's token reads only");
    }

    /**
     * The walk-through (docs/walkthrough.md), as written, twice, against this local run: only the ports and the token folder are this
     * run's (README's are the defaults). Each run must end with the won lead counted against the demo's halved target
     * and a dead-lettered lead replayed exactly once.
     */
    @Test
    @Order(Integer.MAX_VALUE) // last: it adds partners the dashboard's leaderboard would show
    void theReadmeWalkThroughRunsAsWrittenAgainAndAgain() throws Exception {
        String walkThrough = Files.readString(ROOT.resolve("docs/walkthrough.md"));
        int start = walkThrough.indexOf("```bash\n") + "```bash\n".length();
        String script = walkThrough.substring(start, walkThrough.indexOf("```", start))
                .replace("localhost:8081", "localhost:" + PORTS.get("PARTNERS_PORT"))
                .replace("localhost:8082", "localhost:" + PORTS.get("LEADS_PORT"))
                .replace("localhost:8083", "localhost:" + PORTS.get("TARGETS_PORT"))
                .replace("localhost:9411", "localhost:" + PORTS.get("TRACE_VIEWER_PORT"))
                .replace(".local/tokens/", STATE.resolve("tokens") + "/");
        for (int run = 1; run <= 2; run++) {
            Path output = Files.createTempFile("walk-through-" + run, ".log");
            ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-c", script).directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            bash.environment().putAll(PORTS);
            bash.environment().put("LOCAL_STATE", STATE.toString());
            Process walk = bash.start();
            assertTrue(walk.waitFor(3, TimeUnit.MINUTES), "walk-through " + run + " did not finish in 3 minutes");
            String printed = Files.readString(output);
            Files.delete(output);
            assertEquals(0, walk.exitValue(), "walk-through " + run + " failed:\n" + printed);
            assertFalse(printed.contains("gave up"), "walk-through " + run + ":\n" + printed);
            assertTrue(printed.contains("\"targetUnits\":25.00,\"soldUnits\":1,"), "walk-through " + run
                    + " ends without the won lead counted against the halved target of 50:\n" + printed);
            // The dead-lettered lead was replayed once, and the second replay left it alone.
            assertTrue(printed.contains("replayed 1 of leads.inbound.dlq") && printed.contains("replayed 0 of leads.inbound.dlq")
                    && printed.contains("replayed before=1"), "walk-through " + run + " replays:\n" + printed);
            // RUN is the second: the next run must not share it.
            Thread.sleep(1_000);
        }
    }

    /** A GET with the Host header a browser would send for {@code host}, over a plain socket; the whole answer. */
    private static String rawGet(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A shop's staff, signed in through the URL the local run prints, sees a new lead arrive without reloading, works
     * it from NEW to WON on the page, and sees its partner's attainment rise. First: before the simulator fills the
     * demo shop's weekly capacity.
     */
    @Test
    @Order(1)
    void shopStaffSeeALeadArriveLiveWorkItToWonInTheInboxAndTheirPartnersAttainmentRise() throws Exception {
        String inbox = Files.readString(STATE.resolve(LocalStack.INBOX_URL_FILE)).trim();
        String shopId = inbox.substring(inbox.indexOf("?shop=") + 6, inbox.indexOf('#'));
        String leads = "http://127.0.0.1:" + PORTS.get(Service.LEADS.portVariable);
        String manager = "Bearer " + Files.readString(STATE.resolve("tokens/sales-manager.jwt")).trim();
        // A campaign of its own: the simulator works only its campaigns' leads.
        String campaign = "inbox-" + System.nanoTime();
        RestAssured.given().header("Authorization", manager).contentType("application/json").body(Map.of("code", campaign,
                "name", "Inbox test", "channel", "INSTAGRAM", "targetingModel", "lookalike-ai", "targetingVersion", "1",
                "productFocus", List.of("MOBILE"), "segment", "CONSUMER", "startsOn", "2021-01-01", "status", "ROLLED_OUT"))
                .post(leads + "/campaigns").then().statusCode(201);
        WebDriver browser = browser();
        try {
            browser.get(inbox);
            JavascriptExecutor page = (JavascriptExecutor) browser;
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> browser.findElement(By.id("live")).getAttribute("class")
                    .contains("on") && !browser.findElement(By.id("attainment")).getText().isEmpty());
            long soldBefore = Long.parseLong(browser.findElement(By.id("attainment")).getAttribute("data-sold-units"));
            page.executeScript("window.notReloaded = true");

            String leadId = RestAssured.given().header("Authorization", manager).contentType("application/json")
                    .body(Map.of("source", "inbox-test", "externalId", campaign, "campaign", campaign, "productLine", "MOBILE",
                            "postalCode", "50667", "shopId", shopId, "contact", Map.of("name", "Ida Inbox",
                                    "email", "ida.inbox@example.org", "phone", "+49 221 1234567"),
                            "consent", Map.of("granted", true, "grantedAt", java.time.Instant.now().toString())))
                    .post(leads + "/leads").then().statusCode(201).extract().path("id");
            RestAssured.given().header("Authorization", manager).get(leads + "/leads/{id}", leadId).then()
                    .body("shopId", org.hamcrest.Matchers.equalTo(shopId));
            By card = By.cssSelector("li[data-lead-id='" + leadId + "']");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(card).isEmpty());
            assertEquals(Boolean.TRUE, page.executeScript("return window.notReloaded"), "arrived live, the page not reloaded");
            String shown = browser.findElement(card).getText();
            assertTrue(shown.contains("Ida Inbox") && shown.contains("named by the lead"), shown);
            assertTrue(shown.matches("(?s).*Erstkontakt bis \\p{L}{2}\\., \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2} Uhr.*"),
                    "German date, 24-hour Berlin time: " + shown);
            Files.write(ROOT.resolve("deploy/e2e/target/inbox.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            for (String[] step : new String[][] { { "accept", "ACCEPTED" }, { "contacted", "CONTACTED" } }) {
                click(browser, card, step[0]);
                Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                        .until(() -> step[1].equals(browser.findElement(card).getAttribute("data-status")));
            }
            click(browser, card, "won");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(card).isEmpty());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Long.parseLong(browser.findElement(By.id("attainment"))
                    .getAttribute("data-sold-units")) > soldBefore);
            assertEquals("", browser.findElement(By.id("errors")).getText(), "the page shows API errors");
        } finally {
            browser.quit();
        }
        RestAssured.given().header("Authorization", manager).get(leads + "/leads?campaign=" + campaign)
                .then().body("items[0].status", org.hamcrest.Matchers.equalTo("WON"));
    }

    /** Clicks a lead card's button; the page may have just drawn the card anew (a live change), so it finds it again. */
    private static void click(WebDriver browser, By card, String button) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).until(() -> {
            browser.findElement(card).findElement(By.cssSelector("button." + button)).click();
            return true;
        });
    }

    private static WebDriver browser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1250");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    @Test
    void theDashboardShowsTheLiveNetworkInChartsAndLoadingTheDemoAgainChangesNothing() throws Exception {
        WebDriver browser = browser();
        try {
            browser.get(dashboard);
            // Leads arrive, are routed and worked (some won) while we wait: every chart gets data points.
            Map<String, Long> dataPoints = new LinkedHashMap<>();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    dataPoints.clear();
                    dataPoints.putAll(chartDataPoints(browser));
                    return CHARTS.stream().allMatch(chart -> dataPoints.getOrDefault(chart, 0L) > 0);
                });
            } catch (ConditionTimeoutException e) {
                fail("Charts without data after 120 s: " + dataPoints + "; errors on the page: "
                        + browser.findElement(By.id("errors")).getText());
            }
            assertEquals("", browser.findElement(By.id("errors")).getText(), "the page shows API errors");
            assertTrue(browser.findElement(By.id("remodel-note")).getText().matches("\\d+ of 90 done in \\d{4}, \\d+ in progress, "
                    + "\\d+ overdue; \\d+ projected by 31 December \\((ON_TRACK|AT_RISK|MISSED)\\); 8 booked for \\d{4}.*"),
                    browser.findElement(By.id("remodel-note")).getText());
            // The demo's pilot adds 12 % to its shops' sales: the estimate is found above 0, with its interval.
            assertTrue(browser.findElement(By.id("pilot-note")).getText().matches(
                    "ai-social-pilot, 6 weeks against 12 before: \\+\\d+\\.\\d\\d \\(95 % interval .*"),
                    browser.findElement(By.id("pilot-note")).getText());
            assertTrue(browser.findElement(By.id("footfall-note")).getText().matches("\\d{4}-W\\d{2}: -\\d+(\\.\\d)? % against \\d{4}"),
                    browser.findElement(By.id("footfall-note")).getText());
            assertEquals(9L, ((Number) ((JavascriptExecutor) browser)
                    .executeScript("return window.dashboardCharts.attainment.data.labels.length")).longValue(),
                    "8 retail partners and the direct sales partner on the leaderboard");
            // The simulated marketing system's bad records go to the dead-letter topic, counted with their reason: one in
            // fifty records is bad, so the first may come a few seconds after the charts fill.
            String metricsUrl = "http://127.0.0.1:" + PORTS.get(Service.LEADS.managementPortVariable) + "/q/metrics";
            try {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> MetricsText.value(
                        RestAssured.get(metricsUrl).asString(), "partnernet_leads_dead_lettered_total{reason=\"invalid\"}") > 0);
            } catch (ConditionTimeoutException e) {
                fail("no simulated bad record was dead-lettered within 60 s");
            }
            Path screenshot = ROOT.resolve("deploy/e2e/target/dashboard.png");
            Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            System.out.println("Dashboard screenshot: " + screenshot + "; data points per chart: " + dataPoints);
        } finally {
            browser.quit();
        }

        // Demo data is loaded once: what a restart runs finds the network and leaves it as it is.
        String token = Files.readString(STATE.resolve("tokens/sales-manager.jwt")).trim();
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            urls.put(service, "http://127.0.0.1:" + PORTS.get(service.portVariable));
        }
        DemoData.load(urls, token);
        RestAssured.given().header("Authorization", "Bearer " + token).get(urls.get(Service.PARTNERS) + "/shops?size=1")
                .then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(112));
        RestAssured.given().header("Authorization", "Bearer " + token).get(urls.get(Service.PARTNERS) + "/partners?size=1")
                .then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(9));
    }

    /** Per chart on the page, its data points that are neither null nor zero. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> chartDataPoints(WebDriver page) {
        Object counted = ((JavascriptExecutor) page).executeScript("""
                const counts = {};
                for (const [id, chart] of Object.entries(window.dashboardCharts || {})) {
                  counts[id] = chart.data.datasets.reduce((sum, set) => sum + set.data.filter((v) => v !== null && v !== 0).length, 0);
                }
                return counts;""");
        Map<String, Long> points = new LinkedHashMap<>();
        ((Map<String, Object>) counted).forEach((chart, count) -> points.put(chart, ((Number) count).longValue()));
        return points;
    }

    /** Runs the run command's launcher (as deploy/local/stack does, built already) and returns what it printed. */
    private static String stack(String verb, Map<String, String> environment) throws IOException, InterruptedException {
        Path output = Files.createTempFile("local-run-" + verb, ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dpartnernet.root=" + ROOT,
                "-cp", ROOT.resolve("deploy/local/target/classes") + File.pathSeparator + ROOT.resolve("deploy/local/target/lib/*"),
                LocalStack.class.getName(), verb));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(PORTS);
        builder.environment().put("LOCAL_STATE", STATE.toString());
        builder.environment().putAll(environment);
        Process launcher = builder.start();
        if (!launcher.waitFor(4, TimeUnit.MINUTES)) {
            launcher.destroyForcibly();
            fail("deploy/local/stack " + verb + " did not finish in 4 minutes:\n" + Files.readString(output));
        }
        String printed = Files.readString(output);
        Files.delete(output);
        assertEquals(0, launcher.exitValue(), "deploy/local/stack " + verb + " failed:\n" + printed);
        return printed;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
