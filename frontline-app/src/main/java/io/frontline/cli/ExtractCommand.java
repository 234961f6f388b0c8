package io.frontline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.frontline.Extraction;
import io.frontline.Frontline;
import io.frontline.events.Claim;
import io.frontline.events.Event;
import io.frontline.ingest.Report;
import io.frontline.stories.Assessment;
import io.frontline.stories.SourceProfiles;
import io.frontline.stories.Stories;
import io.frontline.knowledge.BundledKnowledge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code frontline extract}: reports in, coded events with evidence out. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract ACLED-style events, with evidence, from war reports.",
                "FILE may be a report (UTF-8 text or Markdown .txt/.md, a web page .html/.htm, an RSS or Atom feed .xml/.rss/.atom,"
                        + " JSON lines .jsonl), a directory (every such file in it), an http(s) URL (its format from the Content-Type) or -"
                        + " for stdin (its format recognised by its content).",
                "A feed gives a report per item, a JSON lines file a report per line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was read", "1:some inputs could not be read (named on stderr); the others were processed",
                "2:a usage or internal error"})
final class ExtractCommand implements Callable<Integer> {

    enum Format { json, csv, text }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Report files, directories, http(s) URLs, or - for stdin.")
    List<String> files;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--gazetteer", paramLabel = "FILE", description = "Extra gazetteer file (Frontline TSV or GeoNames format); repeatable.")
    List<Path> gazetteers = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "FILE", description = "Source profiles (publisher, domains, country, alignment, reliability, basis; "
            + "tab-separated, the format of the bundled file) added to the bundled ones, replacing those of the same publisher.")
    Path sources;

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "20000000", description = "Refuse inputs larger than this (default: ${DEFAULT-VALUE}).")
    long maxSize;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        ReportInputs in = new ReportInputs(maxSize);
        for (String f : files) {
            in.add(f, System.in);
        }
        SourceProfiles profiles;
        try {
            profiles = BundledKnowledge.sources(sources);
        } catch (RuntimeException e) {
            System.err.println("frontline: " + e.getMessage());
            return 2;
        }
        Frontline frontline = new Frontline(BundledKnowledge.load(gazetteers));
        List<Extraction> xs = in.extractAll(frontline, debug);
        Stories stories = Stories.of(xs);
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        switch (format) {
            case json -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(JsonContract.document(xs, stories, profiles)));
            case csv -> AcledCsv.write(xs, stories, profiles, out);
            case text -> text(xs, stories, profiles, out);
        }
        out.flush();
        for (ReportInputs.Problem p : in.problems) {
            System.err.println("frontline: " + p.name() + ": " + p.reason());
        }
        return in.problems.isEmpty() ? 0 : 1;
    }

    private static void text(List<Extraction> xs, Stories stories, SourceProfiles profiles, PrintWriter out) {
        for (Extraction x : xs) {
            var r = x.report();
            var story = stories.storyOf(r);
            out.printf("%s  %s%n", r.file(), r.title() == null ? "(untitled)" : r.title());
            if (r.url() != null) {
                out.printf("  url: %s%n", r.url());
            }
            if (story.reports().size() > 1) {
                out.printf("  story: %s (%d copies; origin %s%s)%n", story.id(), story.reports().size(), story.origin().file(),
                        story.originSource() == null ? "" : ", source " + story.originSource());
            }
            out.printf("  publisher: %s   original source: %s   published: %s%n", nz(r.publisher()), nz(r.originalSource()),
                    r.published() == null ? "-" : r.published());
            out.printf("  %d events, %d claims, %d furniture blocks removed%n", x.events().size(), x.claims().size(), r.removed().size());
            for (Event e : x.events()) {
                out.printf("  %s %s  %-36s %-14s > %-14s @ %s%s  fatalities=%d  conf=%.2f%n", e.eventDate() == null ? "undated   " : e.eventDate(), "p" + e.timePrecision(),
                        e.subEventType(), e.side1(), e.side2(), e.location(),
                        e.latitude() == null ? " (unlocated)" : String.format(" (%.4f, %.4f, geo %d%s)", e.latitude(), e.longitude(),
                                e.geoPrecision(), e.locationStatus().equals("resolved") ? "" : ", " + e.locationStatus()),
                        e.fatalities(), e.confidence());
                out.printf("      \"%s\"%n", e.evidence().text().replaceAll("\\s+", " "));
                Assessment a = Assessment.of(e, r, story, stories.corroboration(e), profiles);
                if (!a.sourceReliability().equals("unknown") || stories.corroboration(e) > 1) {
                    out.printf("      assessed confidence %.2f (source reliability %s)%n", a.confidence(), a.sourceReliability());
                }
                if (stories.duplicateOf(e).isPresent()) {
                    out.printf("      same event as %s (a copy of the story)%n", stories.duplicateOf(e).get().eventId());
                } else if (stories.corroboration(e) > 1) {
                    int others = stories.corroboration(e) - 1;
                    out.printf("      corroborated by %d other %s%n", others, others == 1 ? "story" : "stories");
                }
            }
            for (Claim c : x.claims()) {
                out.printf("  claim (%s%s): \"%s\"%n", c.status(), c.attribution() == null ? "" : ", per " + c.attribution(),
                        c.text());
            }
        }
        int events = 0;
        int copies = 0;
        int corroborated = 0;
        for (Extraction x : xs) {
            for (Event e : x.events()) {
                events++;
                copies += stories.duplicateOf(e).isPresent() ? 1 : 0;
                corroborated += stories.duplicateOf(e).isEmpty() && stories.corroboration(e) > 1 ? 1 : 0;
            }
        }
        out.printf("%d reports in %d stories; %d events, %d of them repeated by copies of a story (counted once), "
                + "%d corroborated by another story%n", xs.size(), stories.stories().size(), events, copies, corroborated);
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
