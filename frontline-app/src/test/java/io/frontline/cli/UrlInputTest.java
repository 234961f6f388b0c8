package io.frontline.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports fetched from a URL: a page served on localhost is read as HTML; a missing page is refused by name. */
class UrlInputTest {
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/report", ex -> {
            byte[] body = ("<html><head><title>Front report</title><meta property=\"article:published_time\" content=\"2016-11-24\">"
                    + "</head><body><nav>Home</nav><article><p>On 23 November 2016, the SDF captured the village of Arima "
                    + "from ISIL.</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aPageAtAUrlIsReadAsAWebPage() throws Exception {
        var r = ExtractCommandTest.run("extract", "--format", "json", base + "/report");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"title\" : \"Front report\"").contains("\"location\" : \"Arima\"").doesNotContain("<nav>");
    }

    @Test
    void aMissingPageIsRefusedByNameAndTheOthersAreRead() throws Exception {
        var r = ExtractCommandTest.run("extract", base + "/missing", base + "/report");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(base + "/missing: HTTP 404");
        assertThat(r.out()).contains("Arima");
    }
}
