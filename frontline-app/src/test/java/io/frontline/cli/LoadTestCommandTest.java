package io.frontline.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code frontline loadtest}'s own HTTP client: every answer read whole, statuses, hits and failures counted. */
class LoadTestCommandTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * A fake server: the probe ({@code limit=1}) answers 200; then the reads answer by turn: 200 with a length,
     * 200 chunked (X-Cache: hit), 500, and every {@code closeEvery}-th one 200 with "Connection: close".
     */
    private String fake(int closeEvery, boolean errors) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger n = new AtomicInteger();
        byte[] big = "x".repeat(150_000).getBytes(StandardCharsets.US_ASCII); // longer than the client's buffer
        server.createContext("/api/events", ex -> {
            ex.getRequestBody().readAllBytes();
            if (ex.getRequestURI().getQuery().equals("limit=1")) {
                ex.sendResponseHeaders(200, 2);
                ex.getResponseBody().write("{}".getBytes(StandardCharsets.US_ASCII));
                ex.close();
                return;
            }
            int i = n.incrementAndGet();
            if (closeEvery > 0 && i % closeEvery == 0) {
                ex.getResponseHeaders().add("Connection", "close");
            }
            switch (i % 3) {
                case 0 -> {
                    ex.sendResponseHeaders(200, big.length);
                    ex.getResponseBody().write(big);
                }
                case 1 -> {
                    ex.getResponseHeaders().add("X-Cache", "hit");
                    ex.sendResponseHeaders(200, 0); // chunked
                    ex.getResponseBody().write(big, 0, 70_000);
                    ex.getResponseBody().flush();
                    ex.getResponseBody().write(big, 0, 3);
                }
                default -> {
                    byte[] b = "{\"error\":\"internal\"}".getBytes(StandardCharsets.US_ASCII);
                    ex.sendResponseHeaders(errors ? 500 : 200, b.length);
                    ex.getResponseBody().write(b);
                }
            }
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static long number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void countsEveryStatusAndCacheHitAndFailsOnAnErrorStatus() throws Exception {
        String url = fake(7, true);
        var r = ExtractCommandTest.run("loadtest", "--url", url, "--seconds", "60", "--concurrency", "3", "--max-requests", "90");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(number(r.out(), "reads: (\\d+) requests")).isEqualTo(90);
        // 90 reads by turn: a third each 500, chunked hit, whole body
        assertThat(r.out()).contains("statuses: {200=60, 500=30}").doesNotContain("connection errors");
        assertThat(number(r.out(), "X-Cache\\): (\\d+) hits")).isEqualTo(30);
        assertThat(r.out()).containsPattern("client CPU: [0-9.]+ s in the reading threads");
    }

    @Test
    void passesWhenEveryReadIsAnsweredWithOk() throws Exception {
        String url = fake(0, false);
        var r = ExtractCommandTest.run("loadtest", "--url", url, "--seconds", "60", "--concurrency", "2", "--max-requests", "40");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("statuses: {200=40}").containsPattern("requests/s=\\d+ p50_ms=");
    }

    @Test
    void countsAServerThatStopsAnsweringAsConnectionErrors() throws Exception {
        String url = fake(0, false);
        int port = server.getAddress().getPort();
        // the probe passes, then every read finds the port closed
        server.removeContext("/api/events");
        server.createContext("/api/events", ex -> {
            ex.getRequestBody().readAllBytes();
            if ("limit=1".equals(ex.getRequestURI().getQuery())) {
                ex.sendResponseHeaders(200, 2);
                ex.getResponseBody().write("{}".getBytes(StandardCharsets.US_ASCII));
                ex.close();
                new Thread(() -> server.stop(0)).start();
                return;
            }
            ex.close();
        });
        var r = ExtractCommandTest.run("loadtest", "--url", url, "--seconds", "60", "--concurrency", "2", "--max-requests", "10");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("reads: 0 requests", "connection errors: 10");
        assertThat(port).isPositive();
    }
}
