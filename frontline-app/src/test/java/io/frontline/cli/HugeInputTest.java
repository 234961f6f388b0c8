package io.frontline.cli;

import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.JdbcEventStore;
import io.frontline.web.ApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A 1 GB input is refused by the size limit quickly and without being read into memory: as a file (sparse, so the
 * test writes nothing), on stdin (a lazy stream that counts what is read) and as a streamed HTTP body (413; the server
 * reads and discards the rest of the body, so memory is bounded but not the bytes received).
 */
class HugeInputTest {
    static final long GB = 1L << 30;

    /** {@code size} bytes of report-like text, made as they are read. */
    static final class LazyInput extends InputStream {
        final long size;
        long read;

        LazyInput(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? "Raqqa was shelled. ".charAt((int) (read++ % 19)) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) "Raqqa was shelled. ".charAt((int) ((read + i) % 19));
            }
            read += n;
            return n;
        }
    }

    @Test
    void aOneGigabyteFileIsRefusedByItsSizeWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("huge.txt");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(GB); // sparse: no blocks written
        }
        ReportInputs in = new ReportInputs(20_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> in.add(f.toString(), System.in));
        assertThat(in.inputs).isEmpty();
        assertThat(in.problems).singleElement().satisfies(p -> assertThat(p.reason())
                .contains("1073741824 bytes, over the limit of 20000000", "--max-size"));
        Files.delete(f);
    }

    @Test
    void aOneGigabyteStdinIsReadOnlyUpToTheLimit() {
        LazyInput stdin = new LazyInput(GB);
        ReportInputs in = new ReportInputs(20_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> in.add("-", stdin));
        assertThat(in.inputs).isEmpty();
        assertThat(in.problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("over the limit of 20000000"));
        assertThat(stdin.read).as("bytes read from stdin").isLessThanOrEqualTo(20_000_001L);
    }

    @Test
    void aOneGigabyteRequestBodyIsRefusedWith413(@TempDir Path dir) throws Exception {
        KnowledgeBase kb = BundledKnowledge.load();
        try (JdbcEventStore store = JdbcEventStore.embedded(dir.resolve("data"))) {
            ApiServer server = new ApiServer(store, new Frontline(kb), kb.gazetteer(), 5_000_000);
            String base = "http://localhost:" + server.start(0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                // 1: a declared length; 2: chunked. Jetty reads and discards what a client sends after the 413, so
                // what is checked is that the answer comes without the body being kept: the heap does not grow by it.
                for (int mode = 1; mode < 3; mode++) {
                    LazyInput body = new LazyInput(GB);
                    HttpRequest.BodyPublisher p = HttpRequest.BodyPublishers.ofInputStream(() -> body);
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/reports?file=huge.txt"))
                            .header("Content-Type", "text/plain").timeout(Duration.ofSeconds(60))
                            .POST(mode == 2 ? p : HttpRequest.BodyPublishers.fromPublisher(p, GB)).build();
                    System.gc();
                    long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                    int status;
                    try {
                        status = assertTimeoutPreemptively(Duration.ofSeconds(60),
                                () -> http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode());
                    } catch (Exception e) {
                        // the server answered and closed the connection while the client was still sending
                        assertThat(e).isInstanceOf(java.io.IOException.class);
                        status = -1;
                    }
                    long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                    assertThat(status).as("mode " + mode).isIn(413, -1);
                    // garbage from the discarded bytes stays in the young generation until a collection, so the bound
                    // is what a kept body would exceed (the whole gigabyte), not a tight figure
                    assertThat(heapAfter - heapBefore).as("heap growth, mode " + mode).isLessThan(GB * 3 / 4);
                }
                assertThat(store.reports(10, 0).total()).isZero();
            } finally {
                server.stop();
            }
        }
    }
}
