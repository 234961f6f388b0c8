package io.frontline.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.Extraction;
import io.frontline.TestData;
import io.frontline.events.Event;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesReaderTest {
    private final JsonLinesReader reader = new JsonLinesReader(TestData.knowledge().furniture());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String line(Map<String, Object> fields) throws Exception {
        return JSON.writeValueAsString(fields);
    }

    @Test
    void readsOneReportALineAndNamesTheLinesItRefuses() throws Exception {
        String seed = TestData.read(TestData.SEED);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("url", "https://archive.example/1");
        first.put("title", "Syrian Army Clearing Eastern Homs Pocket From ISIS");
        first.put("published", "2017-09-14T12:00:00Z");
        first.put("publisher", "Archive Example");
        first.put("text", seed);
        String corpus = TestData.read(TestData.corpus("battle_of_tabqa.md"));
        Map<String, Object> second = Map.of("url", "https://archive.example/2", "text", corpus, "authors", java.util.List.of("Wikipedia"));
        String file = String.join("\n", line(first), "{\"url\": \"https://archive.example/3\", \"text\": ", "", "[1, 2]",
                "{\"title\": \"no text here\"}", line(second), "");

        Reports r = reader.read("archive.jsonl", file);

        assertThat(r.problems()).extracting(Reports.Problem::name)
                .containsExactly("archive.jsonl:2", "archive.jsonl:4", "archive.jsonl:5");
        assertThat(r.problems().get(0).reason()).startsWith("not JSON");
        assertThat(r.problems().get(1).reason()).startsWith("not a JSON object");
        assertThat(r.problems().get(2).reason()).contains("no \"text\"");
        assertThat(r.reports()).extracting(Report::file).containsExactly("archive.jsonl:1", "archive.jsonl:6");

        Report s = r.reports().get(0);
        assertThat(s.url()).isEqualTo("https://archive.example/1");
        assertThat(s.publisher()).isEqualTo("Archive Example");
        assertThat(s.published()).isEqualTo(LocalDate.of(2017, 9, 14));
        assertThat(s.offsetsIn()).isEqualTo("body");
        assertThat(s.text()).isEqualTo(s.body());
        assertThat(s.authors()).contains("South Front");

        Extraction fromLine = TestData.frontline().extract(s);
        Extraction fromFile = TestData.extract(TestData.SEED);
        assertThat(fromLine.events().stream().map(JsonLinesReaderTest::key).collect(Collectors.toSet()))
                .isEqualTo(fromFile.events().stream().map(JsonLinesReaderTest::key).collect(Collectors.toSet()));
        int[] cps = s.body().codePoints().toArray();
        for (Event e : fromLine.events()) {
            assertThat(e.evidence().in()).isEqualTo("body");
            assertThat(new String(cps, e.evidence().start(), e.evidence().end() - e.evidence().start())).isEqualTo(e.evidence().text());
        }
        assertThat(r.reports().get(1).authors()).contains("Wikipedia");
        assertThat(r.reports().get(1).url()).isEqualTo("https://archive.example/2");
    }

    @Test
    void htmlInAJsonLineGoesThroughTheHtmlReader() throws Exception {
        String html = "<article><h1>Composed headline</h1><p>" + "A composed paragraph for this test. ".repeat(8)
                + "</p><script>var x = 'never in the body';</script><div class=\"share\">Share Tweet</div></article>";
        String file = line(Map.of("url", "https://x.example/a", "html", html, "title", "Composed headline"));
        Report r = reader.read("x.jsonl", file).reports().get(0);
        assertThat(r.title()).isEqualTo("Composed headline");
        assertThat(r.body()).startsWith("A composed paragraph").doesNotContain("never in the body").doesNotContain("Tweet");
    }

    @Test
    void aTitleEndingInAFullStopOrVeryLongIsNeverBodyText() throws Exception {
        String body = "A composed paragraph of the report, long enough to be its body text for this test.";
        for (String title : new String[]{"Composed title ending in a full stop.", "Long composed title ".repeat(15)}) {
            Report r = reader.read("t.jsonl", line(Map.of("title", title, "text", body))).reports().get(0);
            assertThat(r.body()).isEqualTo(body);
            assertThat(r.title()).isEqualTo(title.strip());
        }
    }

    @Test
    void corpusArticlesAsJsonLinesKeepTheirOffsetsInTheBody() throws Exception {
        TestData.requireShared();
        StringBuilder file = new StringBuilder();
        java.util.List<java.nio.file.Path> articles;
        try (var s = java.nio.file.Files.list(TestData.CORPUS)) {
            articles = s.filter(p -> p.toString().endsWith(".md")).sorted().limit(8).toList(); // the page test takes all 28
        }
        for (java.nio.file.Path a : articles) {
            file.append(line(Map.of("url", "https://mirror.example/" + a.getFileName(), "text", TestData.read(a)))).append('\n');
        }
        Reports r = reader.read("corpus.jsonl", file.toString());
        assertThat(r.problems()).isEmpty();
        assertThat(r.reports()).hasSize(articles.size());
        int events = 0;
        for (Report report : r.reports()) {
            assertThat(report.text()).isEqualTo(report.body());
            int[] cps = report.body().codePoints().toArray();
            Extraction x = TestData.frontline().extract(report);
            for (Event e : x.events()) {
                events++;
                for (var ev : java.util.stream.Stream.concat(java.util.stream.Stream.of(e.evidence()), e.provenance().values().stream()).toList()) {
                    assertThat(ev.in()).isEqualTo("body");
                    assertThat(new String(cps, ev.start(), ev.end() - ev.start())).as(report.file()).isEqualTo(ev.text());
                }
            }
        }
        assertThat(events).isGreaterThan(150);
    }

    private static String key(Event e) {
        return e.subEventType() + " | " + e.side1() + " > " + e.side2() + " @ " + e.location() + " | " + e.eventDate();
    }
}
