package io.frontline.web;

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
import io.frontline.store.ReviewAction;
import io.frontline.store.StoryMember;
import io.frontline.store.StoredEvent;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API computes over the whole store rather than one report: stories and corroboration across the stored
 * reports, source profiles with their counts, and territorial control. Events are the stored contract objects, so
 * <b>review corrections are applied</b> (the store writes a correction into the event's document) and <b>rejected
 * events are left out</b>; stories, corroboration, source assessment and the control model are those of
 * {@code frontline control} over the same reports in ingest order.
 *
 * <p>Kept current incrementally, not rebuilt: the story clusters are the store's (V6, written at ingest); the events
 * are read once, then only those of new reports and of reviewed events' reports. A change re-derives only what it can
 * reach: the duplicates of the stories it touches, the corroboration of the (place, sides) keys their events have or
 * had, and the control timelines of the places of every event whose observation may have changed
 * ({@link ControlModel#replacing}). {@code StoreAnalysisIncrementalTest} checks the result equals a rebuild from scratch.
 */
final class StoreAnalysis {
    private static final GeometryFactory GF = new GeometryFactory();

    private final EventStore store;
    private final Gazetteer gazetteer;
    private final SourceProfiles profiles;
    private Geometry boundary;
    private ControlMarks.Seed seed;
    private final Map<String, Map<String, Object>> controlCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > 64;
        }
    };

    StoreAnalysis(EventStore store, Gazetteer gazetteer, SourceProfiles profiles) {
        this.store = store;
        this.gazetteer = gazetteer;
        this.profiles = profiles;
    }

    /** A stored report with its (not rejected) events in sequence order. */
    private static final class Rep {
        final String id;
        long ordinal;
        Report report;
        Map<String, Object> summary;
        String storyId;
        List<Event> events = List.of();
        int rejected;

        Rep(String id) {
            this.id = id;
        }
    }

    /** A stored story: the core's {@link Story} and its reports in input order. */
    private record StoryState(Story story, List<Rep> members) {
        long first() {
            return members.get(0).ordinal;
        }
    }

    private long knownReports = -1;
    private long knownReviews;
    private long lastOrdinal;
    private final Map<String, Rep> reps = new HashMap<>();
    private final Map<String, StoryState> storyById = new HashMap<>();
    private final Map<String, Event> events = new HashMap<>();
    private final Map<Event, Rep> repOf = new IdentityHashMap<>();
    private final Map<Event, Integer> seqOf = new IdentityHashMap<>();
    private final Map<Event, Event> duplicateOf = new IdentityHashMap<>();
    private final Map<Event, Set<String>> corroborating = new IdentityHashMap<>();
    private final Map<Event, Integer> corroboration = new IdentityHashMap<>();
    private final Map<String, List<Event>> byCorrKey = new HashMap<>();
    private final Map<String, List<Event>> byControlKey = new HashMap<>();
    private int rejected;
    private ControlModel model = ControlModel.build(null, List.of());
    private ControlModel seeded;
    private List<Map<String, Object>> storiesCache;
    private List<Map<String, Object>> sourcesCache;
    /** Refresh statistics, for the benchmark and tests: reports and events re-read, places refolded by the last change. */
    private int lastRefolded;

    /** Brings the state up to the store: new reports, new review actions. Cheap when nothing changed (two counts). */
    synchronized void refresh() {
        long nReports = store.reports(1, 0).total();
        long nReviews = store.reviewLog(1, 0).total();
        if (nReports == knownReports && nReviews == knownReviews) {
            return;
        }
        boolean first = knownReports < 0; // the first read sees every review already applied to the events it reads
        Set<Rep> dirty = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Event> removed = new ArrayList<>();
        if (nReports != knownReports) {
            List<StoryMember> rows = store.storyMembers(knownReports < 0 ? 0 : lastOrdinal);
            List<String> fresh = new ArrayList<>();
            Map<String, List<StoryMember>> byStory = new LinkedHashMap<>();
            Set<String> oldStories = new HashSet<>();
            for (StoryMember m : rows) {
                Rep r = reps.get(m.reportId());
                if (r == null) {
                    r = new Rep(m.reportId());
                    reps.put(r.id, r);
                    fresh.add(r.id);
                } else if (r.storyId != null) {
                    oldStories.add(r.storyId);
                }
                r.ordinal = m.ordinal();
                r.summary = m.summary();
                r.report = report(m.summary(), m.url());
                r.storyId = m.storyId();
                lastOrdinal = Math.max(lastOrdinal, m.ordinal());
                byStory.computeIfAbsent(m.storyId(), k -> new ArrayList<>()).add(m);
                dirty.add(r);
            }
            oldStories.removeAll(byStory.keySet());
            oldStories.forEach(storyById::remove); // merged into a new one
            byStory.forEach((id, ms) -> {
                List<Rep> members = ms.stream().map(m -> reps.get(m.reportId())).toList();
                Rep origin = reps.get(ms.get(0).originId());
                storyById.put(id, new StoryState(new Story(id, members.stream().map(r -> r.report).toList(),
                        origin == null ? members.get(0).report : origin.report, ms.get(0).originSource()), members));
            });
            load(fresh, removed);
            knownReports = nReports;
        }
        if (nReviews != knownReviews && !first) {
            Set<String> reviewed = new java.util.LinkedHashSet<>();
            for (long offset = knownReviews; offset < nReviews; offset += 1000) {
                for (ReviewAction a : store.reviewLog(1000, (int) offset).items()) {
                    store.event(a.eventId()).ifPresent(se -> reviewed.add(se.reportId()));
                }
            }
            reviewed.removeIf(id -> !reps.containsKey(id));
            load(reviewed, removed);
            reviewed.forEach(id -> dirty.add(reps.get(id)));
        }
        knownReviews = nReviews;
        update(dirty, removed);
        controlCache.clear();
        storiesCache = null;
        sourcesCache = null;
    }

    /** (Re)reads the events of these reports, taking their earlier events out of every index (into {@code removed}). */
    private void load(java.util.Collection<String> reportIds, List<Event> removed) {
        if (reportIds.isEmpty()) {
            return;
        }
        Map<String, List<StoredEvent>> byReport = new HashMap<>();
        if (reportIds.size() > 200 && reportIds.size() * 2 > reps.size()) {
            // most of the store (the first read): one pass over the events beats IN-lists of report ids
            Set<String> wanted = reportIds instanceof Set<String> set ? set : new HashSet<>(reportIds);
            store.scan(EventFilter.ALL, se -> {
                if (wanted.contains(se.reportId())) {
                    byReport.computeIfAbsent(se.reportId(), k -> new ArrayList<>()).add(se);
                }
            });
        } else {
            for (StoredEvent se : store.eventsOf(reportIds)) {
                byReport.computeIfAbsent(se.reportId(), k -> new ArrayList<>()).add(se);
            }
        }
        for (String id : reportIds) {
            Rep r = reps.get(id);
            for (Event e : r.events) {
                removed.add(e);
                events.remove(e.eventId());
                repOf.remove(e);
                seqOf.remove(e);
                duplicateOf.remove(e);
                corroborating.remove(e);
                corroboration.remove(e);
                String ck = corrKey(e);
                if (ck != null) {
                    byCorrKey.get(ck).remove(e);
                }
                String pk = ControlModel.key(e);
                if (pk != null) {
                    byControlKey.get(pk).remove(e);
                }
            }
            rejected -= r.rejected;
            List<StoredEvent> stored = new ArrayList<>(byReport.getOrDefault(id, List.of()));
            stored.sort(java.util.Comparator.comparing(StoredEvent::id)); // ids are the report's id and its sequence number
            List<Event> evs = new ArrayList<>();
            int rej = 0;
            for (StoredEvent se : stored) {
                if ("rejected".equals(se.reviewStatus())) {
                    rej++;
                    continue; // a rejected event is no evidence of anything
                }
                Event e = event(se.contract());
                seqOf.put(e, evs.size());
                evs.add(e);
                events.put(e.eventId(), e);
                repOf.put(e, r);
                String ck = corrKey(e);
                if (ck != null) {
                    byCorrKey.computeIfAbsent(ck, k -> new ArrayList<>()).add(e);
                }
                String pk = ControlModel.key(e);
                if (pk != null) {
                    byControlKey.computeIfAbsent(pk, k -> new ArrayList<>()).add(e);
                }
            }
            r.events = evs;
            r.rejected = rej;
            rejected += rej;
        }
    }

    /** Re-derives duplicates, corroboration and control where the dirty reports (and the removed events) reach. */
    private void update(Set<Rep> dirty, List<Event> removed) {
        Set<StoryState> touched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Rep r : dirty) {
            touched.add(storyById.get(r.storyId));
        }
        Set<String> corrKeys = new HashSet<>();
        Set<String> placeKeys = new HashSet<>();
        for (Event e : removed) {
            addKeys(e, corrKeys, placeKeys);
        }
        for (StoryState st : touched) {
            for (Rep r : st.members()) {
                for (Event e : r.events) {
                    addKeys(e, corrKeys, placeKeys);
                    corroborating.put(e, new LinkedHashSet<>(List.of(st.story().id()))); // no (place, sides) key: its own only
                    corroboration.put(e, 1);
                }
            }
            duplicates(st);
        }
        for (String k : corrKeys) {
            List<Event> list = byCorrKey.get(k);
            if (list == null) {
                continue;
            }
            corroborate(list);
            for (Event e : list) {
                String pk = ControlModel.key(e);
                if (pk != null) {
                    placeKeys.add(pk);
                }
            }
        }
        refold(placeKeys);
    }

    private static void addKeys(Event e, Set<String> corrKeys, Set<String> placeKeys) {
        String ck = corrKey(e);
        if (ck != null) {
            corrKeys.add(ck);
        }
        String pk = ControlModel.key(e);
        if (pk != null) {
            placeKeys.add(pk);
        }
    }

    /**
     * A story's duplicates as {@link Stories} finds them: its origin's events first, then its other reports' in input
     * order; an event is a duplicate of the first earlier event of another report of the story with the same (place,
     * sides) key within the date window (or of what that one duplicates).
     */
    private void duplicates(StoryState st) {
        List<Rep> ordered = new ArrayList<>(st.members());
        ordered.sort(java.util.Comparator.comparingInt(r -> r.report == st.story().origin() ? 0 : 1));
        Map<String, List<Event>> seen = new HashMap<>();
        for (Rep r : ordered) {
            for (Event e : r.events) {
                duplicateOf.remove(e);
                String k = corrKey(e);
                if (k == null) {
                    continue;
                }
                long d = day(e);
                List<Event> earlier = seen.computeIfAbsent(k, x -> new ArrayList<>());
                for (Event o : earlier) {
                    if (repOf.get(o) != r && Math.abs(day(o) - d) <= Stories.DATE_WINDOW_DAYS) {
                        duplicateOf.put(e, duplicateOf.getOrDefault(o, o));
                        break;
                    }
                }
                earlier.add(e);
            }
        }
    }

    /** The corroboration of every event of one (place, sides) key: the stories with an event there within the window. */
    private void corroborate(List<Event> list) {
        List<Event> sorted = new ArrayList<>(list);
        sorted.sort(java.util.Comparator.comparingLong(StoreAnalysis::day));
        int lo = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Event e = sorted.get(i);
            long d = day(e);
            while (day(sorted.get(lo)) < d - Stories.DATE_WINDOW_DAYS) {
                lo++;
            }
            Set<String> ids = new LinkedHashSet<>();
            ids.add(repOf.get(e).storyId);
            for (int j = lo; j < sorted.size() && day(sorted.get(j)) <= d + Stories.DATE_WINDOW_DAYS; j++) {
                ids.add(repOf.get(sorted.get(j)).storyId);
            }
            corroborating.put(e, ids);
            Set<String> sources = new HashSet<>();
            for (String id : ids) {
                String src = storyById.get(id).story().originSource();
                String n = src == null ? "" : norm(src);
                sources.add(n.isEmpty() ? id : "source:" + n);
            }
            corroboration.put(e, sources.size());
        }
    }

    private static String norm(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** Stories' (place, sides) key of an event: the phonetic key of its location and its sides either way round; null without a date or place. */
    static String corrKey(Event e) {
        if (date(e.eventDate()) == null || e.location() == null) {
            return null;
        }
        String place = io.frontline.gazetteer.NameKey.phonetic(e.location());
        if (place.isEmpty()) {
            return null;
        }
        String sides = e.side1().compareTo(e.side2()) <= 0 ? e.side1() + "|" + e.side2() : e.side2() + "|" + e.side1();
        return place + "#" + sides;
    }

    private static long day(Event e) {
        return date(e.eventDate()).toEpochDay();
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }

    /** The observations of these places (copies of a story's events left out), in the order {@link Observations} gives. */
    private List<Observation> observations(java.util.Collection<String> placeKeys) {
        List<Event> evs = new ArrayList<>();
        for (String k : placeKeys) {
            for (Event e : byControlKey.getOrDefault(k, List.of())) {
                if (!duplicateOf.containsKey(e)) {
                    evs.add(e);
                }
            }
        }
        evs.sort(java.util.Comparator.<Event, LocalDate>comparing(e -> repOf.get(e).report.published(),
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparingLong(e -> repOf.get(e).ordinal).thenComparingInt(seqOf::get));
        List<Observation> out = new ArrayList<>(evs.size());
        for (Event e : evs) {
            Rep r = repOf.get(e);
            int n = corroboration.getOrDefault(e, 1);
            Assessment a = Assessment.of(e, r.report, storyById.get(r.storyId).story(), n, profiles);
            out.add(new Observation(e, a.sourceReliability(), n, a.confidence(), out.size()));
        }
        return out;
    }

    /** Folds these places again from their observations, in the model and (once built) the one seeded from the map. */
    private void refold(Set<String> placeKeys) {
        lastRefolded = placeKeys.size();
        if (placeKeys.isEmpty()) {
            return;
        }
        List<Observation> obs = observations(placeKeys);
        model = model.replacing(placeKeys, ControlModel.build(null, obs));
        if (seeded != null) {
            ControlMarks.Seed all = seed();
            ControlMarks.Seed some = new ControlMarks.Seed(all.date(), all.places().stream().filter(p -> placeKeys.contains(p.key())).toList());
            seeded = seeded.replacing(placeKeys, ControlModel.build(some, obs));
        }
    }

    /** The model started from the map snapshot, built when first asked for. */
    private ControlModel seeded() {
        if (seed() == null) {
            return model;
        }
        if (seeded == null) {
            seeded = ControlModel.build(seed(), observations(byControlKey.keySet()));
        }
        return seeded;
    }

    /** The control model over the stored events as kept (for tests). */
    synchronized ControlModel model(boolean seedMap) {
        refresh();
        return seedMap ? seeded() : model;
    }

    /** The places folded again by the last change (for tests and the benchmark). */
    synchronized int lastRefolded() {
        return lastRefolded;
    }

    /** The observations counted: every stored event neither rejected nor a copy of another. */
    private int eventsUsed() {
        return events.size() - duplicateOf.size();
    }

    /** The stories in input order (of their first report). */
    private List<StoryState> storyList() {
        List<StoryState> out = new ArrayList<>(storyById.values());
        out.sort(java.util.Comparator.comparingLong(StoryState::first));
        return out;
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

    /** A stored report's summary as the core's {@link Report} without its text (stories are the store's). */
    static Report report(Map<String, Object> summary, String url) {
        LocalDate published = summary.get("published") instanceof String s && !s.isBlank() ? date(s) : null;
        return new Report((String) summary.get("id"), (String) summary.get("file"), (String) summary.get("title"),
                (String) summary.get("publisher"), (String) summary.get("original_source"), published, List.of(), List.of(), Map.of(),
                "", "", List.of(), List.of(), List.of()).located(url, Report.IN_BODY);
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
        refresh();
        String key = date + "|" + seedMap + "|" + (bbox == null ? "" : java.util.Arrays.toString(bbox));
        Map<String, Object> cached = controlCache.get(key);
        if (cached != null) {
            return cached;
        }
        ControlModel m = seedMap ? seeded() : model;
        List<ControlState> states = m.on(date);
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
        out.put("events_used", eventsUsed());
        out.put("rejected_left_out", rejected);
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

    private Map<String, Object> story(StoryState st) {
        Story story = st.story();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", story.id());
        m.put("origin", story.origin().id());
        m.put("origin_source", story.originSource());
        List<Object> reports = new ArrayList<>();
        int events = 0;
        int corroborated = 0;
        for (Rep r : st.members()) {
            reports.add(reportRef(r.report, r.summary));
            for (Event e : r.events) {
                if (!duplicateOf.containsKey(e)) {
                    events++;
                    corroborated += corroboration.getOrDefault(e, 1) > 1 ? 1 : 0;
                }
            }
        }
        m.put("reports", reports);
        m.put("events", events);
        m.put("corroborated_events", corroborated);
        return m;
    }

    /** Every story of the stored reports: its reports (origin first as stored) and how many of its events are corroborated. */
    synchronized List<Map<String, Object>> stories() {
        refresh();
        if (storiesCache == null) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (StoryState st : storyList()) {
                out.add(story(st));
            }
            storiesCache = List.copyOf(out);
        }
        return storiesCache;
    }

    /**
     * The story and corroboration of one stored event across the whole store (the stored contract only knows its own
     * report): its story with the other reports of it, the other stories reporting the same event with their matching
     * events, the event it duplicates, and the assessed confidence with its reasons. Empty for an unknown or rejected event.
     */
    synchronized Optional<Map<String, Object>> eventStory(String id) {
        refresh();
        Event e = events.get(id);
        if (e == null) {
            return Optional.empty();
        }
        Rep r = repOf.get(e);
        StoryState own = storyById.get(r.storyId);
        int n = corroboration.getOrDefault(e, 1);
        Assessment a = Assessment.of(e, r.report, own.story(), n, profiles);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id", id);
        m.put("report_id", r.id);
        m.put("story", story(own));
        Event dup = duplicateOf.get(e);
        m.put("duplicate_of", dup == null ? null : dup.eventId());
        m.put("corroboration", n);
        List<StoryState> others = new ArrayList<>();
        for (String sid : corroborating.getOrDefault(e, Set.of())) {
            if (!sid.equals(own.story().id())) {
                others.add(storyById.get(sid));
            }
        }
        others.sort(java.util.Comparator.comparingLong(StoryState::first));
        List<Object> by = new ArrayList<>();
        for (StoryState st : others) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", st.story().id());
            sm.put("origin_source", st.story().originSource());
            List<Object> reports = new ArrayList<>();
            List<Object> matching = new ArrayList<>();
            for (Rep rr : st.members()) {
                reports.add(reportRef(rr.report, rr.summary));
                for (Event o : rr.events) {
                    if (sameEvent(e, o)) {
                        Map<String, Object> em = new LinkedHashMap<>();
                        em.put("event_id", o.eventId());
                        em.put("report_id", rr.id);
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
            sm.put("reports", reports);
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
        refresh();
        if (sourcesCache != null) {
            return sourcesCache;
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (SourceProfile p : profiles.profiles()) {
            out.put("profile:" + p.name(), entry(p.name(), p));
        }
        Map<String, Integer> corroborated = new HashMap<>();
        List<Rep> ordered = new ArrayList<>(reps.values());
        ordered.sort(java.util.Comparator.comparingLong((Rep x) -> x.ordinal).thenComparing(x -> x.id));
        for (Rep x : ordered) {
            Report r = x.report;
            Optional<SourceProfile> p = profiles.byName(r.publisher()).or(() -> profiles.byUrl(r.url()));
            String name = r.publisher() != null && !r.publisher().isBlank() ? r.publisher()
                    : x.summary != null && x.summary.get("source") != null ? (String) x.summary.get("source")
                    : "(no publisher)";
            String key = p.map(sp -> "profile:" + sp.name()).orElse("name:" + name.toLowerCase(java.util.Locale.ROOT));
            Map<String, Object> m = out.computeIfAbsent(key, k -> entry(name, null));
            m.put("reports", (Integer) m.get("reports") + 1);
            int events = 0;
            int corr = 0;
            for (Event e : x.events) {
                if (duplicateOf.containsKey(e)) {
                    continue;
                }
                events++;
                corr += corroboration.getOrDefault(e, 1) > 1 ? 1 : 0;
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
        sourcesCache = List.copyOf(list);
        return sourcesCache;
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
