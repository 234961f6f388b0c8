package io.frontline.cli;

import io.frontline.ingest.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportInputsTest {
    private static final String PAGE = "<html><head>%s<title>Caf\u00e9 \u2013 test</title></head><body><p>Na\u00efve caf\u00e9 text \u201cquoted\u201d.</p></body></html>";

    private static ReportInputs read(Path dir, String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        ReportInputs in = new ReportInputs(1_000_000);
        in.add(f.toString(), System.in);
        return in;
    }

    @Test
    void pagesAreDecodedByBomThenMetaCharsetThenUtf8ThenWindows1252(@TempDir Path dir) throws Exception {
        String undeclared = PAGE.formatted("");
        String expected = "Na\u00efve caf\u00e9 text \u201cquoted\u201d.";

        byte[] utf16 = undeclared.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        assertThat(read(dir, "utf16.html", withBom).inputs.get(0).text()).contains(expected);

        String koi = PAGE.formatted("<meta charset=\"KOI8-R\">").replace("Na\u00efve caf\u00e9 text \u201cquoted\u201d.", "\u0414\u0435\u0439\u0440-\u044d\u0437-\u0417\u043e\u0440");
        assertThat(read(dir, "koi.html", koi.replace("\u00e9", "e").replace("\u2013", "-").getBytes(Charset.forName("KOI8-R")))
                .inputs.get(0).text()).contains("\u0414\u0435\u0439\u0440-\u044d\u0437-\u0417\u043e\u0440");

        assertThat(read(dir, "plain-utf8.html", undeclared.getBytes(StandardCharsets.UTF_8)).inputs.get(0).text()).contains(expected);
        assertThat(read(dir, "legacy.html", undeclared.getBytes(Charset.forName("windows-1252"))).inputs.get(0).text()).contains(expected);

        ReportInputs lying = read(dir, "lying.html", PAGE.formatted("<meta charset=\"utf-8\">").getBytes(Charset.forName("windows-1252")));
        assertThat(lying.inputs).isEmpty();
        assertThat(lying.problems.get(0).reason()).contains("not valid UTF-8 as its <meta charset> declares");
    }

    @Test
    void feedsFollowTheirXmlDeclarationAndStdinIsSniffed(@TempDir Path dir) throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title></channel></rss>";
        ReportInputs feed = read(dir, "latin.rss", rss.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(feed.inputs.get(0).text()).contains("Caf\u00e9");
        assertThat(feed.inputs.get(0).format()).isEqualTo(Format.FEED);

        for (var c : java.util.Map.of(rss, Format.FEED, PAGE.formatted(""), Format.HTML, "{\"text\": \"x\"}\n{\"text\": \"y\"}", Format.JSON_LINES,
                "Plain report text.\n\nSecond paragraph.", Format.TEXT).entrySet()) {
            ReportInputs in = new ReportInputs(1_000_000);
            in.add("-", new ByteArrayInputStream(c.getKey().getBytes(StandardCharsets.UTF_8)));
            assertThat(in.inputs.get(0).format()).as(c.getKey()).isEqualTo(c.getValue());
        }
    }

    @Test
    void directoriesHoldEveryReportFormat(@TempDir Path dir) throws Exception {
        for (String n : new String[]{"a.txt", "b.md", "c.html", "d.htm", "e.jsonl", "f.rss", "g.atom", "h.xml"}) {
            Files.writeString(dir.resolve(n), "x");
        }
        Files.writeString(dir.resolve("notes.csv"), "x");
        ReportInputs in = new ReportInputs(1_000_000);
        in.add(dir.toString(), System.in);
        assertThat(in.inputs).extracting(i -> Path.of(i.name()).getFileName().toString())
                .containsExactly("a.txt", "b.md", "c.html", "d.htm", "e.jsonl", "f.rss", "g.atom", "h.xml");
    }
}
