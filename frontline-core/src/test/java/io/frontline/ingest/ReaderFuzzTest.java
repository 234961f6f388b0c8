package io.frontline.ingest;

import io.frontline.Frontline;
import io.frontline.TestData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzing of the four readers behind {@link Frontline#read(String, String, Format)} with jqwik: 10,000 inputs per run
 * (2,500 per reader) made by mutating real reports (the seed of ../shared where present, samples/, and pages, feeds and
 * JSON lines built from them): byte flips, truncation, deletion and duplication of slices, insertion of tags, entities,
 * NULs, huge attributes, deep nesting and long runs, decoded with a random charset (UTF-8, UTF-16 either way,
 * ISO-8859-1, windows-1252). The property: each input is read within 2 seconds into a {@link Reports} (refusals are its
 * {@code problems}, the readers' documented way to refuse) and never throws. Each input is a pure function of the
 * long jqwik draws, so a failure's reported sample reproduces it. A further 100 mutated text reports go through
 * extraction as well (10 seconds each: extraction runs at about 0.6 MB per CPU-second and mutants reach 200 KB).
 * Found so far: three regular expressions of the text reader (list marks, links) and the page reader's furniture test
 * were quadratic on long runs of blank lines, brackets or deeply nested elements (seconds to minutes per input).
 */
class ReaderFuzzTest {
    /**
     * 2 seconds per input on an idle machine; on a loaded one (the development machine runs at a load average of 10 to
     * 28 on 2 cores) scaled by the load per core, at most 5 times. Quadratic cases found took 20 seconds and more.
     */
    private static final Duration LIMIT = Duration.ofMillis((long) (2000 * Math.max(1, Math.min(5,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                    / Runtime.getRuntime().availableProcessors()))));
    private static final Charset[] CHARSETS = {StandardCharsets.UTF_8, StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252")};
    private static final String[] INSERTS = {"<", ">", "<div>", "</div>", "</p>", "<p>", "<script>", "</script>", "<style>",
            "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\" encoding=\"x-unknown\"?>", "<item>", "</item>", "<entry>",
            "</entry>", "<rss version=\"2.0\"><channel>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<article>", "</article>",
            "&amp;", "&lt;", "&#0;", "&#x0;", "&#99999999;", "&#xD800;", "&nbsp", "&", "&unknown;", "\0", "\0\0\0\0", "\uFEFF",
            "\uD800", "\uDC00", "\u202E", "\r", "\r\n\r\n", "\n\n\n", "{", "}", "\"", "\\", "\\u0000", "{\"text\":", "\":null,",
            "---\n", "\n---\n", "# ", "```", "[", "](", "*", "|", "<meta charset=\"bogus\">", "<html>", "</html>", "<body>",
            "<title>", "\t", "\u0085", "\u2028", "\uFFFD", "🇸🇾", "مدينة حلب", "Dayr az Zawr"};

    private static List<String> texts;
    private static List<String> html;
    private static List<String> feeds;
    private static List<String> jsonLines;

    private static synchronized void seeds() {
        if (texts != null) {
            return;
        }
        List<String> t = new ArrayList<>();
        t.add(read(Path.of("samples", "2017-09-20-desert-front.txt")));
        t.add(read(Path.of("samples", "2016-11-24-al-bab-front.md")));
        if (Files.exists(TestData.SEED)) {
            t.add(read(TestData.SEED));
        }
        List<String> h = new ArrayList<>();
        h.add(read(Path.of("samples", "2017-09-19-river-front.html")));
        List<String> f = new ArrayList<>();
        List<String> j = new ArrayList<>();
        for (String s : t) {
            String paras = String.join("", s.lines().filter(l -> !l.isBlank()).limit(12)
                    .map(l -> "<p>" + esc(l) + "</p>").toList());
            h.add("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>A report</title>"
                    + "<meta property=\"article:published_time\" content=\"2017-09-14\"></head><body><nav><a href=\"/\">Home</a></nav>"
                    + "<article><h1>Report</h1>" + paras + "</article><aside>Related</aside><footer>Share</footer></body></html>");
            f.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                    + "<item><title>One</title><link>https://example.org/1</link><pubDate>Thu, 14 Sep 2017 10:00:00 GMT</pubDate>"
                    + "<description>" + esc(paras) + "</description></item>"
                    + "<item><title>Two</title><description><![CDATA[" + paras + "]]></description></item></channel></rss>");
            f.add("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title>"
                    + "<entry><title>One</title><updated>2017-09-14T10:00:00Z</updated><content type=\"html\">" + esc(paras)
                    + "</content></entry></feed>");
            StringBuilder lines = new StringBuilder();
            s.lines().filter(l -> l.length() > 40).limit(6).forEach(l -> lines.append("{\"url\":\"https://example.org/a\",\"published\":"
                    + "\"2017-09-14\",\"title\":\"T\",\"text\":\"" + l.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}\n"));
            j.add(lines.toString());
            j.add("{\"html\":\"" + paras.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"authors\":[\"A\",\"B\"]}\n");
        }
        texts = t;
        html = h;
        feeds = f;
        jsonLines = j;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutant of one of {@code seeds}, fully determined by {@code seed}. */
    static String mutate(List<String> seeds, long seed) {
        Random r = new Random(seed);
        String base = seeds.get(r.nextInt(seeds.size()));
        Charset enc = CHARSETS[r.nextInt(CHARSETS.length)];
        byte[] b = base.getBytes(r.nextInt(4) == 0 ? enc : StandardCharsets.UTF_8);
        int ops = 1 + r.nextInt(8);
        for (int i = 0; i < ops; i++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            switch (r.nextInt(9)) {
                case 0 -> { // flip bytes
                    for (int k = 0, n = 1 + r.nextInt(16); k < n && b.length > 0; k++) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> b = java.util.Arrays.copyOf(b, at); // truncate
                case 2 -> b = splice(b, at, INSERTS[r.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8));
                case 3 -> { // a huge attribute or value
                    String v = "x".repeat(10_000 + r.nextInt(60_000));
                    b = splice(b, at, ("<a href=\"" + v + "\" title='" + v.substring(0, 100) + "'>").getBytes(StandardCharsets.UTF_8));
                }
                case 4 -> { // deep nesting
                    String tag = new String[]{"<div>", "<p>", "<b>", "<item>", "[", "{\"a\":"}[r.nextInt(6)];
                    b = splice(b, at, tag.repeat(50 + r.nextInt(3000)).getBytes(StandardCharsets.UTF_8));
                }
                case 5 -> { // a long run without spaces, or of one character
                    String chars = "a.,;-'\u00A0 \n\r\t<&*#";
                    char c = chars.charAt(r.nextInt(chars.length()));
                    b = splice(b, at, String.valueOf(c).repeat(1000 + r.nextInt(40_000)).getBytes(StandardCharsets.UTF_8));
                }
                case 6 -> { // delete a slice
                    int end = Math.min(b.length, at + r.nextInt(2000));
                    byte[] c = new byte[b.length - (end - at)];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, end, c, at, b.length - end);
                    b = c;
                }
                case 7 -> { // duplicate a slice
                    int end = Math.min(b.length, at + r.nextInt(5000));
                    b = splice(b, at, java.util.Arrays.copyOfRange(b, at, end));
                }
                default -> { // random bytes
                    byte[] junk = new byte[1 + r.nextInt(64)];
                    r.nextBytes(junk);
                    b = splice(b, at, junk);
                }
            }
        }
        return new String(b, CHARSETS[r.nextInt(CHARSETS.length)]);
    }

    private static byte[] splice(byte[] b, int at, byte[] in) {
        byte[] c = new byte[b.length + in.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(in, 0, c, at, in.length);
        System.arraycopy(b, at, c, at + in.length, b.length - at);
        return c;
    }

    private static void readsOrRefuses(String name, String content, Format format) {
        Frontline f = TestData.frontline();
        Reports rs = assertTimeoutPreemptively(LIMIT, () -> f.read(name, content, format),
                () -> name + " (" + format + ", " + content.length() + " chars) took over " + LIMIT);
        assertNotNull(rs);
        for (Report r : rs.reports()) {
            assertNotNull(r.text());
        }
        rs.problems().forEach(p -> assertNotNull(p.reason()));
    }

    @Provide
    Arbitrary<Long> seeds64() {
        return Arbitraries.longs();
    }

    @Property(tries = 2500, shrinking = ShrinkingMode.OFF)
    void theTextReaderReadsOrRefuses(@ForAll("seeds64") long seed) {
        seeds();
        readsOrRefuses("fuzz-" + seed + ".txt", mutate(texts, seed), Format.TEXT);
    }

    @Property(tries = 2500, shrinking = ShrinkingMode.OFF)
    void thePageReaderReadsOrRefuses(@ForAll("seeds64") long seed) {
        seeds();
        readsOrRefuses("fuzz-" + seed + ".html", mutate(html, seed), Format.HTML);
    }

    @Property(tries = 2500, shrinking = ShrinkingMode.OFF)
    void theFeedReaderReadsOrRefuses(@ForAll("seeds64") long seed) {
        seeds();
        readsOrRefuses("fuzz-" + seed + ".xml", mutate(feeds, seed), Format.FEED);
    }

    @Property(tries = 2500, shrinking = ShrinkingMode.OFF)
    void theJsonLinesReaderReadsOrRefuses(@ForAll("seeds64") long seed) {
        seeds();
        readsOrRefuses("fuzz-" + seed + ".jsonl", mutate(jsonLines, seed), Format.JSON_LINES);
    }

    /** Sniffing picks a format for anything, and what it picks reads. */
    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void anyMutantSniffedReads(@ForAll("seeds64") long seed) {
        seeds();
        List<String> all = new ArrayList<>(texts);
        all.addAll(html);
        all.addAll(feeds);
        all.addAll(jsonLines);
        String s = mutate(all, seed);
        Format f = assertTimeoutPreemptively(LIMIT, () -> Format.sniff(s));
        readsOrRefuses("fuzz-" + seed, s, f);
    }

    /** Mutated text reports also go through extraction without an exception, each within the limit. */
    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void mutatedTextIsExtracted(@ForAll("seeds64") long seed) {
        seeds();
        String s = mutate(texts, seed);
        Frontline f = TestData.frontline();
        assertNotNull(assertTimeoutPreemptively(LIMIT.multipliedBy(5), () -> f.extract("fuzz-" + seed + ".txt", s),
                () -> "extraction of fuzz-" + seed + ".txt (" + s.length() + " chars) took over " + LIMIT.multipliedBy(5)));
    }
}
