package io.frontline.stories;

import io.frontline.Extraction;
import io.frontline.events.Event;
import io.frontline.gazetteer.NameKey;
import io.frontline.ingest.Report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Story clusters of a batch of reports and the corroboration of their events.
 *
 * <p>Clustering: word shingles of each report's body, MinHash signatures and LSH banding find candidate pairs;
 * a pair is one story when the exact shingle sets agree (Jaccard at least {@value #SAME_JACCARD}, or one holds
 * at least {@value #SAME_CONTAINMENT} of the other's shingles). Stories are the connected groups.
 *
 * <p>Corroboration: events of one story count once (a copy's event is a {@link #duplicateOf duplicate} of the
 * first report's); an event's corroboration is the number of independent stories (of different origin sources) that
 * report an event at the same place (phonetic key), with the same sides (either way round) and dates at most
 * {@value #DATE_WINDOW_DAYS} days apart.
 */
public final class Stories {
    public static final double SAME_JACCARD = 0.5;
    public static final double SAME_CONTAINMENT = 0.8;
    public static final int DATE_WINDOW_DAYS = 3;
    private static final int MIN_SHINGLES_FOR_CONTAINMENT = 20;

    private final List<Story> stories;
    private final Map<Report, Story> byReport = new IdentityHashMap<>();
    private final Map<String, Story> byId = new HashMap<>();
    private final Map<Event, Set<String>> corroborating = new IdentityHashMap<>();
    private final Map<Event, Event> duplicateOf = new IdentityHashMap<>();

    private Stories(List<Story> stories) {
        this.stories = List.copyOf(stories);
        for (Story s : stories) {
            byId.put(s.id(), s);
            for (Report r : s.reports()) {
                byReport.put(r, s);
            }
        }
    }

    /** Clusters the reports of the extractions into stories and counts the corroboration of their events. */
    public static Stories of(List<Extraction> xs) {
        List<Report> reports = xs.stream().map(Extraction::report).toList();
        Stories out = new Stories(cluster(reports));
        out.corroborate(xs);
        return out;
    }

    /** Groups reports into stories (input order kept within and across stories). */
    public static List<Story> cluster(List<Report> reports) {
        List<long[]> shingles = new ArrayList<>();
        List<long[]> signatures = new ArrayList<>();
        for (Report r : reports) {
            long[] sh = Shingles.of(r.body());
            shingles.add(sh);
            signatures.add(MinHash.signature(sh));
        }
        int[] parent = new int[reports.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int[] pair : MinHash.candidatePairs(signatures)) {
            if (sameStory(shingles.get(pair[0]), shingles.get(pair[1]))) {
                int x = find(parent, pair[0]);
                int y = find(parent, pair[1]);
                parent[Math.max(x, y)] = Math.min(x, y);
            }
        }
        Map<Integer, List<Report>> groups = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(reports.get(i));
        }
        List<Story> out = new ArrayList<>();
        for (List<Report> members : groups.values()) {
            out.add(story(members));
        }
        return out;
    }

    /**
     * Whether two bodies' shingle sets ({@link Shingles#of}) are copies of one story: Jaccard at least
     * {@value #SAME_JACCARD}, or one holds at least {@value #SAME_CONTAINMENT} of the other's shingles.
     */
    public static boolean sameStory(long[] a, long[] b) {
        return Shingles.jaccard(a, b) >= SAME_JACCARD
                || (Math.min(a.length, b.length) >= MIN_SHINGLES_FOR_CONTAINMENT && Shingles.containment(a, b) >= SAME_CONTAINMENT);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * The story of a group of reports that are copies of one another (input order kept): its origin and origin
     * source as {@link #cluster} decides them. Public so that a store keeping its clusters decides them the same way.
     */
    public static Story story(List<Report> members) {
        String named = members.stream().map(Report::originalSource).filter(s -> s != null && !s.isBlank()).findFirst().orElse(null);
        Comparator<Report> earliest = Comparator.comparing(Report::published, Comparator.nullsLast(Comparator.naturalOrder()));
        Report origin = null;
        if (named != null) {
            origin = members.stream().filter(r -> r.publisher() != null && sameName(r.publisher(), named)).min(earliest).orElse(null);
        }
        if (origin == null) {
            origin = members.stream().min(earliest).orElseThrow();
        }
        String source = named != null ? named : origin.publisher();
        return new Story("story-" + origin.id(), members, origin, source);
    }

    private static boolean sameName(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    // ---- corroboration -------------------------------------------------------------------------------------

    private record Located(Event event, Story story, String place, String sides, LocalDate date, int seq) {
    }

    private void corroborate(List<Extraction> xs) {
        // earlier events by place, sides and day: only the days within the window are looked at (a list per place
        // made this quadratic in the events of one place); matches are taken in the order they were seen
        Map<String, Map<Long, List<Located>>> byPlace = new HashMap<>();
        int seq = 0;
        Map<Event, Extraction> owner = new IdentityHashMap<>();
        for (Extraction x : xs) {
            for (Event e : x.events()) {
                owner.put(e, x);
            }
        }
        List<Extraction> ordered = new ArrayList<>(xs);
        // within a story, the origin's events come first: copies are duplicates of the origin's
        ordered.sort(Comparator.comparingInt(x -> storyOf(x.report()).origin() == x.report() ? 0 : 1));
        for (Extraction x : ordered) {
            Story s = storyOf(x.report());
            for (Event e : x.events()) {
                LocalDate d = date(e.eventDate());
                String place = e.location() == null ? null : NameKey.phonetic(e.location());
                if (d == null || place == null || place.isEmpty()) {
                    corroborating.put(e, new LinkedHashSet<>(List.of(s.id())));
                    continue;
                }
                String sides = e.side1().compareTo(e.side2()) <= 0 ? e.side1() + "|" + e.side2() : e.side2() + "|" + e.side1();
                Located here = new Located(e, s, place, sides, d, seq++);
                Map<Long, List<Located>> same = byPlace.computeIfAbsent(place + "#" + sides, k -> new HashMap<>());
                List<Located> near = new ArrayList<>();
                for (long day = d.toEpochDay() - DATE_WINDOW_DAYS; day <= d.toEpochDay() + DATE_WINDOW_DAYS; day++) {
                    near.addAll(same.getOrDefault(day, List.of()));
                }
                near.sort(Comparator.comparingInt(Located::seq));
                Set<String> ids = new LinkedHashSet<>(List.of(s.id()));
                for (Located other : near) {
                    ids.add(other.story.id());
                    corroborating.get(other.event).add(s.id());
                    if (other.story == s && other.event != e && !duplicateOf.containsKey(e)
                            && owner.get(other.event) != x) {
                        duplicateOf.put(e, duplicateOf.getOrDefault(other.event, other.event));
                    }
                }
                corroborating.put(e, ids);
                same.computeIfAbsent(d.toEpochDay(), k -> new ArrayList<>()).add(here);
            }
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- answers ----------------------------------------------------------------------------------------------

    public List<Story> stories() {
        return stories;
    }

    /** The story of a report of this batch. */
    public Story storyOf(Report r) {
        Story s = byReport.get(r);
        if (s == null) {
            throw new IllegalArgumentException("report not in this batch: " + r.file());
        }
        return s;
    }

    /**
     * The number of independent stories that report this event (1: only its own). Stories whose origin is the same
     * source (two articles of one outlet) count once: an outlet does not corroborate itself.
     */
    public int corroboration(Event e) {
        Set<String> ids = corroborating.get(e);
        if (ids == null) {
            return 1;
        }
        Set<String> sources = new java.util.HashSet<>();
        for (String id : ids) {
            Story s = byId.get(id);
            sources.add(s.originSource() == null || norm(s.originSource()).isEmpty() ? id : "source:" + norm(s.originSource()));
        }
        return sources.size();
    }

    /** The other stories that report this event, in input order. */
    public List<String> corroboratingStories(Event e, Story own) {
        Set<String> s = corroborating.getOrDefault(e, Set.of());
        return s.stream().filter(id -> !id.equals(own.id())).toList();
    }

    /** The same event as reported by an earlier copy of the story (the origin first), where there is one. */
    public Optional<Event> duplicateOf(Event e) {
        return Optional.ofNullable(duplicateOf.get(e));
    }
}
