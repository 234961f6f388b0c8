package io.frontline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.frontline.Extraction;
import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.control.ControlAreas;
import io.frontline.control.ControlEvidence;
import io.frontline.control.ControlMarks;
import io.frontline.control.ControlModel;
import io.frontline.control.ControlState;
import io.frontline.control.Observations;
import io.frontline.control.PlaceTimeline;
import io.frontline.gazetteer.GazetteerIndex;
import io.frontline.ingest.Report;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.stories.SourceProfiles;
import io.frontline.stories.Stories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code frontline control}: who holds each place on a date, since when, on what evidence. */
@Command(name = "control", mixinStandardHelpOptions = true,
        description = {"Territorial control on a date, from the events extracted from the reports (read as `extract` reads them).",
                "A capture flips a place to the side that took it, fighting makes it contested, a repelled attack changes nothing,"
                        + " a capture claimed only by one weak source makes it uncertain; later reports override earlier ones.",
                "With --seed-map the map snapshot of about mid-July 2017 (the bundled gazetteer's control marks) is the initial state."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was read", "1:some inputs could not be read (named on stderr); the others were processed",
                "2:a usage or internal error"})
final class ControlCommand implements Callable<Integer> {

    enum Format { table, json, geojson }

    @Parameters(paramLabel = "REPORTS", arity = "0..*", description = "Report files, directories, or - for stdin (none: only the map with --seed-map).")
    List<String> files = new ArrayList<>();

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The date of the state.")
    LocalDate date;

    @Option(names = "--place", paramLabel = "P", description = "Only this place (a name in any spelling, or a place id), with its timeline.")
    String place;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Instead of the state: the changes of controller or status from this date to --date"
            + " (table or json).")
    LocalDate since;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--seed-map", description = "Start from the map snapshot's control marks, dated 2017-07-15.")
    boolean seedMap;

    @Option(names = "--gazetteer", paramLabel = "FILE", description = "Extra gazetteer file (Frontline TSV or GeoNames format); repeatable.")
    List<Path> gazetteers = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "FILE", description = "Source profiles added to the bundled ones (see extract).")
    Path sources;

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "20000000", description = "Refuse inputs larger than this (default: ${DEFAULT-VALUE}).")
    long maxSize;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty() && !seedMap) {
            System.err.println("frontline: control: give REPORTS, --seed-map, or both");
            return 2;
        }
        ReportInputs in = new ReportInputs(maxSize);
        for (String f : files) {
            in.add(f, System.in);
        }
        SourceProfiles profiles = BundledKnowledge.sources(sources);
        KnowledgeBase kb = BundledKnowledge.load(gazetteers);
        Frontline frontline = new Frontline(kb);
        List<Extraction> xs = in.extractAll(frontline, debug);
        ControlMarks.Seed seed = seedMap ? ControlMarks.seed(((GazetteerIndex) kb.gazetteer()).places(), ControlMarks.SNAPSHOT) : null;
        ControlModel model = ControlModel.build(seed, Observations.of(xs, Stories.of(xs), profiles));
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        List<PlaceTimeline> selected = place == null ? null : model.find(place, kb.gazetteer());
        if (selected != null && selected.isEmpty()) {
            System.err.println("frontline: control: no state for a place named '" + place + "' in these reports"
                    + (seedMap ? " or the map" : " (try --seed-map)"));
        }
        if (since != null) {
            List<ControlModel.Change> changes = model.changes(since, date);
            if (selected != null) {
                var keys = selected.stream().map(PlaceTimeline::placeKey).toList();
                changes = changes.stream().filter(c -> keys.contains(c.after().placeKey())).toList();
            }
            if (format == Format.table) {
                changes(changes, out);
            } else {
                List<Map<String, Object>> list = new ArrayList<>();
                for (ControlModel.Change c : changes) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("date", c.date().toString());
                    m.put("before", c.before() == null ? null : state(c.before()));
                    m.put("after", state(c.after()));
                    list.add(m);
                }
                out.println(json().writeValueAsString(document("changes", list)));
            }
        } else {
            List<ControlState> states = selected == null ? model.on(date)
                    : selected.stream().flatMap(t -> t.on(date).stream()).toList();
            switch (format) {
                case table -> table(states, selected, out);
                case json -> {
                    Map<String, Object> doc = document("places", states.stream().map(ControlCommand::state).toList());
                    if (selected != null) {
                        List<Map<String, Object>> timelines = new ArrayList<>();
                        for (PlaceTimeline t : selected) {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("place_key", t.placeKey());
                            m.put("name", t.name());
                            m.put("states", t.states().stream().map(ControlCommand::state).toList());
                            timelines.add(m);
                        }
                        doc.put("timelines", timelines);
                    }
                    out.println(json().writeValueAsString(doc));
                }
                case geojson -> {
                    var places = ((GazetteerIndex) kb.gazetteer()).places().stream().map(io.frontline.gazetteer.Place::point).toList();
                    ControlAreas areas = ControlAreas.of(states, ControlAreas.boundary(places));
                    out.println(json().writeValueAsString(ControlGeoJson.of(states, areas, date)));
                }
            }
        }
        out.flush();
        for (ReportInputs.Problem p : in.problems) {
            System.err.println("frontline: " + p.name() + ": " + p.reason());
        }
        return in.problems.isEmpty() ? 0 : 1;
    }

    private Map<String, Object> document(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("as_of", date.toString());
        if (since != null) {
            m.put("since", since.toString());
        }
        m.put(key, value);
        return m;
    }

    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private void table(List<ControlState> states, List<PlaceTimeline> selected, PrintWriter out) {
        out.printf("%-32s %-14s %-10s %-10s %-24s %s%n", "place", "controller", "status", "since", "others", "evidence (latest)");
        for (ControlState s : states) {
            ControlEvidence last = s.evidence().get(s.evidence().size() - 1);
            out.printf("%-32s %-14s %-10s %-10s %-24s %s %s: %s%n", trim(s.name(), 32), s.controller() == null ? "?" : s.controller(),
                    s.status(), s.since() == null ? "?" : s.since(), String.join(",", s.others()), last.date(), last.effect().key(),
                    trim(last.text().replaceAll("\\s+", " "), 100));
        }
        if (selected != null) {
            for (PlaceTimeline t : selected) {
                out.printf("%ntimeline of %s (%s):%n", t.name(), t.placeKey());
                for (ControlState s : t.states()) {
                    ControlEvidence last = s.evidence().get(s.evidence().size() - 1);
                    out.printf("  from %s  %-14s %-10s %-24s %s %s (%s): \"%s\"%n", s.from(), s.controller() == null ? "?" : s.controller(),
                            s.status(), String.join(",", s.others()), last.effect().key(), last.eventId(), last.reason(),
                            last.text().replaceAll("\\s+", " "));
                }
            }
        }
        out.printf("%d places on %s%n", states.size(), date);
    }

    private static void changes(List<ControlModel.Change> changes, PrintWriter out) {
        for (ControlModel.Change c : changes) {
            ControlEvidence last = c.after().evidence().get(c.after().evidence().size() - 1);
            out.printf("%s  %-32s %s -> %s  (%s %s: \"%s\")%n", c.date(), trim(c.after().name(), 32),
                    c.before() == null ? "-" : describe(c.before()), describe(c.after()), last.effect().key(), last.eventId(),
                    trim(last.text().replaceAll("\\s+", " "), 120));
        }
        out.printf("%d changes%n", changes.size());
    }

    private static String describe(ControlState s) {
        return (s.controller() == null ? "?" : s.controller()) + " " + s.status();
    }

    private static String trim(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** A state as JSON. */
    static Map<String, Object> state(ControlState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("place_key", s.placeKey());
        m.put("name", s.name());
        m.put("lat", s.lat());
        m.put("lon", s.lon());
        m.put("controller", s.controller());
        m.put("status", s.status());
        m.put("since", s.since() == null ? null : s.since().toString());
        m.put("from", s.from().toString());
        m.put("others", s.others());
        List<Map<String, Object>> ev = new ArrayList<>();
        for (ControlEvidence e : s.evidence()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("event_id", e.eventId());
            x.put("event_date", e.date());
            x.put("effect", e.effect().key());
            x.put("side1", e.side1());
            x.put("side2", e.side2());
            x.put("sub_event_type", e.subEventType());
            x.put("attribution", e.attribution());
            x.put("confidence", e.confidence());
            x.put("reason", e.reason());
            x.put("text", e.text());
            ev.add(x);
        }
        m.put("evidence", ev);
        return m;
    }
}
