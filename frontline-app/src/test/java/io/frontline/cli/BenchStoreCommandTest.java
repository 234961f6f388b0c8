package io.frontline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchStoreCommandTest {
    @Test
    void aSmallRunPrintsTheFigures(@TempDir Path dir) {
        var r = ExtractCommandTest.run("bench-store", "--events", "300", "--queries", "2", "--data", dir.resolve("s").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("ingest_reports/s=\\d+ events=300 query_p95_ms=[0-9.]+")
                .containsPattern("H2 wrote to its file \\(.*\\): [0-9.]+ KB per report one by one, [0-9.]+ KB per report in bulk");
        var again = ExtractCommandTest.run("bench-store", "--events", "10", "--data", dir.resolve("s").toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("not empty");
    }
}
