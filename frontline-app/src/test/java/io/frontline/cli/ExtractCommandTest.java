package io.frontline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractCommandTest {
    private static final Path SEED = Path.of("..", "shared", "seed", "000_0f73b6b4984142d8.txt");
    static final Path SEED_PATH = SEED;

    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static void requireSeed() {
        boolean present = Files.exists(SEED);
        if (!present && "1".equals(System.getenv("FRONTLINE_REQUIRE_SHARED"))) {
            throw new AssertionError("../shared is required but missing");
        }
        Assumptions.assumeTrue(present, "skipped: ../shared is not beside this checkout");
    }

    @Test
    void jsonContractOnTheSeed() throws Exception {
        requireSeed();
        Run r = run("extract", "--format", "json", SEED.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out()).get("reports").get(0);
        for (String field : List.of("id", "file", "title", "publisher", "original_source", "published", "credits", "tags", "body",
                "removed", "events", "claims")) {
            assertThat(report.has(field)).as(field).isTrue();
        }
        assertThat(report.get("published").asText()).isEqualTo("2017-09-14");
        assertThat(report.get("events")).hasSizeBetween(12, 13);
        JsonNode e = report.get("events").get(0);
        for (String field : List.of("event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                "assoc_actor_1", "actor2", "assoc_actor_2", "side1", "side2", "inter1", "inter2", "location", "admin1", "admin2",
                "latitude", "longitude", "geo_precision", "fatalities", "status", "attribution", "notes", "evidence", "confidence")) {
            assertThat(e.has(field)).as(field).isTrue();
        }
        for (String field : List.of("start", "end", "text", "rule")) {
            assertThat(e.get("evidence").has(field)).as("evidence." + field).isTrue();
        }
        assertThat(e.get("status").asText()).isEqualTo("reported");
        JsonNode claim = report.get("claims").get(0);
        assertThat(claim.get("status").asText()).isEqualTo("predicted");
        assertThat(claim.get("attribution").asText()).isEqualTo("pro-government sources");
    }

    @Test
    void csvHasAcledColumnsAndOneRowPerEvent() {
        requireSeed();
        Run r = run("extract", "--format", "csv", SEED.toString());
        String[] lines = r.out().split("\\R");
        assertThat(lines[0]).startsWith(String.join(",", AcledCsv.ACLED_COLUMNS) + ",side1,side2");
        assertThat(lines).hasSizeBetween(13, 14);
    }

    @Test
    void badInputsAreNamedAndTheOthersStillProcessed(@TempDir Path dir) throws Exception {
        requireSeed();
        Path binary = dir.resolve("image.txt");
        Files.write(binary, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Caf\u00e9 near Homs".getBytes(StandardCharsets.ISO_8859_1));
        Run r = run("extract", "--format", "json", binary.toString(), empty.toString(), latin1.toString(),
                dir.resolve("missing.txt").toString(), SEED.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("image.txt: binary file").contains("empty.txt: empty input")
                .contains("latin1.txt: not valid UTF-8").contains("missing.txt: no such file")
                .doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode reports = new ObjectMapper().readTree(r.out()).get("reports");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("events").size()).isGreaterThan(10);
    }

    @Test
    void oversizedInputIsRefused(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.txt");
        Files.writeString(big, "The army captured the town of Tadef. ".repeat(100));
        Run r = run("extract", "--max-size", "1000", big.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("big.txt").contains("over the limit of 1000");
    }

    @Test
    void stdinAndTextFormat() {
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(
                    "On 23 November 2016, the SDF captured Arima from ISIL.".getBytes(StandardCharsets.UTF_8)));
            Run r = run("extract", "-");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("2016-11-23").contains("Non-state actor overtakes territory").contains("Arima");
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.out()).contains("extract").contains("places").contains("gazetteer");
        assertThat(run("extract", "--help").out()).contains("--format").contains("json, csv, text");
    }

    @Test
    void placesCommandShowsCandidates() {
        Run r = run("places", "Dayr az Zawr");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Deir ez-Zor").contains("35.3");
    }
}
