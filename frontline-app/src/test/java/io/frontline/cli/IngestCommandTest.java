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
}
