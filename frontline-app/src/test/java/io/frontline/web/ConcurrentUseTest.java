package io.frontline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.EventFilter;
import io.frontline.store.JdbcEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Several clients at once on one server over embedded H2: posting reports while others query. */
class ConcurrentUseTest {
    static final String[] PLACES = {"Maskanah", "Palmyra", "Manbij", "Tabqa", "Dabiq", "Saraqib"};

    static String report(int writer, int i) {
        int day = 1 + (writer * 7 + i) % 27;
        String place = PLACES[(writer + i) % PLACES.length];
        return place + ", " + (day + 1) + " May 2016.\n\nOn " + day + " May 2016, Syrian government forces shelled the town of "
                + place + ". " + (2 + i) + " civilians were killed (writer " + writer + ", report " + i + ").\n";
    }

    @Test
    void concurrentIngestAndQueriesGiveNoErrorsAndConsistentCounts(@TempDir Path dir) throws Exception {
        KnowledgeBase kb = BundledKnowledge.load();
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        try (JdbcEventStore store = JdbcEventStore.embedded(dir.resolve("data"))) {
            ApiServer server = new ApiServer(store, new Frontline(kb), kb.gazetteer(), 200_000);
            String base = "http://localhost:" + server.start(0);
            try {
                int writers = 3;
                int perWriter = 12;
                int readers = 4;
                ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
                AtomicInteger eventsPosted = new AtomicInteger();
                AtomicInteger reads = new AtomicInteger();
                AtomicBoolean writing = new AtomicBoolean(true);
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> ws = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int id = w;
                    ws.add(new Thread(() -> {
                        try {
                            go.await();
                            for (int i = 0; i < perWriter; i++) {
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports?file=w" + id + "-" + i + ".txt"))
                                        .header("Content-Type", "text/plain; charset=utf-8")
                                        .POST(HttpRequest.BodyPublishers.ofString(report(id, i), StandardCharsets.UTF_8)).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 201) {
                                    failures.add("POST " + r.statusCode() + " " + r.body());
                                } else {
                                    eventsPosted.addAndGet(json.readTree(r.body()).get("events").size());
                                }
                            }
                        } catch (Exception e) {
                            failures.add("writer: " + e);
                        }
                    }));
                }
                List<Thread> rs = new ArrayList<>();
                String[] queries = {"/api/events?limit=50", "/api/events?side=government&from=2016-05-01&to=2016-05-31",
                        "/api/events?place=Palmyra", "/api/events?bbox=35,34,40,37&limit=5", "/api/reports?limit=100",
                        "/api/events?format=geojson&limit=20", "/api/reviews"};
                for (int r = 0; r < readers; r++) {
                    int id = r;
                    rs.add(new Thread(() -> {
                        try {
                            go.await();
                            long lastTotal = 0;
                            for (int i = 0; writing.get() || i < 10; i++) {
                                String q = queries[(id + i) % queries.length];
                                HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(base + q)).GET().build(),
                                        HttpResponse.BodyHandlers.ofString());
                                reads.incrementAndGet();
                                if (resp.statusCode() != 200) {
                                    failures.add("GET " + q + " " + resp.statusCode() + " " + resp.body());
                                    continue;
                                }
                                if (q.equals("/api/events?limit=50")) {
                                    JsonNode page = json.readTree(resp.body());
                                    long total = page.get("total").asLong();
                                    if (total < lastTotal) {
                                        failures.add("the event total went down from " + lastTotal + " to " + total);
                                    }
                                    if (page.get("events").size() != Math.min(50, total)) {
                                        failures.add("a page of " + page.get("events").size() + " events for a total of " + total);
                                    }
                                    lastTotal = total;
                                }
                            }
                        } catch (Exception e) {
                            failures.add("reader: " + e);
                        }
                    }));
                }
                ws.forEach(Thread::start);
                rs.forEach(Thread::start);
                go.countDown();
                for (Thread t : ws) {
                    t.join();
                }
                writing.set(false);
                for (Thread t : rs) {
                    t.join();
                }
                assertThat(failures).isEmpty();
                assertThat(reads.get()).isGreaterThan(readers * 10);
                assertThat(store.reports(1000, 0).total()).isEqualTo(writers * perWriter);
                assertThat(store.eventCount()).isEqualTo(eventsPosted.get()).isPositive();
                assertThat(store.events(EventFilter.ALL, 1000, 0).items()).hasSize(eventsPosted.get());
                for (Map<String, Object> r : store.reports(1000, 0).items()) {
                    assertThat(((Map<?, ?>) store.report((String) r.get("id")).orElseThrow()).get("events"))
                            .asList().hasSize(((Number) r.get("event_count")).intValue());
                }
            } finally {
                server.stop();
            }
        }
    }
}
