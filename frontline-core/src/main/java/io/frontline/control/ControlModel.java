package io.frontline.control;

import io.frontline.events.Event;
import io.frontline.gazetteer.NameKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Territorial control over time, folded from coded events (and optionally a map snapshot as the initial state).
 *
 * <p>Events are keyed by their gazetteer place id, else by {@code name:} and the normalised key of their location
 * ({@link NameKey#key(String)}). Each place's events are applied in date order (on one date, in input order), so a
 * later report overrides an earlier one; the snapshot counts as a report on its date. {@link ControlRules} decides
 * what each event does: a capture flips the controller, fighting makes the place contested (the controller stays the
 * last holder), a repelled attack changes nothing (where no holder is known yet, the defender, side2, is taken as the
 * holder), a weak claim makes it uncertain. An event dated only to a month (time precision 3, "in March 2016") is
 * left out where the place has events dated to the day or week within 15 days of it: its place in the order is
 * unknown. Every state carries the evidence it rests on.
 *
 * <p>Built once, queried many times: {@link #on(LocalDate)} is a binary search per place.
 */
public final class ControlModel {
    private final Map<String, PlaceTimeline> timelines;

    private ControlModel(Map<String, PlaceTimeline> timelines) {
        this.timelines = timelines;
    }

    /** A step of a place's history before folding. */
    private record Step(LocalDate date, int precision, int order, Effect effect, String side1, String side2, String status,
                        List<String> others, ControlEvidence evidence) {
    }

    private static final class Place {
        final String key;
        String name;
        Double lat;
        Double lon;
        final List<Step> steps = new ArrayList<>();

        Place(String key, String name) {
            this.key = key;
            this.name = name;
        }

        void locate(Double la, Double lo) {
            if (lat == null && la != null && lo != null) {
                lat = la;
                lon = lo;
            }
        }
    }

    public static ControlModel build(List<Observation> observations) {
        return build(null, observations);
    }

    /** Builds the timelines of every place from the seed (null: none) and the observations. */
    public static ControlModel build(ControlMarks.Seed seed, List<Observation> observations) {
        Map<String, Place> places = new HashMap<>();
        if (seed != null) {
            for (ControlMarks.SeedPlace sp : seed.places()) {
                var mark = ControlMarks.parse(sp.mark());
                if (mark.isEmpty()) {
                    continue;
                }
                Place p = places.computeIfAbsent(sp.key(), k -> new Place(k, sp.name()));
                p.name = sp.name();
                p.lat = sp.point().lat();
                p.lon = sp.point().lon();
                ControlEvidence ev = new ControlEvidence("map:" + sp.key(), seed.date().toString(), Effect.SEED, mark.get().controller(),
                        String.join("|", mark.get().others()), "Map snapshot", "map mark " + sp.mark(), null, 1.0,
                        "Wikipedia's detailed map, snapshot of " + seed.date());
                p.steps.add(new Step(seed.date(), 1, -1, Effect.SEED, mark.get().controller(), null, mark.get().status(),
                        mark.get().others(), ev));
            }
        }
        for (Observation o : observations) {
            ControlRules.Decision d = ControlRules.decide(o);
            if (d.effect() == Effect.NONE) {
                continue;
            }
            Event e = o.event();
            LocalDate date = date(e.eventDate());
            if (date == null) {
                continue;
            }
            String key = key(e);
            if (key == null) {
                continue;
            }
            String name = e.placeName() != null ? e.placeName() : e.location();
            Place p = places.computeIfAbsent(key, k -> new Place(k, name));
            p.locate(e.latitude(), e.longitude());
            ControlEvidence ev = new ControlEvidence(e.eventId(), e.eventDate(), d.effect(), e.side1(), e.side2() == null ? "" : e.side2(),
                    e.subEventType(), e.evidence() == null ? "" : e.evidence().text(), e.attribution(), o.confidence(), d.reason());
            p.steps.add(new Step(date, e.timePrecision(), o.order(), d.effect(), e.side1(), e.side2(), null, List.of(), ev));
        }
        Map<String, PlaceTimeline> out = new HashMap<>(places.size() * 2);
        Comparator<Step> order = Comparator.comparing(Step::date).thenComparingInt(Step::order);
        for (Place p : places.values()) {
            p.steps.sort(order);
            out.put(p.key, new PlaceTimeline(p.key, p.name, p.lat, p.lon, fold(p)));
        }
        return new ControlModel(out);
    }

    /** An ISO date (YYYY-MM-DD), read without a formatter (the hot path of building); null when not one. */
    static LocalDate date(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
        } catch (NumberFormatException | java.time.DateTimeException ex) {
            return null;
        }
    }

    /** The key of an event's place: its gazetteer id, else its normalised name; null when it has neither. */
    public static String key(Event e) {
        if (e.placeId() != null && !e.placeId().isBlank()) {
            return e.placeId();
        }
        if (e.location() == null) {
            return null;
        }
        String k = NameKey.key(e.location());
        return k.isEmpty() ? null : "name:" + k;
    }

    /** Time precision of an event dated only to a month or a campaign's end (ACLED's 3). */
    private static final int VAGUE = 3;
    /** The window, each side of a vague date, in which a report dated to the day or week overrides it. */
    private static final int VAGUE_DAYS = 15;

    private static List<ControlState> fold(Place p) {
        List<ControlState> states = new ArrayList<>();
        ControlState s = null;
        java.util.TreeSet<LocalDate> precise = new java.util.TreeSet<>();
        for (Step step : p.steps) {
            if (step.precision() < VAGUE) {
                precise.add(step.date());
            }
        }
        for (Step step : p.steps) {
            if (step.precision() >= VAGUE && !precise.subSet(step.date().minusDays(VAGUE_DAYS), true, step.date().plusDays(VAGUE_DAYS), true).isEmpty()) {
                continue; // "in March 2016": reports dated to the day in that window tell the order of events better
            }
            ControlState next = apply(p, s, step);
            if (next == s) {
                continue;
            }
            if (!states.isEmpty() && states.get(states.size() - 1).from().equals(next.from())) {
                states.set(states.size() - 1, next); // one state per day: the last report of the day stands
            } else {
                states.add(next);
            }
            s = next;
        }
        return states;
    }

    private static ControlState apply(Place p, ControlState s, Step step) {
        LocalDate d = step.date();
        String holder = s == null ? null : s.controller();
        switch (step.effect()) {
            case SEED -> {
                boolean same = holder != null && holder.equals(step.side1());
                List<ControlEvidence> ev = same ? plus(heldEvidence(s), step.evidence()) : List.of(step.evidence());
                return state(p, step.side1(), step.status(), same && s.since() != null ? s.since() : d, d, step.others(), ev);
            }
            case FLIP -> {
                boolean same = holder != null && holder.equals(step.side1());
                List<ControlEvidence> ev = same ? plus(heldEvidence(s), step.evidence()) : List.of(step.evidence());
                return state(p, step.side1(), ControlState.HELD, same && s.since() != null ? s.since() : d, d, List.of(), ev);
            }
            case CONTEST -> {
                Set<String> others = new LinkedHashSet<>();
                if (s != null && ControlState.CONTESTED.equals(s.status())) {
                    others.addAll(s.others());
                }
                for (String side : new String[]{step.side1(), step.side2()}) {
                    if (ControlRules.canHold(side) && !side.equals(holder)) {
                        others.add(side);
                    }
                }
                return state(p, holder, ControlState.CONTESTED, s == null ? null : s.since(), d, List.copyOf(others),
                        plus(s == null ? List.of() : s.evidence(), step.evidence()));
            }
            case REPELLED -> {
                if (s == null) {
                    String defender = ControlRules.canHold(step.side2()) ? step.side2() : null;
                    return state(p, defender, defender == null ? ControlState.CONTESTED : ControlState.HELD, null, d,
                            defender == null && ControlRules.canHold(step.side1()) ? List.of(step.side1()) : List.of(), List.of(step.evidence()));
                }
                return state(p, s.controller(), s.status(), s.since(), d, s.others(), plus(s.evidence(), step.evidence()));
            }
            case CLAIM -> {
                if (holder != null && holder.equals(step.side1())) {
                    return state(p, holder, s.status(), s.since(), d, s.others(), plus(s.evidence(), step.evidence()));
                }
                return state(p, holder, ControlState.UNCERTAIN, s == null ? null : s.since(), d, List.of(step.side1()),
                        plus(s == null ? List.of() : s.evidence(), step.evidence()));
            }
            default -> {
                return s;
            }
        }
    }

    /** The evidence that set the current holder (its captures and the snapshot), without later fighting. */
    private static List<ControlEvidence> heldEvidence(ControlState s) {
        return s.evidence().stream().filter(e -> e.effect() == Effect.FLIP || e.effect() == Effect.SEED).toList();
    }

    private static final int MAX_EVIDENCE = 12;

    private static List<ControlEvidence> plus(List<ControlEvidence> list, ControlEvidence e) {
        List<ControlEvidence> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(e);
        if (out.size() > MAX_EVIDENCE) {
            out.remove(1); // keep what set the holder first, and the latest
        }
        return out;
    }

    private static ControlState state(Place p, String controller, String status, LocalDate since, LocalDate from,
                                      List<String> others, List<ControlEvidence> evidence) {
        return new ControlState(p.key, p.name, p.lat, p.lon, controller, status, since, from, others, evidence);
    }

    /**
     * This model with the timelines of {@code keys} taken from {@code rebuilt} (a model built from every observation
     * of those places, and only of them): a key {@code rebuilt} has no timeline for is dropped. The other places'
     * timelines are shared, not copied. How a store keeps the model current without folding every event again.
     */
    public ControlModel replacing(java.util.Collection<String> keys, ControlModel rebuilt) {
        Map<String, PlaceTimeline> out = new HashMap<>(timelines);
        for (String k : keys) {
            PlaceTimeline t = rebuilt.timelines.get(k);
            if (t == null) {
                out.remove(k);
            } else {
                out.put(k, t);
            }
        }
        return new ControlModel(out);
    }

    // ---- queries ------------------------------------------------------------------------------------------

    /** The state of every place that has one on the date, by name then key. */
    public List<ControlState> on(LocalDate date) {
        List<ControlState> out = new ArrayList<>(timelines.size());
        for (PlaceTimeline t : timelines.values()) {
            t.on(date).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(ControlState::name, String.CASE_INSENSITIVE_ORDER).thenComparing(ControlState::placeKey));
        return out;
    }

    public Optional<PlaceTimeline> timeline(String placeKey) {
        return Optional.ofNullable(timelines.get(placeKey));
    }

    public List<PlaceTimeline> timelines() {
        return timelines.values().stream().sorted(Comparator.comparing(PlaceTimeline::placeKey)).toList();
    }

    public int size() {
        return timelines.size();
    }

    /**
     * Places matching a query: a place key exactly, else places whose name has the same spelling key, else the same
     * phonetic key ({@link NameKey}).
     */
    public List<PlaceTimeline> find(String query) {
        PlaceTimeline exact = timelines.get(query);
        if (exact != null) {
            return List.of(exact);
        }
        String k = NameKey.key(query);
        List<PlaceTimeline> out = timelines.values().stream().filter(t -> NameKey.key(t.name()).equals(k))
                .sorted(Comparator.comparing(PlaceTimeline::placeKey)).toList();
        if (!out.isEmpty()) {
            return out;
        }
        String ph = NameKey.phonetic(query);
        return timelines.values().stream().filter(t -> NameKey.phonetic(t.name()).equals(ph))
                .sorted(Comparator.comparing(PlaceTimeline::placeKey)).toList();
    }

    /**
     * Places matching a query, knowing every spelling the gazetteer has for them ("Tabqa" is al-Thawrah): the
     * gazetteer's exact, spelling and phonetic candidates that have a timeline, else {@link #find(String)}.
     */
    public List<PlaceTimeline> find(String query, io.frontline.gazetteer.Gazetteer gazetteer) {
        List<PlaceTimeline> out = new ArrayList<>();
        for (var c : gazetteer.candidates(query)) {
            PlaceTimeline t = timelines.get(c.place().id());
            if (t != null && !c.match().equals("fuzzy") && !out.contains(t)) {
                out.add(t);
            }
        }
        return out.isEmpty() ? find(query) : out;
    }

    /** A change of controller or status at a place: the state before (null for the first) and after. */
    public record Change(LocalDate date, ControlState before, ControlState after) {
    }

    /** Changes of controller or status beginning in the window (both ends included), by date then place. */
    public List<Change> changes(LocalDate from, LocalDate to) {
        List<Change> out = new ArrayList<>();
        for (PlaceTimeline t : timelines.values()) {
            ControlState prev = null;
            for (ControlState s : t.states()) {
                boolean changed = prev == null || !java.util.Objects.equals(prev.controller(), s.controller())
                        || !prev.status().equals(s.status());
                if (changed && !s.from().isBefore(from) && !s.from().isAfter(to)) {
                    out.add(new Change(s.from(), prev, s));
                }
                prev = s;
            }
        }
        out.sort(Comparator.comparing(Change::date).thenComparing(c -> c.after().name()));
        return out;
    }
}
