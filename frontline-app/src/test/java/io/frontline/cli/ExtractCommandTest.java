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
        // added fields: a text report's offsets count in the file; it has no url; every report has a story
        assertThat(e.get("evidence").get("in").asText()).isEqualTo("file");
        assertThat(report.get("url").isNull()).isTrue();
        assertThat(report.get("story").asText()).isEqualTo("story-" + report.get("id").asText());
        assertThat(e.get("corroboration").asInt()).isEqualTo(1);
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
        assertThat(lines[0]).endsWith(",rule,evidence_in,url,story,corroboration,duplicate_of,source_reliability,assessed_confidence");
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

    /** The seed as a page of another outlet (built at test time; no article prose is stored here). */
    static String seedPage(String charsetMeta) throws Exception {
        String[] ps = Files.readString(SEED).split("\\n\\s*\\n");
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head>" + charsetMeta + "<title>" + ps[0].strip() + "</title>"
                + "<link rel=\"canonical\" href=\"https://observer.example/homs\"><script>var s='Scriptville';</script></head><body>"
                + "<nav><a href=/>Home</a> <a href=/world>World</a></nav><article><h1>" + ps[0].strip() + "</h1>");
        for (int i = 1; i < ps.length; i++) {
            String p = ps[i].strip().replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("\\*\\*+", "")
                    .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            if (!p.isEmpty()) {
                sb.append("<p>").append(p.replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return sb.append("<div class=share-bar>Share Tweet Email</div></article><section class=comments><p>First!</p></section>"
                + "<footer>About us</footer></body></html>").toString();
    }

    @Test
    void pagesFeedsAndJsonLinesEachReadWithBadOnesNamed(@TempDir Path dir) throws Exception {
        requireSeed();
        Path page = dir.resolve("observer.html");
        Files.write(page, seedPage("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">")
                .replace("'Amudiyah", "\u2019Amudiyah").getBytes("windows-1252"));
        Path feed = dir.resolve("broken.rss");
        Files.writeString(feed, "<rss version=\"2.0\"><channel><item><title>x</title></channel>");
        Path lines = dir.resolve("archive.jsonl");
        ObjectMapper json = new ObjectMapper();
        Files.writeString(lines, json.writeValueAsString(java.util.Map.of("url", "https://archive.example/1", "text", Files.readString(SEED)))
                + "\nthis line is not JSON\n");
        Path blob = dir.resolve("blob.html");
        Files.write(blob, new byte[]{'<', 'h', 't', 'm', 'l', '>', 0, 1, 2, 3});
        Path unknownCharset = dir.resolve("odd.html");
        Files.writeString(unknownCharset, "<html><head><meta charset=\"x-no-such-charset\"></head><body><p>Text.</p></body></html>");

        Run r = run("extract", "--format", "json", page.toString(), feed.toString(), lines.toString(), blob.toString(),
                unknownCharset.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("broken.rss: malformed feed").contains("archive.jsonl:2: not JSON")
                .contains("blob.html: binary file").contains("odd.html: declares the character encoding 'x-no-such-charset'")
                .doesNotContain("\tat ");
        JsonNode reports = json.readTree(r.out()).get("reports");
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).get("file").asText()).endsWith("observer.html");
        assertThat(reports.get(0).get("url").asText()).isEqualTo("https://observer.example/homs");
        assertThat(reports.get(1).get("file").asText()).endsWith("archive.jsonl:1");
        assertThat(reports.get(1).get("url").asText()).isEqualTo("https://archive.example/1");
        for (JsonNode report : reports) {
            String body = report.get("body").asText();
            assertThat(body).doesNotContain("Scriptville").doesNotContain("Tweet").doesNotContain("First!");
            assertThat(report.get("events").size()).isBetween(12, 13);
            int[] cps = body.codePoints().toArray();
            for (JsonNode e : report.get("events")) {
                JsonNode ev = e.get("evidence");
                assertThat(ev.get("in").asText()).isEqualTo("body");
                assertThat(new String(cps, ev.get("start").asInt(), ev.get("end").asInt() - ev.get("start").asInt()))
                        .isEqualTo(ev.get("text").asText());
            }
        }
        // one story: the page and the JSON line are copies of the seed; the copy's events are duplicates and count once
        assertThat(reports.get(0).get("story").asText()).startsWith("story-").isEqualTo(reports.get(1).get("story").asText());
        JsonNode doc = json.readTree(r.out());
        assertThat(doc.get("stories")).hasSize(1);
        assertThat(doc.get("stories").get(0).get("origin_source").asText()).isEqualTo("South Front");
        for (JsonNode e : reports.get(1).get("events")) {
            assertThat(e.get("story").asText()).isEqualTo(reports.get(1).get("story").asText());
            assertThat(e.get("corroboration").asInt()).isEqualTo(1);
            assertThat(e.get("duplicate_of").asText()).startsWith(reports.get(0).get("id").asText());
        }
        // the windows-1252 right quote decoded as such
        assertThat(reports.get(0).get("body").asText()).contains("\u2019Amudiyah");
    }

    @Test
    void stdinIsRecognisedByItsContent() throws Exception {
        requireSeed();
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(seedPage("<meta charset=\"utf-8\">").getBytes(StandardCharsets.UTF_8)));
            Run r = run("extract", "--format", "json", "-");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(r.out()).get("reports").get(0);
            assertThat(report.get("url").asText()).isEqualTo("https://observer.example/homs");
            assertThat(report.get("events").get(0).get("evidence").get("in").asText()).isEqualTo("body");
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void sourceProfilesWeighConfidenceAndCanBeOverridden(@TempDir Path dir) throws Exception {
        requireSeed();
        ObjectMapper json = new ObjectMapper();
        JsonNode bundled = json.readTree(run("extract", "--format", "json", SEED.toString()).out()).get("reports").get(0).get("events").get(0);
        assertThat(bundled.get("source_reliability").asText()).isEqualTo("low");
        assertThat(bundled.get("assessed_confidence").asDouble()).isLessThan(bundled.get("confidence").asDouble());
        assertThat(bundled.get("confidence_reasons").toString()).contains("Media Bias/Fact Check");

        Path mine = dir.resolve("mine.tsv");
        Files.writeString(mine, "publisher\taliases\tdomains\tcountry\talignment\treliability\tbasis\n"
                + "Global Research\t\tglobalresearch.ca\t\t\thigh\tmy own judgement\n"
                + "South Front\t\t\t\t\thigh\tmy own judgement\n");
        JsonNode mineEvent = json.readTree(run("extract", "--format", "json", "--sources", mine.toString(), SEED.toString()).out())
                .get("reports").get(0).get("events").get(0);
        assertThat(mineEvent.get("source_reliability").asText()).isEqualTo("high");
        assertThat(mineEvent.get("assessed_confidence").asDouble()).isEqualTo(mineEvent.get("confidence").asDouble());

        Files.writeString(mine, "publisher\taliases\tdomains\tcountry\talignment\treliability\tbasis\nX\t\t\t\t\tsuperb\t\n");
        Run bad = run("extract", "--sources", mine.toString(), SEED.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("mine.tsv:2: reliability must be one of");
    }

    @Test
    void theSamplePageCorroboratesTheSampleTextReport() throws Exception {
        Run r = run("extract", "--format", "json", "samples/");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode reports = new ObjectMapper().readTree(r.out()).get("reports");
        JsonNode page = null;
        for (JsonNode rep : reports) {
            if (rep.get("file").asText().endsWith("river-front.html")) {
                page = rep;
            }
        }
        assertThat(page).isNotNull();
        assertThat(page.get("body").asText()).doesNotContain("Reader:").doesNotContain("analytics").doesNotContain("Tweet");
        for (JsonNode e : page.get("events")) {
            assertThat(e.get("corroboration").asInt()).as(e.get("location").asText()).isEqualTo(2);
            assertThat(e.get("assessed_confidence").asDouble()).isGreaterThan(e.get("confidence").asDouble());
        }
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
            assertThat(r.out()).contains("1 reports in 1 stories; 1 events, 0 of them repeated by copies");
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
