package io.frontline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.JdbcEventStore;
import io.frontline.store.StoreFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API with real requests on a random port. */
class ApiServerTest {
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

    record Res(int status, JsonNode json, String body, HttpResponse<String> raw) {
    }

    static Res send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode j = null;
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json")) {
            j = JSON.readTree(r.body());
        }
        return new Res(r.statusCode(), j, r.body(), r);
    }

    static Res get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    static Res post(String path, String contentType, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    static String sample(String name) throws Exception {
        return Files.readString(Path.of("samples", name), StandardCharsets.UTF_8);
    }

    static void assertError(Res r, int status, String detailContains) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json()).as(r.body()).isNotNull();
        assertThat(r.json().get("error").asText()).isNotBlank();
        assertThat(r.json().get("detail").asText()).contains(detailContains);
    }

    @Test
    void postingTheSeedReturnsItsEventsOnceStored() throws Exception {
        String seed = StoreFixtures.seedText();
        Res first = post("/api/reports?file=seed.txt", "text/plain; charset=utf-8", seed);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("stored").asBoolean()).isTrue();
        assertThat(first.json().get("events").size()).isBetween(12, 13);
        assertThat(first.json().get("published").asText()).isEqualTo("2017-09-14");
        assertThat(first.raw().headers().firstValue("Location")).hasValue("/api/reports/" + first.json().get("id").asText());
        Res again = post("/api/reports", "application/json", JSON.writeValueAsString(java.util.Map.of("file", "copy.txt", "text", seed)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("stored").asBoolean()).isFalse();
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        Res one = get("/api/reports/" + first.json().get("id").asText());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("events").size()).isEqualTo(first.json().get("events").size());
        Res claims = get("/api/claims?report_id=" + first.json().get("id").asText());
        assertThat(claims.json().get("total").asInt()).isPositive();
        assertThat(claims.json().get("claims").get(0).get("status").asText()).isEqualTo("predicted");
    }

    @Test
    void eventPagesCarryANextCursorThatContinuesWhereTheOffsetWould() throws Exception {
        post("/api/reports?file=al-bab.md", "text/markdown", sample("2016-11-24-al-bab-front.md"));
        post("/api/reports?file=desert.txt", "text/plain", sample("2017-09-20-desert-front.txt"));
        Res all = get("/api/events?limit=1000");
        int n = all.json().get("events").size();
        assertThat(n).isGreaterThan(3);
        assertThat(all.json().get("total").asInt()).isEqualTo(n);
        assertThat(all.json().get("total_capped").asBoolean()).isFalse();
        assertThat(all.json().get("next_cursor").isNull()).isTrue();
        java.util.List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Res p = get("/api/events?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(p.status()).as(p.body()).isEqualTo(200);
            p.json().get("events").forEach(e -> walked.add(e.get("event_id").asText()));
            cursor = p.json().get("next_cursor").isNull() ? null : p.json().get("next_cursor").asText();
            assertThat(p.raw().headers().firstValue("X-Next-Cursor").orElse(null)).isEqualTo(cursor);
        } while (cursor != null && walked.size() <= n);
        java.util.List<String> expected = new java.util.ArrayList<>();
        all.json().get("events").forEach(e -> expected.add(e.get("event_id").asText()));
        assertThat(walked).isEqualTo(expected);
        assertError(get("/api/events?cursor=%25%25"), 400, "cursor");
        Res first = get("/api/events?limit=1");
        assertError(get("/api/events?offset=1&cursor=" + first.json().get("next_cursor").asText()), 400, "not both");
    }

    @Test
    void eventsArePagedWithATotalAndFiltered() throws Exception {
        post("/api/reports?file=al-bab.md", "text/markdown", sample("2016-11-24-al-bab-front.md"));
        post("/api/reports", "application/json", JSON.writeValueAsString(java.util.Map.of("file", "desert.txt",
                "text", sample("2017-09-20-desert-front.txt"))));
        Res all = get("/api/events?limit=1000");
        int total = all.json().get("total").asInt();
        assertThat(total).isGreaterThanOrEqualTo(7).isEqualTo(all.json().get("events").size());
        Res page = get("/api/events?limit=2&offset=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("events").size()).isEqualTo(2);
        assertThat(page.json().get("total").asInt()).isEqualTo(total);
        assertThat(page.json().get("offset").asInt()).isEqualTo(1);
        assertThat(page.json().get("events").get(0).get("event_id")).isEqualTo(all.json().get("events").get(1).get("event_id"));
        Res sdf = get("/api/events?side=sdf&from=2016-11-01&to=2016-11-30");
        assertThat(sdf.json().get("total").asInt()).isPositive();
        for (JsonNode e : sdf.json().get("events")) {
            assertThat(e.get("side1").asText() + e.get("side2").asText()).contains("sdf");
            assertThat(e.get("event_date").asText()).startsWith("2016-11");
        }
        Res near = get("/api/events?near=" + URLEncoder.encode("al-Bab", StandardCharsets.UTF_8) + "&radius_km=20");
        assertThat(near.status()).as(near.body()).isEqualTo(200);
        assertThat(near.json().get("total").asInt()).isPositive().isLessThan(total);
        Res geo = get("/api/events?format=geojson&bbox=36,34,39,37");
        assertThat(geo.status()).isEqualTo(200);
        assertThat(geo.json().get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.json().get("features").size()).isPositive();
        Res csv = get("/api/events?format=acled-csv&limit=3");
        assertThat(csv.body()).startsWith("event_id_cnty,event_date,year,time_precision,disorder_type");
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        assertError(get("/api/events?from=yesterday"), 400, "from");
        assertError(get("/api/events?bbox=1,2"), 400, "bbox");
        assertError(get("/api/events?limit=0"), 400, "limit");
        assertError(get("/api/events?colour=red"), 400, "colour");
        assertError(get("/api/events?near=Xqzwvv%20Nowhere"), 400, "near");
        assertError(get("/api/places"), 400, "q");
        assertError(post("/api/reports", "application/json", "{\"file\": \"x\"}"), 400, "text");
        assertError(post("/api/reports", "application/json", "{not json"), 400, "JSON");
        assertError(post("/api/reports", "text/plain", "   "), 400, "empty");
    }

    @Test
    void unknownIdsAndEndpointsAre404() throws Exception {
        assertError(get("/api/reports/nope"), 404, "nope");
        assertError(get("/api/events/nope"), 404, "nope");
        assertError(post("/api/events/nope/review", "application/json", "{\"action\":\"confirm\",\"reviewer\":\"a\"}"), 404, "nope");
        assertError(get("/api/nothing-here"), 404, "/api/nothing-here");
    }

    @Test
    void oversizedBodiesAre413() throws Exception {
        assertError(post("/api/reports", "text/plain", "x".repeat(300_000)), 413, "limit");
    }

    @Test
    void reviewsArePersistedAsAnAuditTrail() throws Exception {
        Res posted = post("/api/reports?file=desert.txt", "text/plain", sample("2017-09-20-desert-front.txt"));
        String id = posted.json().get("events").get(0).get("event_id").asText();
        Res bad = post("/api/events/" + id + "/review", "application/json", "{\"action\":\"approve\",\"reviewer\":\"a\"}");
        assertError(bad, 400, "action");
        Res r1 = post("/api/events/" + id + "/review", "application/json", "{\"action\":\"confirm\",\"reviewer\":\"analyst1\"}");
        assertThat(r1.status()).as(r1.body()).isEqualTo(201);
        Res r2 = post("/api/events/" + id + "/review", "application/json",
                "{\"action\":\"correct\",\"reviewer\":\"analyst2\",\"fields\":{\"fatalities\":3,\"event_date\":\"2017-09-17\"}}");
        assertThat(r2.status()).as(r2.body()).isEqualTo(201);
        assertThat(r2.json().get("event").get("review_status").asText()).isEqualTo("corrected");
        Res e = get("/api/events/" + id);
        assertThat(e.json().get("review_status").asText()).isEqualTo("corrected");
        assertThat(e.json().get("fatalities").asInt()).isEqualTo(3);
        assertThat(e.json().get("event_date").asText()).isEqualTo("2017-09-17");
        assertThat(e.json().get("reviews").size()).isEqualTo(2);
        assertThat(e.json().get("reviews").get(0).get("reviewer").asText()).isEqualTo("analyst1");
        assertThat(e.json().get("reviews").get(1).get("fields").get("fatalities").asInt()).isEqualTo(3);
        Res corrected = get("/api/events?status=corrected");
        assertThat(corrected.json().get("events").findValuesAsText("event_id")).contains(id);
        assertThat(store.reviews(id)).hasSize(2);
    }

    @Test
    void theAuditTrailListsEveryReviewAsJsonAndCsv() throws Exception {
        Res posted = post("/api/reports?file=al-bab.md", "text/markdown", sample("2016-11-24-al-bab-front.md"));
        String id = posted.json().get("events").get(0).get("event_id").asText();
        assertThat(post("/api/events/" + id + "/review", "application/json", "{\"action\":\"confirm\",\"reviewer\":\"auditor, \\\"A\\\"\"}").status()).isEqualTo(201);
        Res page = get("/api/reviews?limit=1000");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("total").asLong()).isEqualTo(page.json().get("reviews").size());
        assertThat(page.json().get("reviews").findValuesAsText("reviewer")).contains("auditor, \"A\"");
        Res csv = get("/api/reviews?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,event_id,action,reviewer,created_at,fields\r\n")
                .contains("," + id + ",confirm,\"auditor, \"\"A\"\"\",");
        assertThat(csv.body().split("\r\n")).hasSize(1 + (int) page.json().get("total").asLong());
        assertError(get("/api/reviews?format=xml"), 400, "format");
    }

    @Test
    void theBaseLayerIsTheGazetteerAndItsHull() throws Exception {
        Res r = get("/api/basemap");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("places").size()).isGreaterThan(6000);
        JsonNode hull = r.json().get("hull");
        assertThat(hull.size()).isBetween(3, 200);
        for (JsonNode p : hull) {
            assertThat(p.get(0).asDouble()).as("longitude").isBetween(35.0, 43.0);
            assertThat(p.get(1).asDouble()).as("latitude").isBetween(32.0, 38.0);
        }
        // the hull holds every place: each lies on the inner side of every edge (counter-clockwise)
        for (JsonNode q : r.json().get("places")) {
            for (int i = 0; i < hull.size(); i++) {
                JsonNode a = hull.get(i);
                JsonNode b = hull.get((i + 1) % hull.size());
                double cross = (b.get(0).asDouble() - a.get(0).asDouble()) * (q.get(1).asDouble() - a.get(1).asDouble())
                        - (b.get(1).asDouble() - a.get(1).asDouble()) * (q.get(0).asDouble() - a.get(0).asDouble());
                assertThat(cross).isGreaterThanOrEqualTo(-1e-9);
            }
        }
    }

    @Test
    void theAnalystPageAndLeafletAreServedFromTheJar() throws Exception {
        Res page = get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/webjars/leaflet/").doesNotContain("http://", "https://");
        assertThat(get("/app.js").status()).isEqualTo(200);
        assertThat(get("/webjars/leaflet/1.9.4/dist/leaflet.js").status()).isEqualTo(200);
        assertThat(get("/webjars/leaflet/1.9.4/dist/leaflet.css").status()).isEqualTo(200);
    }

    @Test
    void aReportCarriesTheTextItsFileOffsetsCountIn() throws Exception {
        Res posted = post("/api/reports?file=desert.txt", "text/plain", sample("2017-09-20-desert-front.txt"));
        Res r = get("/api/reports/" + posted.json().get("id").asText());
        String text = r.json().get("text").asText();
        assertThat(text).isEqualTo(sample("2017-09-20-desert-front.txt"));
        for (JsonNode e : r.json().get("events")) {
            JsonNode ev = e.get("evidence");
            assertThat(ev.get("in").asText()).isEqualTo("file");
            int[] cps = text.codePoints().toArray();
            assertThat(new String(cps, ev.get("start").asInt(), ev.get("end").asInt() - ev.get("start").asInt()))
                    .isEqualTo(ev.get("text").asText());
        }
    }

    @Test
    void placesAreLookedUpInTheGazetteer() throws Exception {
        Res r = get("/api/places?q=" + URLEncoder.encode("Deir Ezzor", StandardCharsets.UTF_8) + "&limit=3");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("places").size()).isBetween(1, 3);
        assertThat(r.json().get("places").get(0).get("latitude").asDouble()).isBetween(35.0, 36.0);
    }

    @Test
    void theOpenApiDescriptionDescribesEveryRouteAndNoOther() throws Exception {
        Res r = get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("openapi").asText()).startsWith("3.");
        Set<String> described = new HashSet<>();
        Iterator<String> paths = r.json().get("paths").fieldNames();
        while (paths.hasNext()) {
            String p = paths.next();
            r.json().get("paths").get(p).fieldNames().forEachRemaining(m -> described.add(m + " " + p));
        }
        Set<String> served = new HashSet<>();
        server.routes().forEach(rt -> served.add(rt.method() + " " + rt.path()));
        assertThat(described).containsExactlyInAnyOrderElementsOf(served);
        // every $ref points at a defined schema
        JsonNode schemas = r.json().get("components").get("schemas");
        for (String ref : r.json().findValuesAsText("$ref")) {
            assertThat(schemas.has(ref.substring(ref.lastIndexOf('/') + 1))).as(ref).isTrue();
        }
    }

    @Test
    void everyAnswerCarriesSecurityHeadersAndNoCorsGrant() throws Exception {
        for (String path : List.of("/", "/api/events", "/api/no-such-endpoint")) {
            Res r = send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", "https://elsewhere.example").GET());
            var h = r.raw().headers();
            assertThat(h.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(h.firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(h.firstValue("Content-Security-Policy").orElse("")).as(path).contains("script-src 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(h.firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
    }
}
