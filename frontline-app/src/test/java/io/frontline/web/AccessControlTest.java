package io.frontline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.JdbcEventStore;
import io.frontline.store.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens, private reads, rate limits and optimistic locking of reviews, over real HTTP. */
class AccessControlTest {
    @TempDir
    static Path dir;
    static JdbcEventStore store;
    static TokenStore tokens;
    static ApiServer server;
    static ApiServer privateServer;
    static ApiServer limited;
    static String base;
    static String privateBase;
    static String limitedBase;
    static String alice;
    static String bob;
    static String revoked;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        KnowledgeBase kb = BundledKnowledge.load();
        store = JdbcEventStore.embedded(dir.resolve("data"));
        tokens = TokenStore.embedded(dir.resolve("data"));
        alice = tokens.create("alice");
        bob = tokens.create("bob");
        revoked = tokens.create("mallory");
        assertThat(tokens.revoke("mallory")).isTrue();
        Frontline f = new Frontline(kb);
        server = new ApiServer(store, f, kb.gazetteer(), 200_000, new AccessControl(tokens, false, 0, 0));
        base = "http://localhost:" + server.start(0);
        privateServer = new ApiServer(store, f, kb.gazetteer(), 200_000, new AccessControl(tokens, true, 0, 0));
        privateBase = "http://localhost:" + privateServer.start(0);
        limited = new ApiServer(store, f, kb.gazetteer(), 200_000, new AccessControl(tokens, false, 20, 2));
        limitedBase = "http://localhost:" + limited.start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        privateServer.stop();
        limited.stop();
        tokens.close();
        store.close();
    }

    record Res(int status, JsonNode json, HttpResponse<String> raw) {
    }

    static Res send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode j = r.headers().firstValue("Content-Type").orElse("").contains("json") ? JSON.readTree(r.body()) : null;
        return new Res(r.statusCode(), j, r);
    }

    static HttpRequest.Builder req(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static Res postReport(String baseUrl, String token, String name, String text) throws Exception {
        return send(req(baseUrl + "/api/reports?file=" + name, token).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    static Res review(String token, String id, String body) throws Exception {
        return send(req(base + "/api/events/" + id + "/review", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String sample(String name) throws Exception {
        return Files.readString(Path.of("..", "samples", name).toFile().exists() ? Path.of("..", "samples", name) : Path.of("samples", name),
                StandardCharsets.UTF_8);
    }

    static String eventId() throws Exception {
        Res r = postReport(base, alice, "desert.txt", sample("2017-09-20-desert-front.txt"));
        assertThat(r.status()).as(r.raw().body()).isIn(200, 201);
        return r.json().get("events").get(0).get("event_id").asText();
    }

    @Test
    void tokensAreStoredOnlyAsSaltedHashes() {
        TokenStore.TokenInfo a = tokens.find("alice").orElseThrow();
        assertThat(alice).startsWith("flt_").hasSizeGreaterThan(40);
        assertThat(a.hash()).doesNotContain(alice).hasSize(64);
        assertThat(a.salt()).isNotEqualTo(tokens.find("bob").orElseThrow().salt());
        assertThat(a.matches(alice)).isTrue();
        assertThat(a.matches(bob)).isFalse();
    }

    @Test
    void writesNeedAValidTokenAndReadsArePublic() throws Exception {
        String text = "Raqqa, 3 May 2016.\n\nOn 2 May 2016, Syrian government forces shelled the town of Maskanah. Four civilians were killed.\n";
        Res none = postReport(base, null, "a.txt", text);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(none.json().get("detail").asText()).contains("Authorization: Bearer TOKEN", "frontline token create");
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        Res unknown = postReport(base, "flt_not-a-token", "a.txt", text);
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.json().get("detail").asText()).contains("unknown");
        Res gone = postReport(base, revoked, "a.txt", text);
        assertThat(gone.status()).isEqualTo(403);
        assertThat(gone.json().get("detail").asText()).contains("mallory", "revoked");
        Res basic = send(HttpRequest.newBuilder(URI.create(base + "/api/reports")).header("Authorization", "Basic YTpi")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
        assertThat(basic.status()).isEqualTo(401);
        assertThat(store.reports(100, 0).items()).noneMatch(r -> "a.txt".equals(r.get("file")));
        assertThat(postReport(base, alice, "a.txt", text).status()).isEqualTo(201);
        // reads need nothing; the page and the OpenAPI description neither
        assertThat(send(req(base + "/api/events", null).GET()).status()).isEqualTo(200);
        assertThat(send(req(base + "/openapi.json", null).GET()).status()).isEqualTo(200);
        // an unknown method on an API path is refused before it reaches anything
        assertThat(send(req(base + "/api/events", null).DELETE()).status()).isEqualTo(401);
    }

    @Test
    void privateReadsNeedATokenButThePageLoadsWithout() throws Exception {
        Res none = send(req(privateBase + "/api/events", null).GET());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("detail").asText()).contains("reads need a token");
        assertThat(send(req(privateBase + "/api/events", revoked).GET()).status()).isEqualTo(403);
        assertThat(send(req(privateBase + "/api/events", bob).GET()).status()).isEqualTo(200);
        assertThat(send(req(privateBase + "/", null).GET()).status()).isEqualTo(200);
        assertThat(send(req(privateBase + "/app.js", null).GET()).status()).isEqualTo(200);
    }

    @Test
    void theReviewerRecordedIsTheTokensName() throws Exception {
        String id = eventId();
        int before = store.reviews(id).size();
        Res r = review(bob, id, "{\"action\":\"confirm\",\"reviewer\":\"someone else\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.json().get("reviewer").asText()).isEqualTo("bob");
        assertThat(store.reviews(id).get(before).reviewer()).isEqualTo("bob");
        assertThat(r.json().get("version").asInt()).isEqualTo(before + 1);
        assertThat(r.raw().headers().firstValue("ETag")).hasValue("\"" + (before + 1) + "\"");
    }

    @Test
    void aStaleVersionIsRefusedWith409NamingTheCurrentVersionAndWhoChangedIt() throws Exception {
        String text = "Homs, 9 June 2016.\n\nOn 8 June 2016, Islamic State fighters attacked the village of Jazal. Three soldiers were killed.\n";
        Res posted = postReport(base, alice, "jazal.txt", text);
        String id = posted.json().get("events").get(0).get("event_id").asText();
        Res seen = send(req(base + "/api/events/" + id, null).GET());
        int v = seen.json().get("version").asInt();
        assertThat(seen.raw().headers().firstValue("ETag")).hasValue("\"" + v + "\"");
        assertThat(review(alice, id, "{\"action\":\"confirm\",\"version\":" + v + "}").status()).isEqualTo(201);
        Res stale = review(bob, id, "{\"action\":\"correct\",\"version\":" + v + ",\"fields\":{\"fatalities\":4}}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("error").asText()).isEqualTo("version_conflict");
        assertThat(stale.json().get("detail").asText()).contains("current version is " + (v + 1), "alice (confirm)");
        // the same through If-Match; the current version succeeds
        Res staleHeader = send(req(base + "/api/events/" + id + "/review", bob).header("Content-Type", "application/json")
                .header("If-Match", "\"" + v + "\"").POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"reject\"}")));
        assertThat(staleHeader.status()).isEqualTo(409);
        Res fresh = send(req(base + "/api/events/" + id + "/review", bob).header("Content-Type", "application/json")
                .header("If-Match", "\"" + (v + 1) + "\"").POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"reject\"}")));
        assertThat(fresh.status()).as(fresh.raw().body()).isEqualTo(201);
        assertThat(review(bob, id, "{\"action\":\"reject\",\"version\":\"x\"}").status()).isEqualTo(400);
        assertThat(review(bob, "no-such-event", "{\"action\":\"reject\",\"version\":0}").status()).isEqualTo(404);
    }

    @Test
    void twoAnalystsReviewingTheSameEventAtOnceExactlyOneWins() throws Exception {
        String text = "Idlib, 4 April 2017.\n\nOn 3 April 2017, Syrian government forces shelled the town of Saraqib. Two civilians were killed.\n";
        String id = postReport(base, alice, "saraqib.txt", text).json().get("events").get(0).get("event_id").asText();
        for (int round = 0; round < 5; round++) {
            int v = send(req(base + "/api/events/" + id, null).GET()).json().get("version").asInt();
            int deaths = round + 2;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Res>> results = new ArrayList<>();
            for (String t : List.of(alice, bob)) {
                results.add(pool.submit(() -> {
                    go.await();
                    return review(t, id, "{\"action\":\"correct\",\"version\":" + v + ",\"fields\":{\"fatalities\":" + deaths + "}}");
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Res> f : results) {
                statuses.add(f.get().status());
            }
            pool.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            assertThat(store.reviews(id)).hasSize(v + 1);
        }
    }

    @Test
    void overTheRateLimitTheAnswerIs429WithRetryAfter() throws Exception {
        int ok = 0;
        Res refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            Res r = send(req(limitedBase + "/api/events?limit=1", null).GET());
            if (r.status() == 200) {
                ok++;
            } else {
                refused = r;
            }
        }
        assertThat(refused).as("a burst of 60 reads is over 20/s").isNotNull();
        assertThat(ok).isGreaterThanOrEqualTo(15);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").asText()).isEqualTo("too_many_requests");
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1");
        // writes have their own, smaller bucket
        Res w = null;
        for (int i = 0; i < 10; i++) {
            w = postReport(limitedBase, alice, "x.txt", "");
            if (w.status() == 429) {
                break;
            }
        }
        assertThat(w.status()).isEqualTo(429);
        assertThat(w.json().get("detail").asText()).contains("2 writes per second");
        Thread.sleep(1100);
        assertThat(send(req(limitedBase + "/api/events?limit=1", null).GET()).status()).isEqualTo(200);
    }
}
