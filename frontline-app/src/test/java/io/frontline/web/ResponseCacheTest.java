package io.frontline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.JdbcEventStore;
import io.frontline.store.StoreFixtures;
import io.frontline.store.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response cache of the read endpoints: a write by another store instance on the same H2 file (as another process
 * would, through H2's automatic server) or a review makes the next read a miss with the new content; the cache is
 * bounded; the access check runs before it.
 */
class ResponseCacheTest {
    @TempDir
    static Path dir;
    static JdbcEventStore store;
    static JdbcEventStore other;
    static TokenStore tokens;
    static ApiServer server;
    static ApiServer privateServer;
    static String base;
    static String privateBase;
    static String alice;
    static KnowledgeBase kb;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        kb = BundledKnowledge.load();
        store = JdbcEventStore.embedded(dir.resolve("data"));
        other = JdbcEventStore.embedded(dir.resolve("data")); // pools of its own: another writer of the same file
        tokens = TokenStore.embedded(dir.resolve("data"));
        alice = tokens.create("alice");
        Frontline f = new Frontline(kb);
        server = new ApiServer(store, f, kb.gazetteer(), 200_000, new AccessControl(tokens, false, 0, 0));
        base = "http://localhost:" + server.start(0);
        privateServer = new ApiServer(store, f, kb.gazetteer(), 200_000, new AccessControl(tokens, true, 0, 0));
        privateBase = "http://localhost:" + privateServer.start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        privateServer.stop();
        tokens.close();
        other.close();
        store.close();
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cache(HttpResponse<String> r) {
        return r.headers().firstValue("X-Cache").orElse("");
    }

    @Test
    void aWriteByAnotherStoreInstanceAndAReviewInvalidate() throws Exception {
        other.save(StoreFixtures.doc("rc-a", new Object[]{"2017-09-10", "government", "islamic_state", 35.3, 40.1}));
        String q = base + "/api/events?limit=50&from=2017-01-01&to=2017-12-31";
        HttpResponse<String> first = get(q, null);
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> second = get(base + "/api/events?to=2017-12-31&from=2017-01-01&limit=50", null); // same, reordered
        assertThat(cache(second)).isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body());
        int before = JSON.readTree(first.body()).get("total").asInt();

        // another instance (its own pools, as another process) stores a report: the next read is fresh
        other.save(StoreFixtures.doc("rc-b", new Object[]{"2017-09-11", "sdf", "islamic_state", 35.9, 39.0}));
        HttpResponse<String> third = get(q, null);
        assertThat(cache(third)).isEqualTo("miss");
        assertThat(JSON.readTree(third.body()).get("total").asInt()).isEqualTo(before + 1);
        assertThat(cache(get(q, null))).isEqualTo("hit");

        // a review through the API: the event and the listing show it at once
        String id = "rc-b-001";
        JsonNode ev = JSON.readTree(get(base + "/api/events/" + id, null).body());
        assertThat(ev.get("review_status").asText()).isEqualTo("unreviewed");
        assertThat(cache(get(base + "/api/events/" + id, null))).isEqualTo("hit");
        HttpResponse<String> rv = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/events/" + id + "/review"))
                .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"reject\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rv.statusCode()).isEqualTo(201);
        HttpResponse<String> after = get(base + "/api/events/" + id, null);
        assertThat(cache(after)).isEqualTo("miss");
        assertThat(JSON.readTree(after.body()).get("review_status").asText()).isEqualTo("rejected");
        assertThat(get(q + "&status=rejected", null).body()).contains(id);

        // a review by the other instance, bypassing this server, is seen too
        other.review("rc-a-001", "confirm", "bob", Map.of());
        assertThat(JSON.readTree(get(base + "/api/events/rc-a-001", null).body()).get("review_status").asText())
                .isEqualTo("confirmed");
    }

    @Test
    void eventsKeptByIdFollowReviewsAndWritesOfOtherInstances() throws Exception {
        other.save(StoreFixtures.doc("ek-a", new Object[]{"2013-04-02", "government", "opposition", 35.3, 40.1},
                new Object[]{"2013-04-03", "opposition", "government", 35.4, 40.2},
                new Object[]{"2013-04-04", "sdf", "islamic_state", 36.1, 38.9}));
        ApiServer plain = new ApiServer(store, new Frontline(kb), kb.gazetteer(), 200_000).responseCache(0, 0);
        String plainBase = "http://localhost:" + plain.start(0);
        try {
            String window = "/api/events?from=2013-04-01&to=2013-04-30&limit=";
            long[] c0 = server.eventCacheCounts();
            HttpResponse<String> first = get(base + window + "50", null);
            assertThat(first.statusCode()).isEqualTo(200);
            long[] c1 = server.eventCacheCounts();
            assertThat(c1[1] - c0[1]).as("read from the store").isEqualTo(3);
            // another request (not a cached answer) of the same events takes them from the cache, byte for byte as
            // a server without any cache writes them
            HttpResponse<String> second = get(base + window + "49", null);
            assertThat(cache(second)).isEqualTo("miss");
            long[] c2 = server.eventCacheCounts();
            assertThat(c2[0] - c1[0]).as("from the cache").isEqualTo(3);
            assertThat(c2[1]).isEqualTo(c1[1]);
            assertThat(second.body()).isEqualTo(get(plainBase + window + "49", null).body());
            assertThat(JSON.readTree(second.body()).get("events")).isEqualTo(JSON.readTree(first.body()).get("events"));

            // a correction through this server: the next listing shows it
            HttpResponse<String> rv = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/events/ek-a-001/review"))
                    .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"correct\",\"fields\":{\"fatalities\":17}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(rv.statusCode()).isEqualTo(201);
            JsonNode corrected = JSON.readTree(get(base + window + "48", null).body()).get("events").get(0);
            assertThat(corrected.get("event_id").asText()).isEqualTo("ek-a-001");
            assertThat(corrected.get("fatalities").asInt()).isEqualTo(17);
            assertThat(corrected.get("review_status").asText()).isEqualTo("corrected");
            // the other events stayed in the cache
            long[] c3 = server.eventCacheCounts();
            assertThat(c3[1] - c2[1]).as("only the corrected event read again").isEqualTo(1);

            // a review by another instance (as another process), which this server did not make nor record
            other.review("ek-a-002", "reject", "bob", Map.of());
            JsonNode afterOther = JSON.readTree(get(base + window + "47", null).body()).get("events");
            assertThat(afterOther.get(1).get("review_status").asText()).isEqualTo("rejected");
            assertThat(get(base + window + "46", null).body()).isEqualTo(get(plainBase + window + "46", null).body());
        } finally {
            plain.stop();
        }
    }

    @Test
    void eventsByIdAreBoundedDroppedByARecordedReviewAndNotKeptFromAnOlderVersion() {
        ResponseCache c = new ResponseCache(100, 1_000_000, 2_000);
        java.util.List<String> ids = java.util.List.of("e-1", "e-2", "e-3");
        c.events(3).put(ids, java.util.List.of(new byte[300], new byte[300], new byte[300]));
        assertThat(java.util.Arrays.asList(c.events(3).get(ids))).doesNotContainNull();
        // a report added by this server keeps them; a review of e-2 drops only e-2
        io.frontline.store.StoredEvent e2 = new io.frontline.store.StoredEvent(Map.of("event_id", "e-2"), "r", "r.txt", "Wire",
                "unreviewed", 0);
        io.frontline.store.StoredEvent added = new io.frontline.store.StoredEvent(Map.of("event_id", "e-9"), "r", "r.txt", "Wire",
                "unreviewed", 0);
        write(c, 3, 4, added, true);
        assertThat(java.util.Arrays.asList(c.events(4).get(ids))).doesNotContainNull();
        write(c, 4, 5, e2, false);
        byte[][] got = c.events(5).get(ids);
        assertThat(got[0]).isNotNull();
        assertThat(got[1]).isNull();
        assertThat(got[2]).isNotNull();
        // what was read at an older version than the newest seen is neither kept nor taken
        c.events(4).put(java.util.List.of("e-2"), java.util.List.of(new byte[300]));
        assertThat(c.events(5).get(java.util.List.of("e-2"))[0]).isNull();
        assertThat(java.util.Arrays.asList(c.events(4).get(ids))).containsOnlyNulls();
        // bounded in bytes: the least recently used go first
        for (int i = 0; i < 20; i++) {
            c.events(5).put(java.util.List.of("f-" + i), java.util.List.of(new byte[300]));
        }
        assertThat(c.eventBytes()).isLessThanOrEqualTo(2_000);
        assertThat(c.events(5).get(java.util.List.of("f-19", "f-0"))).satisfies(b -> {
            assertThat(b[0]).isNotNull();
            assertThat(b[1]).isNull();
        });
        // a version nobody recorded drops them all
        assertThat(c.events(7).get(java.util.List.of("f-19"))[0]).isNull();
        assertThat(c.eventsKept()).isZero();
        assertThat(new ResponseCache(100, 1_000).events(1)).as("no room for events: no event cache").isNull();
    }

    @Test
    void accessIsCheckedBeforeTheCache() throws Exception {
        String q = privateBase + "/api/events?limit=5";
        HttpResponse<String> withToken = get(q, alice);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(cache(get(q, alice))).isEqualTo("hit");
        HttpResponse<String> without = get(q, null);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).doesNotContain("\"events\"");
        assertThat(get(q, "flt_wrong").statusCode()).isIn(401, 403);
    }

    @Test
    void errorsAreNotCachedAndTheVersionGrowsWithTokenChanges() throws Exception {
        assertThat(get(base + "/api/events?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(cache(get(base + "/api/events?limit=0", null))).isEqualTo("miss");
        long v = store.version();
        tokens.create("carol");
        assertThat(other.version()).isEqualTo(store.version()).isGreaterThan(v);
    }

    /**
     * A report posted to this server and a review through it drop the cached listings whose filter the written events
     * match (as they were or as they are) and keep the others, which still equal the store's answer.
     */
    @Test
    void aWriteOfThisServerKeepsOnlyTheListingsItCannotChange() throws Exception {
        other.save(StoreFixtures.doc("rc-w", new Object[]{"2014-05-10", "government", "islamic_state", 35.3, 40.1},
                new Object[]{"2012-02-10", "sdf", "islamic_state", 36.1, 38.2}));
        String in2016 = base + "/api/events?from=2016-03-01&to=2016-03-31&limit=50";
        String in2014 = base + "/api/events?from=2014-05-01&to=2014-05-31&limit=50";
        String in2012 = base + "/api/events?from=2012-02-01&to=2012-02-28&format=geojson";
        String others = base + "/api/reports?limit=5";
        Object[][] many = new Object[JdbcEventStore.TOTAL_CAP + 5][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new Object[]{"2010-01-" + String.format("%02d", 1 + i % 28), "sdf", "islamic_state", 36.0, 38.0};
        }
        other.save(StoreFixtures.doc("rc-many", many));
        String firstPage = base + "/api/events?limit=5"; // capped, with a next page, ending in January 2010
        assertThat(JSON.readTree(get(firstPage, null).body()).get("total_capped").asBoolean()).isTrue();
        for (String q : java.util.List.of(in2016, in2014, in2012, others, firstPage)) {
            get(q, null);
            assertThat(cache(get(q, null))).as(q).isEqualTo("hit");
        }
        String in2014Body = get(in2014, null).body();
        String in2012Body = get(in2012, null).body();

        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/reports?file=aleppo.txt"))
                .header("Authorization", "Bearer " + alice).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Aleppo, 10 March 2016.\n\nOn 9 March 2016, Syrian government forces "
                        + "shelled the town of Aleppo. 12 civilians were killed, according to local activists.\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode events = JSON.readTree(posted.body()).get("events");
        assertThat(events).isNotEmpty();
        assertThat(events).allMatch(e -> e.get("event_date").asText().startsWith("2016-03-"));
        HttpResponse<String> march = get(in2016, null);
        assertThat(cache(march)).isEqualTo("miss");
        assertThat(march.body()).contains(events.get(0).get("event_id").asText());
        assertThat(cache(get(others, null))).isEqualTo("miss");
        HttpResponse<String> may = get(in2014, null);
        assertThat(cache(may)).isEqualTo("hit");
        assertThat(may.body()).isEqualTo(in2014Body);
        assertThat(cache(get(in2012, null))).isEqualTo("hit");
        assertThat(cache(get(firstPage, null))).as("new matches after a capped page").isEqualTo("hit");

        // a correction moves an event from February 2012 to May 2014: both listings change, March 2016's stays
        assertThat(cache(get(in2016, null))).isEqualTo("hit");
        HttpResponse<String> rv = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/events/rc-w-002/review"))
                .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"correct\",\"fields\":{\"event_date\":\"2014-05-20\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rv.statusCode()).isEqualTo(201);
        HttpResponse<String> feb = get(in2012, null);
        assertThat(cache(feb)).isEqualTo("miss");
        assertThat(feb.body()).isNotEqualTo(in2012Body).doesNotContain("rc-w-002");
        HttpResponse<String> mayAfter = get(in2014, null);
        assertThat(cache(mayAfter)).isEqualTo("miss");
        assertThat(mayAfter.body()).contains("rc-w-002");
        assertThat(cache(get(in2016, null))).isEqualTo("hit");
        assertThat(get(in2016, null).body()).isEqualTo(march.body());
        assertThat(cache(get(firstPage, null))).as("a changed match, even after the page").isEqualTo("miss");
    }

    @Test
    void aNewerVersionNotRecordedDropsEverythingAndWaitsForAWriteInProgress() {
        ResponseCache c = new ResponseCache(100, 1_000_000);
        io.frontline.store.EventFilter may2014 = io.frontline.store.EventFilter.parse(
                Map.of("from", "2014-05-01", "to", "2014-05-31"), n -> null);
        io.frontline.store.EventFilter sdf = io.frontline.store.EventFilter.parse(Map.of("side", "sdf"), n -> null);
        c.put("may", 4, new ResponseCache.Entry("application/json", Map.of(), new byte[10], may2014));
        c.put("sdf", 4, new ResponseCache.Entry("application/json", Map.of(), new byte[10], sdf));
        c.put("reports", 4, new ResponseCache.Entry("application/json", Map.of(), new byte[10]));
        io.frontline.store.StoredEvent written = new io.frontline.store.StoredEvent(Map.of("event_id", "x-001",
                "event_date", "2016-03-09", "side1", "SDF", "latitude", 36.2, "longitude", 37.1), "x", "x.txt", "Wire", "unreviewed", 0);
        c.beginWrite();
        // the write committed version 5 and is not recorded yet: a read at 5 neither sees old entries nor drops them
        assertThat(c.get("may", 5)).isNull();
        c.put("new", 5, new ResponseCache.Entry("application/json", Map.of(), new byte[10]));
        assertThat(c.get("may", 4)).isNotNull();
        c.endWrite(4, 5, new ResponseCache.Write(java.util.List.of(written), true));
        assertThat(c.get("may", 5)).isNotNull();
        assertThat(c.get("sdf", 5)).isNull();      // the side matches, ignoring case
        assertThat(c.get("reports", 5)).isNull();  // not a listing: any write may change it
        assertThat(c.get("new", 5)).isNull();
        // a capped page with a next page ending on 2016-01-01 stays when matches are added after it, not before it
        // nor when a match after it is changed
        ResponseCache.Entry page = new ResponseCache.Entry("application/json", Map.of(), new byte[10], sdf, java.time.LocalDate.of(2016, 1, 1));
        c.put("page", 5, page);
        write(c, 5, 6, written, true);
        assertThat(c.get("page", 6)).isNotNull();
        write(c, 6, 7, written, false);
        assertThat(c.get("page", 7)).isNull();
        c.put("page", 7, new ResponseCache.Entry("application/json", Map.of(), new byte[10], sdf, java.time.LocalDate.of(2016, 3, 9)));
        write(c, 7, 8, written, true);
        assertThat(c.get("page", 8)).isNull();
        // a write of two versions at once (another writer came in between) is not recorded: everything goes
        write(c, 8, 10, written, true);
        assertThat(c.get("may", 10)).isNull();
        assertThat(c.size()).isZero();
    }

    /** A write of this server from store version {@code before} to {@code after}, of one event (added or changed). */
    private static void write(ResponseCache c, long before, long after, io.frontline.store.StoredEvent e, boolean added) {
        c.beginWrite();
        c.endWrite(before, after, new ResponseCache.Write(java.util.List.of(e), added));
    }

    @Test
    void theCacheIsBoundedInEntriesAndBytes() {
        ResponseCache c = new ResponseCache(3, 10_000);
        for (int i = 0; i < 10; i++) {
            c.put("k" + i, 7, new ResponseCache.Entry("application/json", Map.of(), new byte[100]));
        }
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.get("k9", 7)).isNotNull();
        assertThat(c.get("k0", 7)).isNull();
        // an answer of an older version than the newest seen is never kept nor served
        assertThat(c.get("k9", 8)).isNull();
        c.put("old", 7, new ResponseCache.Entry("application/json", Map.of(), new byte[1]));
        assertThat(c.get("old", 8)).isNull();
        assertThat(c.size()).isZero();
        ResponseCache small = new ResponseCache(1000, 1_000);
        for (int i = 0; i < 50; i++) {
            small.put("k" + i, 1, new ResponseCache.Entry("text/csv", Map.of("ETag", "\"1\""), new byte[200]));
        }
        assertThat(small.bytes()).isLessThanOrEqualTo(1_000);
        assertThat(small.size()).isBetween(1, 5);
    }
}
