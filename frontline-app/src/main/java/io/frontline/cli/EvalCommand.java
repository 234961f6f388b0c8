package io.frontline.cli;

import io.frontline.Extraction;
import io.frontline.Frontline;
import io.frontline.eval.GoldEvent;
import io.frontline.eval.Scorer;
import io.frontline.events.Event;
import io.frontline.knowledge.BundledKnowledge;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code frontline eval GOLD.csv REPORTS...}: precision, recall and per-field accuracy against hand-coded events. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score extraction against a gold file of hand-coded events.",
                "GOLD.csv has a header with at least: file, event_date, sub_event_type, side1, side2, location, fatalities",
                "(file = the report's file name; more columns such as evidence are allowed). Only reports named in the gold",
                "file are scored. An event matches when the place agrees and the date is within 3 days; per-field accuracy is",
                "measured on matched events; 'strict' also needs the sub-event type and both sides.",
                "Extracted events the gold's coding rules leave out (dated only to a month, captures of unnamed places)",
                "that match no gold event are set aside and counted apart; the line that says so gives the precision",
                "with them counted too."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GOLD.csv", description = "The gold file.")
    Path gold;

    @Parameters(index = "1..*", paramLabel = "REPORTS", arity = "1..*", description = "Report files or directories.")
    List<String> reports;

    @Option(names = "--show", split = ",", paramLabel = "WHAT", description = "List missed, extra, wrong and/or aside (set aside as outside the gold's coding rules) events (comma-separated).")
    List<String> show = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<GoldEvent> goldEvents = readGold(gold);
        ReportInputs in = new ReportInputs(20_000_000);
        for (String r : reports) {
            in.add(r, System.in);
        }
        Frontline frontline = new Frontline(BundledKnowledge.load());
        Map<String, List<Event>> byFile = new LinkedHashMap<>();
        java.util.Set<String> goldFiles = new java.util.TreeSet<>();
        goldEvents.forEach(g -> goldFiles.add(g.file()));
        for (ReportInputs.Input i : in.inputs) {
            var read = frontline.read(i.name(), i.text(), i.format());
            read.problems().forEach(p -> in.problems.add(new ReportInputs.Problem(p.name(), p.reason())));
            for (var report : read.reports()) {
                // a feed item or JSON line is known as FILE#N or FILE:LINE
                String name = Path.of(report.file()).getFileName().toString();
                if (goldFiles.contains(name)) {
                    Extraction x = frontline.extract(report);
                    byFile.put(name, x.events());
                }
            }
        }
        List<GoldEvent> scoped = goldEvents.stream().filter(g -> byFile.containsKey(g.file())).toList();
        Scorer.Score s = Scorer.score(scoped, byFile);
        System.out.printf("gold events %d (in %d reports), extracted %d, matched %d%n", s.gold(), byFile.size(), s.extracted(), s.matched());
        if (!s.outOfScope().isEmpty()) {
            long month = s.outOfScope().stream().filter(p -> p.extracted().timePrecision() >= 3).count();
            System.out.printf("set aside, outside the gold's coding rules: %d (%d dated only to a month, %d captures of unnamed places);"
                    + " precision counting them %.3f%n", s.outOfScope().size(), month, s.outOfScope().size() - month,
                    s.precisionCountingAll());
        }
        System.out.printf("event (place + date ±3 days): precision %.3f  recall %.3f%n", s.precision(), s.recall());
        System.out.printf("strict (also type and sides): precision %.3f  recall %.3f%n", s.strictPrecision(), s.strictRecall());
        s.fieldAccuracy().forEach((k, v) -> System.out.printf("  accuracy of %-15s %.3f on matched events%n", k, v));
        for (String file : byFile.keySet()) {
            Scorer.Score f = Scorer.score(scoped.stream().filter(g -> g.file().equals(file)).toList(), Map.of(file, byFile.get(file)));
            System.out.printf("  %-60s gold %3d  extracted %3d  P %.2f  R %.2f%n", file, f.gold(), f.scored(), f.precision(), f.recall());
        }
        if (show.contains("missed")) {
            s.missed().forEach(p -> System.out.printf("missed: %s %s %s %s>%s @ %s%n", p.gold().file(), p.gold().eventDate(),
                    p.gold().subEventType(), p.gold().side1(), p.gold().side2(), p.gold().location()));
        }
        if (show.contains("extra")) {
            s.extra().forEach(p -> System.out.printf("extra: %s %s %s>%s @ %s  \"%s\"%n", p.extracted().eventDate(),
                    p.extracted().subEventType(), p.extracted().side1(), p.extracted().side2(), p.extracted().location(),
                    p.extracted().evidence().text()));
        }
        if (show.contains("aside")) {
            s.outOfScope().forEach(p -> System.out.printf("aside: %s %s %s>%s @ %s (time precision %d%s)  \"%s\"%n",
                    p.extracted().eventDate(), p.extracted().subEventType(), p.extracted().side1(), p.extracted().side2(),
                    p.extracted().location(), p.extracted().timePrecision(),
                    p.extracted().provenance().containsKey("target")
                            ? "; unnamed: " + p.extracted().provenance().get("target").text() : "",
                    p.extracted().evidence().text()));
        }
        if (show.contains("wrong")) {
            s.wrong().forEach(p -> System.out.printf("wrong: %s %s @ %s: gold %s %s>%s, got %s %s>%s%n", p.gold().file(),
                    p.gold().eventDate(), p.gold().location(), p.gold().subEventType(), p.gold().side1(), p.gold().side2(),
                    p.extracted().subEventType(), p.extracted().side1(), p.extracted().side2()));
        }
        for (ReportInputs.Problem p : in.problems) {
            System.err.println("frontline: " + p.name() + ": " + p.reason());
        }
        System.out.printf(Locale.ROOT, "precision=%.3f recall=%.3f strict_precision=%.3f strict_recall=%.3f%n",
                s.precision(), s.recall(), s.strictPrecision(), s.strictRecall());
        return 0;
    }

    static List<GoldEvent> readGold(Path file) throws Exception {
        List<GoldEvent> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                     .setIgnoreSurroundingSpaces(true).build().parse(r)) {
            for (String col : List.of("file", "event_date", "sub_event_type", "side1", "side2", "location")) {
                if (!p.getHeaderMap().containsKey(col)) {
                    throw new IllegalArgumentException(file + ": gold file lacks the column '" + col + "'");
                }
            }
            for (CSVRecord rec : p) {
                String fat = rec.isMapped("fatalities") ? rec.get("fatalities") : "0";
                out.add(new GoldEvent(rec.get("file"), rec.get("event_date"), rec.get("sub_event_type"), rec.get("side1"),
                        rec.get("side2"), rec.get("location"), fat.isBlank() ? 0 : Integer.parseInt(fat.strip()),
                        rec.isMapped("evidence") ? rec.get("evidence") : ""));
            }
        }
        return out;
    }
}
