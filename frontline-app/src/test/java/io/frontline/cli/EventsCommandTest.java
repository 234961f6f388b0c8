package io.frontline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventsCommandTest {
    @TempDir
    static Path dir;
    static String data;

    @BeforeAll
    static void ingestSeed() {
        ExtractCommandTest.requireSeed();
        data = dir.resolve("store").toString();
        var r = ExtractCommandTest.run("ingest", "--data", data, ExtractCommandTest.SEED_PATH.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void jsonListsTheSeedsEventsWithTotal() throws Exception {
        var r = ExtractCommandTest.run("events", "--data", data, "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        int total = doc.get("total").asInt();
        assertThat(total).isBetween(12, 13);
        assertThat(doc.get("events")).hasSize(total);
        JsonNode e = doc.get("events").get(0);
        assertThat(e.get("evidence").get("text").asText()).isNotBlank();
        assertThat(e.get("review_status").asText()).isEqualTo("unreviewed");
        assertThat(e.has("provenance")).isTrue();
        var limited = new ObjectMapper().readTree(ExtractCommandTest.run("events", "--data", data, "--format", "json",
                "--limit", "2", "--offset", "1").out());
        assertThat(limited.get("events")).hasSize(2);
        assertThat(limited.get("total").asInt()).isEqualTo(total);
        assertThat(limited.get("events").get(0).get("event_id")).isEqualTo(doc.get("events").get(1).get("event_id"));
    }

    @Test
    void filtersNarrowAndBadFiltersAreNamed() throws Exception {
        var all = new ObjectMapper().readTree(ExtractCommandTest.run("events", "--data", data, "--format", "json").out());
        var is = new ObjectMapper().readTree(ExtractCommandTest.run("events", "--data", data, "--format", "json",
                "--side", "islamic_state").out());
        assertThat(is.get("total").asInt()).isPositive().isLessThanOrEqualTo(all.get("total").asInt());
        for (JsonNode e : is.get("events")) {
            assertThat(List.of(e.get("side1").asText(), e.get("side2").asText())).contains("islamic_state");
        }
        var near = new ObjectMapper().readTree(ExtractCommandTest.run("events", "--data", data, "--format", "json",
                "--near", "Deir ez-Zor", "--radius-km", "30").out());
        assertThat(near.get("total").asInt()).isPositive();
        var bad = ExtractCommandTest.run("events", "--data", data, "--bbox", "1,2,3");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--bbox").doesNotContain("\tat ");
        var table = ExtractCommandTest.run("events", "--data", data);
        assertThat(table.out()).contains("event_id").contains(all.get("total").asInt() + " events");
    }

    @Test
    void geojsonIsAFeatureCollectionOfPoints() throws Exception {
        Path out = dir.resolve("events.geojson");
        var r = ExtractCommandTest.run("export", "--data", data, "--format", "geojson", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(Files.readString(out));
        assertThat(doc.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(doc.get("features").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode f : doc.get("features")) {
            assertThat(f.get("type").asText()).isEqualTo("Feature");
            assertThat(f.get("geometry").get("type").asText()).isEqualTo("Point");
            double lon = f.get("geometry").get("coordinates").get(0).asDouble();
            double lat = f.get("geometry").get("coordinates").get(1).asDouble();
            assertThat(lon).isBetween(35.0, 43.0);   // Syria: longitude first
            assertThat(lat).isBetween(32.0, 37.5);
            assertThat(f.get("properties").get("event_id").asText()).isEqualTo(f.get("id").asText());
            f.get("properties").fields().forEachRemaining(p -> assertThat(p.getValue().isContainerNode()).as(p.getKey()).isFalse());
        }
    }

    @Test
    void acledCsvHasAcledsColumnsAndParses() throws Exception {
        var r = ExtractCommandTest.run("export", "--data", data, "--format", "acled-csv");
        assertThat(r.code()).as(r.err()).isZero();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(r.out())).getRecords();
        assertThat(rows).hasSizeBetween(12, 13);
        List<String> header = CSVFormat.RFC4180.parse(new StringReader(r.out().lines().findFirst().orElseThrow()))
                .getRecords().get(0).toList();
        assertThat(header.subList(0, AcledCsv.ACLED_COLUMNS.size())).containsExactlyElementsOf(AcledCsv.ACLED_COLUMNS);
        for (CSVRecord row : rows) {
            assertThat(row.size()).isEqualTo(AcledCsv.COLUMNS.size());
            assertThat(row.get("event_date")).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(row.get("year")).isEqualTo(row.get("event_date").substring(0, 4));
            assertThat(row.get("disorder_type")).isNotBlank();
            assertThat(row.get("country")).isEqualTo("Syria");
            assertThat(row.get("timestamp")).matches("\\d+");
            assertThat(row.get("review_status")).isEqualTo("unreviewed");
            assertThat(row.get("evidence_text")).isNotBlank();
        }
        assertThat(r.out().getBytes(StandardCharsets.UTF_8).length).isPositive();
    }
}
