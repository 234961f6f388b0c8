package io.frontline.web;

import io.frontline.Extraction;
import io.frontline.control.ControlAreas;
import io.frontline.control.ControlMarks;
import io.frontline.control.ControlModel;
import io.frontline.control.ControlState;
import io.frontline.control.Observation;
import io.frontline.control.Observations;
import io.frontline.events.Event;
import io.frontline.events.Evidence;
import io.frontline.gazetteer.Gazetteer;
import io.frontline.gazetteer.GazetteerIndex;
import io.frontline.gazetteer.Place;
import io.frontline.ingest.Report;
import io.frontline.store.EventFilter;
import io.frontline.store.EventStore;
import io.frontline.store.StoredEvent;
import io.frontline.store.Page;
import io.frontline.stories.Assessment;
import io.frontline.stories.SourceProfile;
import io.frontline.stories.SourceProfiles;
import io.frontline.stories.Stories;
import io.frontline.stories.Story;
import io.frontline.text.Span;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference for {@code StoreAnalysisIncrementalTest}: StoreAnalysis as it was before it kept its state
 * incrementally (every stored report read back and clustered, every event folded, on every change), reading the
 * reports in the store's input order (report_stories.ordinal) and reusing StoreAnalysis's conversions. What the API computed over the whole store rather than one report: stories and corroboration across the stored
 * reports, source profiles with their counts, and territorial control. Every stored report is read back as an
 * {@link Extraction} whose events are the stored contract objects, so <b>review corrections are applied</b> (the store
 * writes a correction into the event's document) and <b>rejected events are left out</b>; stories, corroboration,
 * source assessment and the control model are then built exactly as {@code frontline control} builds them from files.
 * The result is cached until the number of stored reports or of review actions changes.
 */
final class FromScratchAnalysis {
    private static final GeometryFactory GF = new GeometryFactory();

    private final EventStore store;
    private final Gazetteer gazetteer;
    private final SourceProfiles profiles;
    private Snapshot snapshot;
    private String fingerprint;
    private Geometry boundary;
    private ControlMarks.Seed seed;
    private final Map<String, Map<String, Object>> controlCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > 64;
        }
    };

    FromScratchAnalysis(EventStore store, Gazetteer gazetteer, SourceProfiles profiles) {
        this.store = store;
        this.gazetteer = gazetteer;
        this.profiles = profiles;
    }

    /** The stored reports as a batch, with their stories, observations and control model. */
    record Snapshot(List<Extraction> extractions, Map<Report, Map<String, Object>> summaries, Map<String, Event> events,
                    Map<Event, Report> reportOf, Stories stories, List<Observation> observations, ControlModel model,
                    Map<Story, int[]> counts, int rejected) {
    }

    private Snapshot seededFor;
    private ControlModel seeded;

    /** The model started from the map snapshot, built when first asked for. */
    private ControlModel seeded(Snapshot s) {
        if (seededFor != s) {
            seeded = seed() == null ? s.model() : ControlModel.build(seed(), s.observations());
            seededFor = s;
        }
        return seeded;
    }

    synchronized Snapshot snapshot() {
        String fp = store.reports(1, 0).total() + ":" + store.reviewLog(1, 0).total();
        if (snapshot == null || !fp.equals(fingerprint)) {
            snapshot = build();
            fingerprint = fp;
            controlCache.clear();
        }
        return snapshot;
    }

    /** Reports never change once stored: each is read once. Events are read again on every rebuild (reviews change them). */
    private final Map<String, Report> reports = new HashMap<>();
    private final Map<String, Map<String, Object>> reportSummaries = new HashMap<>();

    private Snapshot build() {
        List<String> order = new ArrayList<>();
        for (io.frontline.store.StoryMember m : store.storyMembers(0)) {
            order.add(m.reportId());
            reportSummaries.put(m.reportId(), m.summary());
            if (!reports.containsKey(m.reportId())) {
                store.report(m.reportId()).ifPresent(r -> reports.put(m.reportId(), StoreAnalysis.report(r)));
            }
        }
        Map<String, List<StoredEvent>> byReport = new HashMap<>();
        store.scan(EventFilter.ALL, e -> byReport.computeIfAbsent(e.reportId(), k -> new ArrayList<>()).add(e));
        List<Extraction> xs = new ArrayList<>();
        Map<Report, Map<String, Object>> summaries = new IdentityHashMap<>();
        Map<String, Event> events = new HashMap<>();
        Map<Event, Report> reportOf = new IdentityHashMap<>();
        int rejected = 0;
        for (String id : order) {
            Report report = reports.get(id);
            if (report == null) {
                continue;
            }
            List<StoredEvent> stored = new ArrayList<>(byReport.getOrDefault(id, List.of()));
            stored.sort(java.util.Comparator.comparing(StoredEvent::id)); // ids are the report's id and its sequence number
            List<Event> evs = new ArrayList<>();
            for (StoredEvent se : stored) {
                if ("rejected".equals(se.reviewStatus())) {
                    rejected++;
                    continue; // a rejected event is no evidence of anything
                }
                Event ev = StoreAnalysis.event(se.contract());
                evs.add(ev);
                events.put(ev.eventId(), ev);
                reportOf.put(ev, report);
            }
            xs.add(new Extraction(report, evs, List.of(), List.of()));
            summaries.put(report, reportSummaries.get(id));
        }
        Stories stories = Stories.of(xs);
        List<Observation> obs = Observations.of(xs, stories, profiles);
        ControlModel model = ControlModel.build(null, obs);
        // per story: its events (copies counted once) and how many of them another story corroborates
        Map<Story, int[]> counts = new IdentityHashMap<>();
        for (Extraction x : xs) {
            int[] c = counts.computeIfAbsent(stories.storyOf(x.report()), k -> new int[2]);
            for (Event e : x.events()) {
                if (stories.duplicateOf(e).isEmpty()) {
                    c[0]++;
                    c[1] += stories.corroboration(e) > 1 ? 1 : 0;
                }
            }
        }
        return new Snapshot(xs, summaries, events, reportOf, stories, obs, model, counts, rejected);
    }

    private ControlMarks.Seed seed() {
        if (seed == null && gazetteer instanceof GazetteerIndex g) {
            seed = ControlMarks.seed(g.places(), ControlMarks.SNAPSHOT);
        }
        return seed;
    }

    private Geometry boundary() {
        if (boundary == null) {
            List<io.frontline.gazetteer.GeoPoint> pts = new ArrayList<>();
            if (gazetteer instanceof GazetteerIndex g) {
                for (Place p : g.places()) {
                    pts.add(p.point());
                }
            }
            boundary = ControlAreas.boundary(pts);
        }
        return boundary;
    }

    /** A stored report as the core's {@link Report}: its body as both text and the one paragraph (what stories compare). */
    static Report report(Map<String, Object> r) {
        String body = r.get("body") == null ? "" : (String) r.get("body");
        LocalDate published = null;
        if (r.get("published") instanceof String s && !s.isBlank()) {
            try {
                published = LocalDate.parse(s);
            } catch (RuntimeException ignored) {
                // an unreadable date counts as none
            }
        }
        Report rep = new Report((String) r.get("id"), (String) r.get("file"), (String) r.get("title"), (String) r.get("publisher"),
                (String) r.get("original_source"), published, List.of(), List.of(), Map.of(), body, body,
                body.isEmpty() ? List.of() : List.of(new Span(0, body.length())), List.of(), List.of());
        return rep.located((String) r.get("url"), Report.IN_BODY);
    }

    /** A stored event (its contract object, corrections applied) as the core's {@link Event}. */
    @SuppressWarnings("unchecked")
    static Event event(Map<String, Object> e) {
        Map<String, Object> ev = e.get("evidence") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Evidence evidence = new Evidence(integer(ev.get("start"), 0), integer(ev.get("end"), 0), str(ev.get("text")) == null ? ""
                : str(ev.get("text")), str(ev.get("rule")), str(ev.get("in")), ev.get("confidence") instanceof Number n ? n.doubleValue() : null);
        List<String> rejectedPlaces = e.get("rejected_places") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new Event(str(e.get("event_id")), str(e.get("event_date")), integer(e.get("time_precision"), 1), str(e.get("event_type")),
                str(e.get("sub_event_type")), str(e.get("actor1")), str(e.get("assoc_actor_1")), str(e.get("actor2")),
                str(e.get("assoc_actor_2")), side(e.get("side1")), side(e.get("side2")), boxed(e.get("inter1")), boxed(e.get("inter2")),
                str(e.get("location")), str(e.get("admin1")), str(e.get("admin2")), dbl(e.get("latitude")), dbl(e.get("longitude")),
                integer(e.get("geo_precision"), 1), integer(e.get("fatalities"), 0), str(e.get("status")), str(e.get("attribution")),
                str(e.get("notes")), evidence, e.get("confidence") instanceof Number n ? n.doubleValue() : 0.0,
                str(e.get("location_status")), str(e.get("place_id")), str(e.get("place_name")), str(e.get("modality")),
                rejectedPlaces, List.of(), Map.of());
    }

    private static String side(Object o) {
        return o == null || o.toString().isBlank() ? "unknown" : o.toString();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static int integer(Object o, int dflt) {
        return o instanceof Number n ? n.intValue() : dflt;
    }

    private static Integer boxed(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }

    private static Double dbl(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    // ---------------------------------------------------------------- control

    /**
     * Control on {@code date} as GeoJSON (areas, fronts, pockets, places; see the README), optionally from the map
     * snapshot and only within {@code bbox} (minLon, minLat, maxLon, maxLat: places inside it, areas and fronts
     * clipped to it).
     */
    synchronized Map<String, Object> control(LocalDate date, double[] bbox, boolean seedMap) {
        Snapshot s = snapshot();
        String key = date + "|" + seedMap + "|" + (bbox == null ? "" : java.util.Arrays.toString(bbox));
        Map<String, Object> cached = controlCache.get(key);
        if (cached != null) {
            return cached;
        }
        ControlModel model = seedMap ? seeded(s) : s.model();
        List<ControlState> states = model.on(date);
        ControlAreas areas = ControlAreas.of(states, boundary());
        if (bbox != null) {
            Geometry box = GF.toGeometry(new Envelope(bbox[0], bbox[2], bbox[1], bbox[3]));
            Map<String, Geometry> clipped = new LinkedHashMap<>();
            areas.areas().forEach((c, g) -> {
                Geometry x = g.intersection(box);
                if (!x.isEmpty()) {
                    clipped.put(c, x);
                }
            });
            List<ControlAreas.Front> fronts = new ArrayList<>();
            for (ControlAreas.Front f : areas.fronts()) {
                Geometry x = f.line().intersection(box);
                if (!x.isEmpty()) {
                    fronts.add(new ControlAreas.Front(f.a(), f.b(), x));
                }
            }
            List<ControlAreas.Pocket> pockets = new ArrayList<>();
            for (ControlAreas.Pocket p : areas.pockets()) {
                Geometry x = p.area().intersection(box);
                if (!x.isEmpty()) {
                    pockets.add(new ControlAreas.Pocket(p.controller(), p.enclosedBy(), x));
                }
            }
            areas = new ControlAreas(clipped, fronts, pockets);
            states = states.stream().filter(st -> st.located() && st.lon() >= bbox[0] && st.lon() <= bbox[2]
                    && st.lat() >= bbox[1] && st.lat() <= bbox[3]).toList();
        }
        Map<String, Object> out = io.frontline.cli.ControlGeoJson.of(states, areas, date);
        out.put("seed_map", seedMap);
        out.put("events_used", s.observations().size());
        out.put("rejected_left_out", s.rejected());
        controlCache.put(key, out);
        return out;
    }

    // ---------------------------------------------------------------- stories and sources

    static Map<String, Object> reportRef(Report r, Map<String, Object> summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("file", r.file());
        m.put("title", r.title());
        m.put("publisher", r.publisher());
        m.put("original_source", r.originalSource());
        m.put("source", summary == null ? null : summary.get("source"));
        m.put("published", r.published() == null ? null : r.published().toString());
        return m;
    }

    private Map<String, Object> story(Snapshot s, Story st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", st.id());
        m.put("origin", st.origin().id());
        m.put("origin_source", st.originSource());
        List<Object> reports = new ArrayList<>();
        for (Report r : st.reports()) {
            reports.add(reportRef(r, s.summaries().get(r)));
        }
        int[] c = s.counts().getOrDefault(st, new int[2]);
        m.put("reports", reports);
        m.put("events", c[0]);
        m.put("corroborated_events", c[1]);
        return m;
    }

    /** Every story of the stored reports: its reports (origin first as stored) and how many of its events are corroborated. */
    synchronized List<Map<String, Object>> stories() {
        Snapshot s = snapshot();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Story st : s.stories().stories()) {
            out.add(story(s, st));
        }
        return out;
    }

    /**
     * The story and corroboration of one stored event across the whole store (the stored contract only knows its own
     * report): its story with the other reports of it, the other stories reporting the same event with their matching
     * events, the event it duplicates, and the assessed confidence with its reasons. Empty for an unknown or rejected event.
     */
    synchronized Optional<Map<String, Object>> eventStory(String id) {
        Snapshot s = snapshot();
        Event e = s.events().get(id);
        if (e == null) {
            return Optional.empty();
        }
        Report r = s.reportOf().get(e);
        Stories stories = s.stories();
        Story own = stories.storyOf(r);
        int n = stories.corroboration(e);
        Assessment a = Assessment.of(e, r, own, n, profiles);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id", id);
        m.put("report_id", r.id());
        m.put("story", story(s, own));
        m.put("duplicate_of", stories.duplicateOf(e).map(Event::eventId).orElse(null));
        m.put("corroboration", n);
        List<Object> by = new ArrayList<>();
        List<String> ids = stories.corroboratingStories(e, own);
        for (Story st : stories.stories()) {
            if (!ids.contains(st.id())) {
                continue;
            }
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", st.id());
            sm.put("origin_source", st.originSource());
            List<Object> reports = new ArrayList<>();
            for (Report rr : st.reports()) {
                reports.add(reportRef(rr, s.summaries().get(rr)));
            }
            sm.put("reports", reports);
            List<Object> matching = new ArrayList<>();
            for (Extraction x : s.extractions()) {
                if (stories.storyOf(x.report()) != st) {
                    continue;
                }
                for (Event o : x.events()) {
                    if (sameEvent(e, o)) {
                        Map<String, Object> em = new LinkedHashMap<>();
                        em.put("event_id", o.eventId());
                        em.put("report_id", x.report().id());
                        em.put("event_date", o.eventDate());
                        em.put("sub_event_type", o.subEventType());
                        em.put("location", o.location());
                        em.put("side1", o.side1());
                        em.put("side2", o.side2());
                        em.put("attribution", o.attribution());
                        matching.add(em);
                    }
                }
            }
            sm.put("events", matching);
            by.add(sm);
        }
        m.put("corroborated_by", by);
        m.put("source_reliability", a.sourceReliability());
        m.put("assessed_confidence", a.confidence());
        m.put("confidence_reasons", a.reasons());
        return Optional.of(m);
    }

    /** Stories' corroboration rule for one pair: the same place (phonetic key), the same sides either way round, dates at most 3 days apart. */
    static boolean sameEvent(Event a, Event b) {
        if (a.location() == null || b.location() == null || a.eventDate() == null || b.eventDate() == null) {
            return false;
        }
        String pa = io.frontline.gazetteer.NameKey.phonetic(a.location());
        if (pa.isEmpty() || !pa.equals(io.frontline.gazetteer.NameKey.phonetic(b.location()))) {
            return false;
        }
        boolean sides = a.side1().equals(b.side1()) && a.side2().equals(b.side2()) || a.side1().equals(b.side2()) && a.side2().equals(b.side1());
        LocalDate da = ControlModelDates.parse(a.eventDate());
        LocalDate db = ControlModelDates.parse(b.eventDate());
        return sides && da != null && db != null && Math.abs(da.toEpochDay() - db.toEpochDay()) <= Stories.DATE_WINDOW_DAYS;
    }

    /** ISO dates, null when not one. */
    private static final class ControlModelDates {
        static LocalDate parse(String s) {
            try {
                return LocalDate.parse(s);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * Every source: the profiled ones (bundled sources.tsv) and every other publisher of a stored report, with the
     * reports and events (copies of a story counted once, rejected ones left out) stored from it and the share of those
     * events another independent story corroborates.
     */
    synchronized List<Map<String, Object>> sources() {
        Snapshot s = snapshot();
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (SourceProfile p : profiles.profiles()) {
            out.put("profile:" + p.name(), entry(p.name(), p));
        }
        Map<String, Integer> corroborated = new HashMap<>();
        for (Extraction x : s.extractions()) {
            Report r = x.report();
            Optional<SourceProfile> p = profiles.byName(r.publisher()).or(() -> profiles.byUrl(r.url()));
            String name = r.publisher() != null && !r.publisher().isBlank() ? r.publisher()
                    : s.summaries().get(r) != null && s.summaries().get(r).get("source") != null ? (String) s.summaries().get(r).get("source")
                    : "(no publisher)";
            String key = p.map(sp -> "profile:" + sp.name()).orElse("name:" + name.toLowerCase(java.util.Locale.ROOT));
            Map<String, Object> m = out.computeIfAbsent(key, k -> entry(name, null));
            m.put("reports", (Integer) m.get("reports") + 1);
            int events = 0;
            int corr = 0;
            for (Event e : x.events()) {
                if (s.stories().duplicateOf(e).isPresent()) {
                    continue;
                }
                events++;
                corr += s.stories().corroboration(e) > 1 ? 1 : 0;
            }
            m.put("events", (Integer) m.get("events") + events);
            corroborated.merge(key, corr, Integer::sum);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        out.forEach((k, m) -> {
            int events = (Integer) m.get("events");
            int corr = corroborated.getOrDefault(k, 0);
            m.put("corroborated_events", corr);
            m.put("corroboration_rate", events == 0 ? null : Math.round(1000.0 * corr / events) / 1000.0);
            list.add(m);
        });
        list.sort((a, b) -> Integer.compare((Integer) b.get("reports"), (Integer) a.get("reports")));
        return list;
    }

    private static Map<String, Object> entry(String name, SourceProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("profiled", p != null);
        m.put("aliases", p == null ? List.of() : p.aliases());
        m.put("domains", p == null ? List.of() : p.domains());
        m.put("country", p == null ? null : p.country());
        m.put("alignment", p == null ? null : p.alignment());
        m.put("reliability", p == null ? "unknown" : p.reliability());
        m.put("basis", p == null ? null : p.basis());
        m.put("reports", 0);
        m.put("events", 0);
        return m;
    }
}
