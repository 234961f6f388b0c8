package io.frontline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.JdbcEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst page in a real browser: Debian's chromium, headless, driven by Selenium through chromedriver, over a
 * server on a random port with a temporary H2 store holding the seed and a report with a script tag in its text.
 * Skips with a message when ../shared, chromium or chromedriver is missing, unless FRONTLINE_REQUIRE_SHARED=1 (CI),
 * where it fails instead. Screenshots go to frontline-app/target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalystPageBrowserTest {
    static final Path SEED = Path.of("..", "shared", "seed", "000_0f73b6b4984142d8.txt");
    /** Debian's paths; FRONTLINE_CHROMIUM and FRONTLINE_CHROMEDRIVER name others. */
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FRONTLINE_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("FRONTLINE_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("frontline-app", "target", "screenshots");
    static final String XSS_REPORT = "Aleppo, 20 September 2017.\n\n"
            + "On 19 September 2017, Syrian government forces shelled the town of al-Bab. "
            + "<script>window.__xss=1</script> Two civilians were killed.\n";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static JdbcEventStore store;
    static io.frontline.store.TokenStore tokens;
    /** The analyst's token, entered in the page's Token field: writes need it, and its name is the reviewer recorded. */
    static String token;
    static ApiServer server;
    static String base;
    static WebDriver driver;
    static JsonNode seedReport;
    static JsonNode xssReport;

    @BeforeAll
    static void start() throws Exception {
        boolean required = "1".equals(System.getenv("FRONTLINE_REQUIRE_SHARED"));
        require(Files.exists(SEED), required, "../shared is not beside this checkout (the seed report)");
        require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), required,
                "chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "; apt-get install chromium chromium-driver, or set FRONTLINE_CHROMIUM and FRONTLINE_CHROMEDRIVER)");
        KnowledgeBase kb = BundledKnowledge.load();
        store = JdbcEventStore.embedded(dir.resolve("data"));
        tokens = io.frontline.store.TokenStore.embedded(dir.resolve("data"));
        token = tokens.create("analyst-browser");
        server = new ApiServer(store, new Frontline(kb), kb.gazetteer(), 5_000_000, new AccessControl(tokens, false, 0, 0));
        base = "http://localhost:" + server.start(0);
        xssReport = post("/api/reports?file=script.txt", XSS_REPORT);

        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--disable-component-update",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1400,1000");
        o.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    private static void require(boolean present, boolean required, String what) {
        if (!present && required) {
            throw new AssertionError("the browser test must run here (FRONTLINE_REQUIRE_SHARED=1) but " + what);
        }
        if (!present) {
            // a class-level skip leaves no per-test message in Surefire's summary, so say it on the console too
            System.err.println("AnalystPageBrowserTest skipped: " + what);
        }
        Assumptions.assumeTrue(present, "skipped: " + what);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    static JsonNode post(String path, String text) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "text/plain; charset=utf-8").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static void open() {
        driver.get(base + "/");
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        WebElement t = driver.findElement(By.id("token"));
        if (t.getDomProperty("value").isEmpty()) {
            t.sendKeys(token); // kept in sessionStorage for the later pages of the tab
        }
    }

    static void screenshot(String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** No error in the browser's console since the last call; a probe error shows that the console is read at all. */
    static void assertNoConsoleErrors() {
        ((JavascriptExecutor) driver).executeScript("console.error('frontline-console-probe')");
        List<String> errors = new ArrayList<>();
        boolean probe = false;
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getMessage().contains("frontline-console-probe")) {
                probe = true;
            } else if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertThat(probe).as("the console probe was read back").isTrue();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    static String panelEvent() {
        return driver.findElement(By.id("panel")).getAttribute("data-event-id");
    }

    static WebElement waitForEvidence(String eventId) {
        return waiting().until(d -> {
            if (!eventId.equals(panelEvent())) {
                return null;
            }
            List<WebElement> marks = d.findElements(By.cssSelector("#report-text mark"));
            return marks.isEmpty() ? null : marks.get(0);
        });
    }

    @Test
    @Order(1)
    void theSeedUploadedThroughThePageIsMappedAndAClickShowsTheEvidenceHighlighted() throws Exception {
        open();
        driver.findElement(By.cssSelector("#ingest summary")).click();
        driver.findElement(By.id("files")).sendKeys(SEED.toAbsolutePath().normalize().toString());
        driver.findElement(By.id("add")).click();
        String done = waiting().until(d -> {
            String m = d.findElement(By.id("ingest-msg")).getText();
            return m.startsWith("stored") ? m : null;
        });
        assertThat(done).startsWith("stored 1 (").contains("refused 0");
        screenshot("00-uploaded");
        for (JsonNode r : get("/api/reports?limit=100").get("reports")) {
            if (r.get("file").asText().equals(SEED.getFileName().toString())) {
                seedReport = get("/api/reports/" + r.get("id").asText());
            }
        }
        assertThat(seedReport).as("the uploaded seed is stored under its file name").isNotNull();
        assertThat(done).contains("(" + seedReport.get("events").size() + " events)");
        Set<String> expected = new HashSet<>();
        for (JsonNode e : seedReport.get("events")) {
            if (!e.get("latitude").isNull()) {
                expected.add(e.get("event_id").asText());
            }
        }
        assertThat(expected).as("the seed has mapped events").isNotEmpty();
        List<WebElement> markers = driver.findElements(By.cssSelector(".event-marker[data-event-id]"));
        Set<String> shown = new HashSet<>();
        markers.forEach(m -> shown.add(m.getAttribute("data-event-id")));
        assertThat(shown).containsAll(expected);
        assertThat(driver.findElements(By.cssSelector("#events tbody tr"))).hasSize(
                seedReport.get("events").size() + xssReport.get("events").size());
        assertThat(driver.findElement(By.id("legend")).getText()).contains("Islamic State", "SDF", "Government");
        screenshot("01-map");

        String clicked = expected.iterator().next();
        WebElement marker = driver.findElement(By.cssSelector(".event-marker[data-event-id='" + clicked + "']"));
        new Actions(driver).moveToElement(marker).click().perform();
        // markers at one place overlap: the panel shows whichever is on top, one of the seed's
        String id = waiting().until(d -> panelEvent());
        assertThat(expected).contains(id);
        WebElement mark = waitForEvidence(id);
        JsonNode event = get("/api/events/" + id);
        assertThat(mark.getDomProperty("textContent")).isEqualTo(event.get("evidence").get("text").asText());
        assertThat(driver.findElement(By.cssSelector("#fields [data-field=sub_event_type]")).getText())
                .isEqualTo(event.get("sub_event_type").asText());
        assertThat(driver.findElement(By.cssSelector("#fields [data-field=fatalities]")).getText()).isNotEmpty();
        // the text around the mark is the report's text before and after the evidence, by code points
        String text = get("/api/reports/" + seedReport.get("id").asText()).get("text").asText();
        int[] cps = text.codePoints().toArray();
        int start = event.get("evidence").get("start").asInt();
        String before = (String) ((JavascriptExecutor) driver).executeScript(
                "var m = document.querySelector('#report-text mark'); return m.previousSibling ? m.previousSibling.textContent : '';");
        assertThat(before).isEqualTo(new String(cps, 0, start));
        screenshot("02-evidence");
        assertNoConsoleErrors();
    }

    @Test
    @Order(2)
    void aScriptInAReportIsShownAsText() throws Exception {
        open();
        assertThat(xssReport.get("events").size()).as("the script report has an event").isPositive();
        String id = xssReport.get("events").get(0).get("event_id").asText();
        // through the list of reports: the script report's row opens its first event
        driver.findElement(By.cssSelector("#reports-box summary")).click();
        WebElement report = driver.findElement(By.cssSelector("#reports tbody tr[data-report-id='" + xssReport.get("id").asText() + "']"));
        assertThat(report.getText()).contains(xssReport.get("events").size() + "");
        report.click();
        waitForEvidence(id);
        WebElement text = driver.findElement(By.id("report-text"));
        assertThat(text.getText()).contains("<script>window.__xss=1</script>");
        assertThat(text.findElements(By.tagName("script"))).isEmpty();
        Object xss = ((JavascriptExecutor) driver).executeScript("return typeof window.__xss;");
        assertThat(xss).isEqualTo("undefined");
        screenshot("03-script-as-text");
        assertNoConsoleErrors();
    }

    @Test
    @Order(3)
    void aReviewFromThePagePersistsAfterReload() throws Exception {
        String confirmed = seedReport.get("events").get(0).get("event_id").asText();
        String rejected = seedReport.get("events").get(1).get("event_id").asText();
        open();
        WebElement name = driver.findElement(By.id("reviewer"));
        name.clear();
        name.sendKeys("analyst-browser");
        review(confirmed, "confirm", "confirmed");
        review(rejected, "reject", "rejected");
        screenshot("04-review");

        // a reload (a new document; its link opens the confirmed event's panel): what the page shows comes from the store
        driver.get(base + "/?reload=1#event=" + confirmed);
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(driver.findElement(By.id("reviewer")).getDomProperty("value")).isEqualTo("analyst-browser");
        assertThat(row(confirmed).findElement(By.className("review-status")).getText()).isEqualTo("confirmed");
        assertThat(row(rejected).findElement(By.className("review-status")).getText()).isEqualTo("rejected");
        waitForEvidence(confirmed);
        assertThat(driver.findElement(By.cssSelector("#fields [data-field=review_status]")).getText()).isEqualTo("confirmed");
        assertThat(driver.findElement(By.id("reviews")).getText()).contains("analyst-browser: confirm");
        assertThat(store.reviews(confirmed)).hasSize(1);
        assertThat(store.reviews(confirmed).get(0).reviewer()).isEqualTo("analyst-browser");
        assertThat(store.reviews(rejected).get(0).action()).isEqualTo("reject");
        // the page links the audit trail; it lists both actions
        String audit = driver.findElement(By.id("audit")).getAttribute("href");
        assertThat(audit).isEqualTo(base + "/api/reviews?format=csv");
        String csv = HTTP.send(HttpRequest.newBuilder(URI.create(audit)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(csv).contains("," + confirmed + ",confirm,analyst-browser,", "," + rejected + ",reject,analyst-browser,");
        screenshot("05-review-after-reload");
        assertNoConsoleErrors();
    }

    @Test
    @Order(4)
    void filtersNarrowTheMapAndTheListAsTheApiDoes() throws Exception {
        open();
        int all = driver.findElements(By.cssSelector("#events tbody tr")).size();
        new Select(driver.findElement(By.name("side"))).selectByValue("sdf");
        waitForQuery("side=sdf");
        assertRowsAre(get("/api/events?limit=1000&side=sdf"));
        screenshot("06-filter-sdf");
        new Select(driver.findElement(By.name("side"))).selectByValue("");
        new Select(driver.findElement(By.name("status"))).selectByValue("confirmed");
        waitForQuery("status=confirmed");
        assertRowsAre(get("/api/events?limit=1000&status=confirmed"));
        driver.findElement(By.cssSelector("#filters button[type=reset]")).click();
        waitForQuery("");
        assertThat(driver.findElements(By.cssSelector("#events tbody tr"))).hasSize(all);
        assertNoConsoleErrors();
    }

    @Test
    @Order(5)
    void aCorrectionWithAPlacePickedOnTheMapPersistsAfterReload() throws Exception {
        JsonNode before = null;
        for (JsonNode e : seedReport.get("events")) {
            if (!e.get("latitude").isNull() && "unreviewed".equals(get("/api/events/" + e.get("event_id").asText()).get("review_status").asText())) {
                before = e;
                break;
            }
        }
        assertThat(before).as("an unreviewed mapped event of the seed").isNotNull();
        String id = before.get("event_id").asText();
        driver.get(base + "/?correct=1#event=" + id);
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        waitForEvidence(id);
        WebElement name = driver.findElement(By.id("reviewer"));
        name.clear();
        name.sendKeys("analyst-browser");
        WebElement form = driver.findElement(By.id("correct"));
        assertThat(form.isDisplayed()).as("the correction form is folded until asked for").isFalse();
        driver.findElement(By.id("correct-open")).click();
        assertThat(form.isDisplayed()).isTrue();
        WebElement fatalities = form.findElement(By.name("fatalities"));
        fatalities.clear();
        fatalities.sendKeys("7");
        new Select(form.findElement(By.name("side2"))).selectByValue("civilians");
        driver.findElement(By.id("pick")).click();
        new Actions(driver).moveToElement(driver.findElement(By.id("map")), -60, 40).click().perform();
        String latBefore = before.get("latitude").asText();
        waiting().until(d -> !form.findElement(By.name("latitude")).getDomProperty("value").equals(latBefore));
        double lat = Double.parseDouble(form.findElement(By.name("latitude")).getDomProperty("value"));
        double lon = Double.parseDouble(form.findElement(By.name("longitude")).getDomProperty("value"));
        screenshot("07-correction");
        driver.findElement(By.id("correct-save")).click();
        waiting().until(d -> d.findElement(By.id("review-msg")).getText().equals("saved: corrected"));

        driver.get(base + "/?reload=2#event=" + id);
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        waitForEvidence(id);
        assertThat(driver.findElement(By.cssSelector("#fields [data-field=fatalities]")).getText()).isEqualTo("7");
        assertThat(driver.findElement(By.cssSelector("#fields [data-field=side2]")).getText()).isEqualTo("civilians");
        assertThat(driver.findElement(By.cssSelector("#fields [data-field=review_status]")).getText()).isEqualTo("corrected");
        assertThat(row(id).findElement(By.className("review-status")).getText()).isEqualTo("corrected");
        JsonNode after = get("/api/events/" + id);
        assertThat(after.get("latitude").asDouble()).isEqualTo(lat);
        assertThat(after.get("longitude").asDouble()).isEqualTo(lon);
        assertThat(after.get("side1").asText()).isEqualTo(before.get("side1").asText());
        JsonNode fields = after.get("reviews").get(after.get("reviews").size() - 1).get("fields");
        assertThat(fields.get("fatalities").asInt()).isEqualTo(7);
        assertThat(fields.has("side1")).as("only changed fields are sent").isFalse();
        assertThat(driver.findElements(By.cssSelector(".event-marker[data-event-id='" + id + "']"))).hasSize(1);
        screenshot("08-corrected-after-reload");
        assertNoConsoleErrors();
    }

    @Test
    @Order(6)
    void theTimelineShowsTheEventsUpToTheChosenDay() throws Exception {
        open();
        JsonNode all = get("/api/events?limit=1000");
        String first = null;
        for (JsonNode e : all.get("events")) {
            String d = e.get("event_date").asText(null);
            if (d != null && (first == null || d.compareTo(first) < 0)) {
                first = d;
            }
        }
        assertThat(driver.findElement(By.id("day-label")).getText()).isEqualTo("all dates");
        WebElement day = driver.findElement(By.id("day"));
        day.sendKeys(Keys.HOME);
        assertThat(driver.findElement(By.id("day-label")).getText()).isEqualTo(first);
        Set<String> expected = new HashSet<>();
        for (JsonNode e : all.get("events")) {
            if (first.equals(e.get("event_date").asText(null))) {
                expected.add(e.get("event_id").asText());
            }
        }
        Set<String> rows = new HashSet<>();
        driver.findElements(By.cssSelector("#events tbody tr")).forEach(r -> rows.add(r.getAttribute("data-event-id")));
        assertThat(rows).isEqualTo(expected);
        screenshot("09-timeline-first-day");
        day.sendKeys(Keys.END);
        assertThat(driver.findElement(By.id("day-label")).getText()).isEqualTo("all dates");
        assertThat(driver.findElements(By.cssSelector("#events tbody tr"))).hasSize(all.get("events").size());
        // the weekly chart counts every dated event once, by side and by type
        driver.findElement(By.cssSelector("#chart-box summary")).click();
        int dated = 0;
        for (JsonNode e : all.get("events")) {
            dated += e.get("event_date").isNull() ? 0 : 1;
        }
        assertThat(chartTotal()).isEqualTo(dated);
        new Select(driver.findElement(By.id("chart-by"))).selectByValue("type");
        assertThat(chartTotal()).isEqualTo(dated);
        screenshot("10-chart");
        assertNoConsoleErrors();
    }

    static final Path SAMPLES = Path.of("samples");

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static int zoom() {
        return Integer.parseInt(driver.findElement(By.tagName("body")).getAttribute("data-zoom"));
    }

    /** Every mapped event that is shown: as a marker of its own or counted in a cluster marker. */
    static int markersAndClustered() {
        int n = driver.findElements(By.cssSelector(".event-marker[data-event-id]")).size();
        for (WebElement c : driver.findElements(By.cssSelector(".cluster-marker[data-count]"))) {
            n += Integer.parseInt(c.getAttribute("data-count"));
        }
        return n;
    }

    @Test
    @Order(7)
    void theControlLayerShowsAreasFrontsAndPlacesOfTheDay() throws Exception {
        String arima = null;
        try (var files = Files.list(SAMPLES)) {
            for (Path f : files.sorted().toList()) {
                for (JsonNode e : post("/api/reports?file=" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8)).get("events")) {
                    if (e.get("location").asText("").equals("Arima") && e.get("sub_event_type").asText().contains("overtakes")) {
                        arima = e.get("event_id").asText();
                    }
                }
            }
        }
        assertThat(arima).as("the samples' capture of Arima").isNotNull();
        open();
        // at "all dates" the layer shows control on the last event date
        String date = waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("data-control-date"));
        JsonNode control = get("/api/control?date=" + date);
        int places = 0;
        int areas = 0;
        for (JsonNode f : control.get("features")) {
            places += f.get("properties").get("kind").asText().equals("place") ? 1 : 0;
            areas += f.get("properties").get("kind").asText().equals("area") ? 1 : 0;
        }
        assertThat(places).as("the samples and the seed hold places on " + date).isPositive();
        assertThat(driver.findElements(By.cssSelector(".leaflet-control-pane svg path"))).hasSizeGreaterThan(0);
        assertThat(driver.findElements(By.cssSelector(".leaflet-control-pane path.control-place"))).hasSize(places);
        assertThat(driver.findElements(By.cssSelector(".leaflet-control-pane path.control-area"))).hasSize(areas);
        assertThat(driver.findElements(By.cssSelector(".leaflet-control-pane path.control-front")))
                .hasSize(control.get("features").size() - places - areas
                        - (int) java.util.stream.StreamSupport.stream(control.get("features").spliterator(), false)
                        .filter(f -> f.get("properties").get("kind").asText().equals("pocket")).count());
        String turkey = "path.control-area[fill='#9467bd']";
        assertThat(driver.findElements(By.cssSelector(turkey))).as("Turkey holds nothing yet").isEmpty();
        screenshot("11-control");
        // a reviewed correction feeds the control model: Arima taken by Turkey instead of the SDF gives Turkey an area
        HttpResponse<String> corrected = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/events/" + arima + "/review"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"action\": \"correct\", \"reviewer\": \"analyst-browser\", \"fields\": {\"side1\": \"turkey\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        open();
        waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("data-control-date") != null);
        assertThat(driver.findElements(By.cssSelector(".leaflet-control-pane " + turkey))).hasSize(1);
        // the checkbox hides the layer
        driver.findElement(By.id("control-on")).click();
        waiting().until(d -> d.findElements(By.cssSelector(".leaflet-control-pane path")).isEmpty());
        driver.findElement(By.id("control-on")).click();
        waiting().until(d -> !d.findElements(By.cssSelector(".leaflet-control-pane path")).isEmpty());
        assertNoConsoleErrors();
    }

    @Test
    @Order(8)
    void playReplaysTheDaysWithTheirControlAndPauses() throws Exception {
        open();
        WebElement day = driver.findElement(By.id("day"));
        day.sendKeys(Keys.HOME);
        String first = driver.findElement(By.id("day-label")).getText();
        waiting().until(d -> first.equals(d.findElement(By.tagName("body")).getAttribute("data-control-date")));
        new Select(driver.findElement(By.id("speed"))).selectByValue("60");
        driver.findElement(By.id("play")).click();
        waiting().until(d -> d.findElement(By.id("day-label")).getText().compareTo(first) > 0);
        driver.findElement(By.id("play")).click(); // pause
        assertThat(driver.findElement(By.id("play")).getText()).isEqualTo("▶");
        String paused = driver.findElement(By.id("day-label")).getText();
        Thread.sleep(300);
        assertThat(driver.findElement(By.id("day-label")).getText()).as("paused").isEqualTo(paused);
        assertThat(paused).isGreaterThan(first);
        // the control drawn is that of the day the replay stopped at
        waiting().until(d -> paused.equals(d.findElement(By.tagName("body")).getAttribute("data-control-date")));
        for (WebElement r : driver.findElements(By.cssSelector("#events tbody tr td:first-child"))) {
            assertThat(r.getText()).isLessThanOrEqualTo(paused);
        }
        screenshot("12-replay-paused");
        day.sendKeys(Keys.END);
        assertNoConsoleErrors();
    }

    @Test
    @Order(9)
    void lowZoomClustersTheMarkersAndAClickOnAClusterZoomsIn() throws Exception {
        open();
        int mapped = 0;
        for (JsonNode e : get("/api/events?limit=1000").get("events")) {
            mapped += e.get("latitude").isNull() ? 0 : 1;
        }
        assertThat(zoom()).as("the first view shows every marker").isGreaterThanOrEqualTo(6);
        assertThat(driver.findElements(By.cssSelector(".cluster-marker"))).isEmpty();
        while (zoom() >= 5) {
            int z = zoom();
            driver.findElement(By.cssSelector(".leaflet-control-zoom-out")).click();
            waiting().until(d -> zoom() < z);
        }
        List<WebElement> clusters = driver.findElements(By.cssSelector(".cluster-marker[data-count]"));
        assertThat(clusters).isNotEmpty();
        assertThat(markersAndClustered()).as("every mapped event is in a marker or a cluster").isEqualTo(mapped);
        screenshot("13-clusters");
        WebElement biggest = clusters.stream().max(java.util.Comparator.comparingInt(c -> Integer.parseInt(c.getAttribute("data-count")))).get();
        new Actions(driver).moveToElement(biggest).click().perform();
        waiting().until(d -> zoom() >= 6);
        waiting().until(d -> d.findElements(By.cssSelector(".cluster-marker")).isEmpty());
        assertThat(driver.findElements(By.cssSelector(".event-marker[data-event-id]"))).isNotEmpty();
        screenshot("14-cluster-zoomed");
        assertNoConsoleErrors();
    }

    @Test
    @Order(10)
    void searchZoomsToAPlaceOrFiltersByAnActor() throws Exception {
        open();
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("Raqqa");
        waiting().until(d -> !d.findElements(By.cssSelector("#search-results li[data-kind=place]")).isEmpty());
        assertThat(driver.findElement(By.id("search-results")).getText()).contains("Raqqa");
        search.sendKeys(Keys.ENTER);
        waiting().until(d -> String.valueOf(d.findElement(By.tagName("body")).getAttribute("data-search")).startsWith("place:"));
        assertThat(zoom()).isEqualTo(11);
        assertThat(driver.findElement(By.id("status")).getText()).contains("Raqqa");
        assertThat(driver.findElements(By.cssSelector("path.search-marker"))).hasSize(1);
        screenshot("15-search-place");
        search.clear();
        search.sendKeys("Syrian Democratic");
        waiting().until(d -> !d.findElements(By.cssSelector("#search-results li[data-kind=actor]")).isEmpty());
        search.sendKeys(Keys.ENTER);
        waiting().until(d -> String.valueOf(d.findElement(By.tagName("body")).getAttribute("data-search")).startsWith("actor:"));
        waitForQuery("actor=");
        String actor = driver.findElement(By.name("actor")).getDomProperty("value");
        assertThat(actor).contains("Syrian Democratic");
        assertRowsAre(get("/api/events?limit=1000&actor=" + java.net.URLEncoder.encode(actor, StandardCharsets.UTF_8)));
        driver.findElement(By.cssSelector("#filters button[type=reset]")).click();
        waitForQuery("");
        assertNoConsoleErrors();
    }

    @Test
    @Order(11)
    void thePanelShowsTheStoryTheCorroboratingReportsAndTheAssessment() throws Exception {
        String id = seedReport.get("events").get(2).get("event_id").asText();
        driver.get(base + "/?story=1#event=" + id);
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        waitForEvidence(id);
        JsonNode story = get("/api/events/" + id + "/story");
        WebElement box = waiting().until(d -> {
            WebElement b = d.findElement(By.id("story"));
            return b.getText().contains("Story and corroboration") ? b : null;
        });
        assertThat(box.findElement(By.cssSelector("[data-field=source_reliability]")).getText())
                .isEqualTo(story.get("source_reliability").asText());
        assertThat(box.findElement(By.cssSelector("[data-field=assessed_confidence]")).getText())
                .startsWith(story.get("assessed_confidence").asText());
        assertThat(box.findElements(By.cssSelector("#corroborating > li"))).hasSize(story.get("corroborated_by").size());
        assertThat(box.findElements(By.cssSelector("#story-reports > li"))).hasSize(story.get("story").get("reports").size() - 1);
        assertThat(box.getText()).contains(story.get("corroboration").asInt() == 1 ? "only its own story" : "independent stories");
        screenshot("16-story");
        assertNoConsoleErrors();
    }

    @Test
    @Order(12)
    void theSourcesViewListsEveryPublisherWithItsProfileAndCounts() throws Exception {
        open();
        driver.findElement(By.id("view-sources")).click();
        waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("data-sources") != null);
        assertThat(driver.findElement(By.id("map")).isDisplayed()).isFalse();
        Set<String> expected = new HashSet<>();
        for (JsonNode s : get("/api/sources").get("sources")) {
            expected.add(s.get("name").asText());
        }
        Set<String> rows = new HashSet<>();
        driver.findElements(By.cssSelector("#sources tbody tr")).forEach(r -> rows.add(r.getAttribute("data-source")));
        assertThat(rows).isEqualTo(expected).contains("Global Research", "South Front", "Frontline Samples");
        assertThat(driver.findElement(By.cssSelector("#sources tr[data-source='South Front']")).getText()).contains("low", "Media Bias/Fact Check");
        assertThat(driver.findElements(By.cssSelector("#stories tbody tr"))).hasSize(get("/api/stories?limit=1000").get("total").asInt());
        screenshot("17-sources");
        driver.findElement(By.id("view-map")).click();
        assertThat(driver.findElement(By.id("map")).isDisplayed()).isTrue();
        assertNoConsoleErrors();
    }

    @Test
    @Order(13)
    void withoutATokenOrWithAStaleVersionTheReviewIsRefusedWithAClearMessage() throws Exception {
        String id = null;
        for (JsonNode e : seedReport.get("events")) {
            if (id == null && store.reviews(e.get("event_id").asText()).isEmpty()) {
                id = e.get("event_id").asText();
            }
        }
        assertThat(id).as("an unreviewed event of the seed").isNotNull();
        open();
        WebElement t = driver.findElement(By.id("token"));
        t.clear();
        t.sendKeys(" "); // an input event: the page forgets the token
        row(id).click();
        waitForEvidence(id);
        driver.findElement(By.id("confirm")).click();
        waiting().until(d -> d.findElement(By.id("review-msg")).getText().contains("a token is needed"));
        assertThat(store.reviews(id)).isEmpty();
        screenshot("07-no-token");

        // another analyst reviews the event while this page shows it: the page's review is refused with 409
        t.clear();
        t.sendKeys(token);
        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/events/" + id + "/review"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"reject\",\"version\":0}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        driver.findElement(By.id("confirm")).click();
        String msg = waiting().until(d -> {
            String m = d.findElement(By.id("review-msg")).getText();
            return m.contains("changed") ? m : null;
        });
        assertThat(msg).contains("someone else changed this event first", "current version is 1", "analyst-browser (reject)");
        assertThat(store.reviews(id)).hasSize(1);
        screenshot("08-conflict");
        // the page's requests were refused (401, 409): Chromium logs those as console errors, so clear the log
        driver.manage().logs().get(LogType.BROWSER);
    }

    static int chartTotal() {
        int n = 0;
        for (WebElement r : driver.findElements(By.cssSelector("#chart rect[data-count]"))) {
            n += Integer.parseInt(r.getAttribute("data-count"));
        }
        return n;
    }

    static void waitForQuery(String contains) {
        waiting().until(d -> {
            String q = d.findElement(By.tagName("body")).getAttribute("data-query");
            return q != null && (contains.isEmpty() ? q.isEmpty() : q.contains(contains));
        });
    }

    static void assertRowsAre(JsonNode page) {
        Set<String> expected = new HashSet<>();
        Set<String> mapped = new HashSet<>();
        for (JsonNode e : page.get("events")) {
            expected.add(e.get("event_id").asText());
            if (!e.get("latitude").isNull()) {
                mapped.add(e.get("event_id").asText());
            }
        }
        assertThat(expected).isNotEmpty();
        Set<String> rows = new HashSet<>();
        driver.findElements(By.cssSelector("#events tbody tr")).forEach(r -> rows.add(r.getAttribute("data-event-id")));
        Set<String> markers = new HashSet<>();
        driver.findElements(By.cssSelector(".event-marker")).forEach(m -> markers.add(m.getAttribute("data-event-id")));
        assertThat(rows).isEqualTo(expected);
        assertThat(markers).isEqualTo(mapped);
    }

    static WebElement row(String eventId) {
        return driver.findElement(By.cssSelector("#events tbody tr[data-event-id='" + eventId + "']"));
    }

    static void review(String eventId, String button, String status) {
        row(eventId).click();
        waitForEvidence(eventId);
        driver.findElement(By.id(button)).click();
        waiting().until(d -> d.findElement(By.id("review-msg")).getText().equals("saved: " + status));
        assertThat(row(eventId).findElement(By.className("review-status")).getText()).isEqualTo(status);
    }
}
