package io.frontline.cli;

import io.frontline.gazetteer.Gazetteer;
import io.frontline.gazetteer.Place;
import io.frontline.ingest.Format;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic corpus of any size for {@code frontline bench --synthetic N}: each report is a headline, a dateline
 * (a date in 2014-2019) and 3 to 8 prose paragraphs drawn from the real reports, in which the capitalised names the
 * gazetteer knows are replaced by place names drawn from the gazetteer. Report i depends only on the seed and i, and
 * reports are generated one at a time as they are consumed: only the source paragraphs are held in memory.
 */
final class Synthetic {
    private static final Pattern NAME = Pattern.compile("\\b(?:al-|Al-|as-|ar-|ad-)?\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:al-)?\\p{Lu}[\\p{L}'’-]+)?");
    private static final Pattern ASCII_NAME = Pattern.compile("[A-Za-z][A-Za-z' -]+");
    private static final LocalDate FIRST = LocalDate.of(2014, 1, 1);
    private static final DateTimeFormatter DATELINE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    /** A source paragraph with the [start, end) offsets of the place names in it. */
    record Paragraph(String text, int[] names) {
    }

    final List<Paragraph> paragraphs;
    final String[] places;
    private final long seed;

    private Synthetic(List<Paragraph> paragraphs, String[] places, long seed) {
        this.paragraphs = paragraphs;
        this.places = places;
        this.seed = seed;
    }

    /** Source paragraphs from the files: blank-line separated blocks of prose (front matter, headings, lists and tables left out). */
    static Synthetic of(List<Path> files, Gazetteer g, long seed) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Path file : files) {
            ReportInputs in = new ReportInputs(50_000_000);
            in.add(file.toString(), System.in);
            for (ReportInputs.Input i : in.inputs) {
                for (String block : i.text().split("\\n\\s*\\n")) {
                    String p = block.strip();
                    if (p.length() < 120 || p.length() > 4000 || p.startsWith("#") || p.startsWith("|") || p.startsWith("-")
                            || p.startsWith("*") || p.startsWith("<") || p.startsWith("!") || !p.contains(". ") || p.contains("\n- ")) {
                        continue;
                    }
                    p = p.replaceAll("\\s*\\n\\s*", " ");
                    List<Integer> spans = new ArrayList<>();
                    Matcher m = NAME.matcher(p);
                    while (m.find()) {
                        if (m.start() > 0 && g.knows(m.group())) {
                            spans.add(m.start());
                            spans.add(m.end());
                        }
                    }
                    paragraphs.add(new Paragraph(p, spans.stream().mapToInt(Integer::intValue).toArray()));
                }
            }
        }
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("no prose paragraphs in the reports to build synthetic reports from");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            g.byId("wm:" + i).map(Place::name).filter(n -> ASCII_NAME.matcher(n).matches()).ifPresent(names::add);
        }
        if (names.isEmpty()) {
            names.add("Aleppo");
        }
        return new Synthetic(paragraphs, names.toArray(String[]::new), seed);
    }

    /** Report i of the synthetic corpus. */
    String report(long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        StringBuilder sb = new StringBuilder(4096);
        String headline = places[r.nextInt(places.length)];
        sb.append("Fighting near ").append(headline).append(" (synthetic report ").append(i).append(")\n\n");
        sb.append("Frontline Synthetic, ").append(FIRST.plusDays(r.nextInt(6 * 365)).format(DATELINE)).append("\n\n");
        int n = 3 + r.nextInt(6);
        for (int k = 0; k < n; k++) {
            Paragraph p = paragraphs.get(r.nextInt(paragraphs.size()));
            int at = 0;
            for (int j = 0; j < p.names.length; j += 2) {
                sb.append(p.text, at, p.names[j]).append(places[r.nextInt(places.length)]);
                at = p.names[j + 1];
            }
            sb.append(p.text, at, p.text.length()).append("\n\n");
        }
        return sb.toString();
    }

    /** The first {@code count} reports as bench inputs, generated as they are taken. */
    BenchCommand.Inputs stream(long count) {
        return sink -> {
            for (long i = 0; i < count; i++) {
                String text = report(i);
                sink.accept(new BenchCommand.Work(String.format(Locale.ROOT, "synthetic-%07d.txt", i), text, Format.TEXT,
                        text.getBytes(StandardCharsets.UTF_8).length));
            }
        };
    }
}
