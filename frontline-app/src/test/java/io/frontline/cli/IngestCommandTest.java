package io.frontline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IngestCommandTest {
    @Test
    void ingestTwiceStoresOnceAndNamesRefusals(@TempDir Path dir) throws Exception {
        ExtractCommandTest.requireSeed();
        Path data = dir.resolve("store");
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        var first = ExtractCommandTest.run("ingest", "--data", data.toString(), ExtractCommandTest.SEED_PATH.toString(), empty.toString());
        assertThat(first.code()).as(first.err()).isEqualTo(1);
        assertThat(first.err()).contains("empty.txt: empty input");
        assertThat(first.out()).containsPattern("reports read: 1, stored: 1, already present: 0, refused: 1, events stored: 1[23]");
        var second = ExtractCommandTest.run("ingest", "--data", data.toString(), ExtractCommandTest.SEED_PATH.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("reports read: 1, stored: 0, already present: 1, refused: 0, events stored: 0");
    }

    @Test
    void aBadDatabaseUrlIsAUsageError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.txt");
        Files.writeString(f, "Government forces captured Palmyra on 2 March 2017.");
        var r = ExtractCommandTest.run("ingest", "--db", "mysql://x", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--db");
    }

    @Test
    void pagesAndJsonLinesAreStoredAsTheReportsTheyHold(@TempDir Path dir) throws Exception {
        ExtractCommandTest.requireSeed();
        String seed = Files.readString(ExtractCommandTest.SEED_PATH);
        Path page = dir.resolve("seed.html");
        Files.writeString(page, "<html><head><title>Syrian Army Clearing Eastern Homs Pocket From ISIS</title>"
                + "<meta property=\"article:published_time\" content=\"2017-09-14\"></head><body><nav>Home | World</nav><article>"
                + seed.lines().filter(l -> l.startsWith("The Syrian Arab Army") || l.startsWith("The SAA and"))
                .map(l -> "<p>" + l.replace("&", "&amp;").replace("<", "&lt;") + "</p>").reduce("", String::concat)
                + "</article><footer>Share this</footer></body></html>");
        Path lines = dir.resolve("two.jsonl");
        Files.writeString(lines, "{\"url\":\"https://example.org/a\",\"published\":\"2016-11-24\",\"text\":\"On 23 November 2016, "
                + "the SDF captured the village of Arima.\"}\n{\"url\":\"https://example.org/b\",\"published\":\"2016-11-25\","
                + "\"text\":\"On 24 November 2016, Turkish artillery shelled the village of Arima.\"}\n");
        Path data = dir.resolve("data");
        var r = ExtractCommandTest.run("ingest", "--data", data.toString(), page.toString(), lines.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // the page's article is one report (not its markup), the JSON lines file two
        assertThat(r.out()).containsPattern("reports read: 3, stored: 3, already present: 0, refused: 0, events stored: ([5-9]|1\\d)");
        var events = ExtractCommandTest.run("events", "--data", data.toString(), "--format", "json");
        assertThat(events.out()).contains("Rouad").contains("Arima").doesNotContain("<p>");
    }

    /**
     * The seed under two names and a third copy in a later batch ({@code --batch 2}): stored once, the copies counted as
     * present (the one in the same batch too), and the same events as a one-by-one ingest ({@code --batch 1}).
     */
    @Test
    void copiesInsideAndAcrossBatchesAreStoredOnce(@TempDir Path dir) throws Exception {
        ExtractCommandTest.requireSeed();
        Path in = Files.createDirectories(dir.resolve("in"));
        String seed = Files.readString(ExtractCommandTest.SEED_PATH);
        Files.writeString(in.resolve("a-seed.txt"), seed);
        Files.writeString(in.resolve("b-seed-copy.txt"), seed);
        Files.writeString(in.resolve("c-other.txt"), "Government forces captured Palmyra on 2 March 2017.");
        Files.writeString(in.resolve("d-seed-again.txt"), seed);
        var bulk = ExtractCommandTest.run("ingest", "--batch", "2", "--data", dir.resolve("bulk").toString(), in.toString());
        assertThat(bulk.code()).as(bulk.err()).isZero();
        assertThat(bulk.out()).containsPattern("reports read: 4, stored: 2, already present: 2, refused: 0, events stored: 1[3-5]");
        var single = ExtractCommandTest.run("ingest", "--batch", "1", "--data", dir.resolve("single").toString(), in.toString());
        assertThat(single.out()).contains(bulk.out().lines().filter(l -> l.startsWith("reports read")).findFirst().orElseThrow());
        var a = ExtractCommandTest.run("events", "--data", dir.resolve("bulk").toString(), "--format", "json");
        var b = ExtractCommandTest.run("events", "--data", dir.resolve("single").toString(), "--format", "json");
        assertThat(a.out()).contains("Palmyra").isEqualTo(b.out());
        assertThat(ExtractCommandTest.run("ingest", "--batch", "0", "--data", dir.resolve("bulk").toString(), in.toString()).code())
                .isEqualTo(2);
    }
}
