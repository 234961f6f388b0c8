package io.frontline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.JdbcEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store-wide endpoints: control over the stored events (reviewed corrections applied, rejected events left out),
 * stories and corroboration across stored reports, and sources.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreAnalysisApiTest {
    static final String CAPTURE = "---\ntitle: Arima falls\npublisher: Frontline Samples\npubDate: 2016-11-25\n---\n\n"
            + "On 23 November 2016, the SDF captured the village of Arima from ISIL. The fighting lasted two days.\n";
    /** The same article republished by another outlet: one story with the first. */
    static final String COPY = "---\ntitle: Arima falls\npublisher: Global Research\npubDate: 2016-11-26\n---\n\n"
            + "On 23 November 2016, the SDF captured the village of Arima from ISIL. The fighting lasted two days.\n";
    /** Another outlet's own article on the same event: another story that corroborates it. */
    static final String OTHER = "---\ntitle: SDF advance west of Manbij\npublisher: Another Desk\npubDate: 2016-11-24\n---\n\n"
            + "Kurdish-led SDF fighters seized Arima from ISIL on 22 November 2016, a local activist said, after a week of clashes "
            + "with the militants in the western countryside of Manbij.\n";

    @TempDir
    static Path dir;
    static JdbcEventStore store;
    static ApiServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        KnowledgeBase kb = BundledKnowledge.load();
        store = JdbcEventStore.embedded(dir.resolve("data"));
        server = new ApiServer(store, new Frontline(kb), kb.gazetteer(), 200_000);
        base = "http://localhost:" + server.start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    static JsonNode send(HttpRequest.Builder b, int status) throws Exception {
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    static JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), 200);
    }

    static JsonNode post(String path, String body, String type, int status) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), status);
    }

    static JsonNode place(JsonNode control, String name) {
        for (JsonNode f : control.get("features")) {
            if (f.get("properties").get("kind").asText().equals("place") && f.get("properties").get("name").asText().equals(name)) {
                return f.get("properties");
            }
        }
        return null;
    }

    static JsonNode captureOfArima(JsonNode report) {
        for (JsonNode e : report.get("events")) {
            if (e.get("location").asText("").equals("Arima")) {
                return e;
            }
        }
        throw new AssertionError("no event at Arima in " + report);
    }

    @Test
    @Order(1)
    void controlUsesTheReviewedCorrectionsAndLeavesRejectedEventsOut() throws Exception {
        JsonNode quiet = post("/api/reports?file=quiet.txt", "Aleppo, 1 May 2016.\n\nThe weather was calm and markets opened as usual.\n",
                "text/plain", 201);
        assertThat(quiet.get("events")).as("a report without events is read back too").isEmpty();
        JsonNode report = post("/api/reports?file=arima.md", CAPTURE, "text/plain", 201);
        String id = captureOfArima(report).get("event_id").asText();

        JsonNode control = get("/api/control?date=2016-12-01");
        assertThat(control.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(control.get("as_of").asText()).isEqualTo("2016-12-01");
        JsonNode arima = place(control, "Arima");
        assertThat(arima).as("Arima has a state").isNotNull();
        assertThat(arima.get("controller").asText()).isEqualTo("sdf");
        assertThat(arima.get("status").asText()).isEqualTo("held");
        assertThat(arima.get("since").asText()).isEqualTo("2016-11-23");
        assertThat(arima.get("evidence").get(0).get("event_id").asText()).isEqualTo(id);
        List<String> kinds = new ArrayList<>();
        control.get("features").forEach(f -> kinds.add(f.get("properties").get("kind").asText()));
        assertThat(kinds).contains("area", "place");
        assertThat(get("/api/control?date=2016-11-20").get("features")).as("nothing held before the capture").isEmpty();

        // a reviewer corrects who took it and when: control follows the corrected fields
        post("/api/events/" + id + "/review", "{\"action\": \"correct\", \"reviewer\": \"t\", \"fields\": "
                + "{\"side1\": \"turkey\", \"event_date\": \"2016-11-27\"}}", "application/json", 201);
        JsonNode corrected = place(get("/api/control?date=2016-12-01"), "Arima");
        assertThat(corrected.get("controller").asText()).isEqualTo("turkey");
        assertThat(corrected.get("since").asText()).isEqualTo("2016-11-27");
        assertThat(place(get("/api/control?date=2016-11-25"), "Arima")).as("not yet taken on the corrected date").isNull();

        // bbox: only what lies inside
        double lon = arima.get("evidence").isEmpty() ? 0 : captureOfArima(report).get("longitude").asDouble();
        double lat = captureOfArima(report).get("latitude").asDouble();
        JsonNode inside = get("/api/control?date=2016-12-01&bbox=" + (lon - 0.5) + "," + (lat - 0.5) + "," + (lon + 0.5) + "," + (lat + 0.5));
        assertThat(place(inside, "Arima")).isNotNull();
        JsonNode outside = get("/api/control?date=2016-12-01&bbox=" + (lon + 1) + "," + (lat + 1) + "," + (lon + 2) + "," + (lat + 2));
        assertThat(place(outside, "Arima")).isNull();

        // a rejected event is no evidence
        post("/api/events/" + id + "/review", "{\"action\": \"reject\", \"reviewer\": \"t\"}", "application/json", 201);
        JsonNode rejected = get("/api/control?date=2016-12-01");
        assertThat(place(rejected, "Arima")).isNull();
        assertThat(rejected.get("rejected_left_out").asInt()).isEqualTo(1);

        send(HttpRequest.newBuilder(URI.create(base + "/api/control")).GET(), 400);
        send(HttpRequest.newBuilder(URI.create(base + "/api/control?date=2016-13-01")).GET(), 400);
        send(HttpRequest.newBuilder(URI.create(base + "/api/control?date=2016-12-01&bbox=1,2")).GET(), 400);
    }

    @Test
    @Order(2)
    void storiesCorroborationAndSourcesSpanTheStoredReports() throws Exception {
        JsonNode copy = post("/api/reports?file=copy.md", COPY, "text/plain", 201);
        JsonNode other = post("/api/reports?file=other.md", OTHER, "text/plain", 201);
        JsonNode first = post("/api/reports?file=arima-again.md", CAPTURE.replace("two days", "two long days"), "text/plain", 201);
        String otherEvent = captureOfArima(other).get("event_id").asText();

        JsonNode stories = get("/api/stories?min_reports=2");
        JsonNode story = null;
        for (JsonNode s : stories.get("stories")) {
            List<String> ids = new ArrayList<>();
            s.get("reports").forEach(r -> ids.add(r.get("id").asText()));
            if (ids.contains(copy.get("id").asText())) {
                story = s;
                assertThat(ids).contains(first.get("id").asText()).doesNotContain(other.get("id").asText());
            }
        }
        assertThat(story).as("the copy and its original form one story").isNotNull();

        JsonNode es = get("/api/events/" + otherEvent + "/story");
        assertThat(es.get("corroboration").asInt()).as(es.toString()).isEqualTo(2);
        assertThat(es.get("corroborated_by").get(0).get("id").asText()).isEqualTo(story.get("id").asText());
        assertThat(es.get("corroborated_by").get(0).get("events")).isNotEmpty()
                .allSatisfy(o -> assertThat(o.get("location").asText()).as("only the matching events").isEqualTo("Arima"));
        assertThat(es.get("story").get("reports")).hasSize(1);
        assertThat(es.get("source_reliability").asText()).isEqualTo("unknown");

        // the copy's event counts once: it duplicates the origin's
        JsonNode copyStory = get("/api/events/" + captureOfArima(copy).get("event_id").asText() + "/story");
        assertThat(copyStory.get("story").get("reports")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(copyStory.get("source_reliability").asText()).isEqualTo("low");

        JsonNode sources = get("/api/sources").get("sources");
        JsonNode gr = null;
        JsonNode desk = null;
        for (JsonNode s : sources) {
            if (s.get("name").asText().equals("Global Research")) {
                gr = s;
            }
            if (s.get("name").asText().equals("Another Desk")) {
                desk = s;
            }
        }
        assertThat(gr).isNotNull();
        assertThat(gr.get("profiled").asBoolean()).isTrue();
        assertThat(gr.get("reliability").asText()).isEqualTo("low");
        assertThat(gr.get("basis").asText()).contains("Media Bias/Fact Check");
        assertThat(gr.get("reports").asInt()).isEqualTo(1);
        assertThat(desk).isNotNull();
        assertThat(desk.get("profiled").asBoolean()).isFalse();
        assertThat(desk.get("reports").asInt()).isEqualTo(1);
        assertThat(desk.get("events").asInt()).isPositive();
        assertThat(desk.get("corroboration_rate").asDouble()).isPositive();
        send(HttpRequest.newBuilder(URI.create(base + "/api/events/no-such-event/story")).GET(), 404);
    }
}
