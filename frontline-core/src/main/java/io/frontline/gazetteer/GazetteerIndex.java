package io.frontline.gazetteer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory gazetteer: a hash index over phonetic keys for exact lookups, and a symmetric-deletion
 * index over consonant skeletons for bounded fuzzy matching (one skeleton edit, then a bounded edit
 * distance on the phonetic keys).
 */
public final class GazetteerIndex implements Gazetteer {
    private record Entry(Place place, String name, String key, String phonetic, String skeleton) {
    }

    private final Map<String, Place> byId = new LinkedHashMap<>();
    private final Map<String, List<Entry>> byPhonetic = new HashMap<>();
    private final Map<String, List<Entry>> bySkeletonDeletion = new HashMap<>();

    public GazetteerIndex(Collection<Place> places) {
        Map<Long, List<Place>> cells = new HashMap<>();
        for (Place p : places) {
            byId.put(p.id(), p);
            cells.computeIfAbsent(key(cell(p.point().lon()), cell(p.point().lat())), k -> new ArrayList<>()).add(p);
            Set<String> seen = new HashSet<>();
            for (String n : p.names()) {
                String phon = NameKey.phonetic(n);
                if (phon.isEmpty() || !seen.add(phon)) {
                    continue;
                }
                String sk = NameKey.skeletonOfPhonetic(phon);
                Entry e = new Entry(p, n, NameKey.key(n), phon, sk);
                byPhonetic.computeIfAbsent(phon, k -> new ArrayList<>(1)).add(e);
                if (sk.length() >= 3) {
                    for (String d : deletions(sk)) {
                        bySkeletonDeletion.computeIfAbsent(d, k -> new ArrayList<>(1)).add(e);
                    }
                }
            }
        }
        cells.forEach((k, ps) -> grid.put(k, Cell.of(ps)));
    }

    /**
     * Candidates by name, across reports and threads: the index never changes after construction, so a name's
     * candidates are always the same, and reports name the same places again and again. Bounded: emptied when full.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, List<Candidate>> remembered = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int REMEMBERED = 50_000;

    @Override
    public List<Candidate> candidates(String name) {
        List<Candidate> known = remembered.get(name);
        if (known == null) {
            known = List.copyOf(lookup(name));
            if (remembered.size() >= REMEMBERED) {
                remembered.clear();
            }
            remembered.put(name, known);
        }
        return known;
    }

    @Override
    public List<Candidate> candidatesUncached(String name) {
        return lookup(name);
    }

    private List<Candidate> lookup(String name) {
        String[] kp = NameKey.keyAndPhonetic(name);
        String key = kp[0];
        String phon = kp[1];
        if (phon.isEmpty() || NameKey.isGenericOnly(key)) {
            return List.of(); // "Tal", "Jabal", "Khirbet" alone name no place
        }
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (Entry e : byPhonetic.getOrDefault(phon, List.of())) {
            boolean spelling = e.key.equals(key);
            boolean exact = e.name.equalsIgnoreCase(name.strip());
            double score = exact ? 1.0 : spelling ? 0.97 : 0.93;
            keep(best, new Candidate(e.place, e.name, score, exact ? "exact" : spelling ? "spelling" : "phonetic"));
        }
        String sk = NameKey.skeletonOfPhonetic(phon);
        if (sk.length() >= 3 && phon.length() >= 5) {
            int limit = phon.length() >= 9 ? 2 : 1;
            for (String d : deletions(sk)) {
                for (Entry e : bySkeletonDeletion.getOrDefault(d, List.of())) {
                    if (best.containsKey(e.place.id())) {
                        continue;
                    }
                    // the same consonants in the same order: the spellings differ only in vowels ("Lweibdeh", "Luwaybidah")
                    boolean sameConsonants = e.skeleton.equals(sk);
                    int allowed = sameConsonants ? limit + 2 : limit;
                    if (Math.abs(e.phonetic.length() - phon.length()) > allowed) {
                        continue;
                    }
                    int dist = editDistance(e.phonetic, phon, allowed);
                    if (dist <= allowed) {
                        double score = sameConsonants ? 0.88 - 0.02 * dist : 0.9 - 0.1 * dist;
                        keep(best, new Candidate(e.place, e.name, score, "fuzzy"));
                    }
                }
            }
        }
        List<Candidate> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> -c.place().population()));
        return out;
    }

    /** Whether the index knows a name, remembered as {@link #remembered} is (a name is looked up in every report). */
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> known = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public boolean knows(String name) {
        Boolean k = known.get(name);
        if (k == null) {
            k = knowsUncached(name);
            if (known.size() >= REMEMBERED) {
                known.clear();
            }
            known.put(name, k);
        }
        return k;
    }

    @Override
    public boolean knowsUncached(String name) {
        String phon = NameKey.phonetic(name);
        return !phon.isEmpty() && byPhonetic.containsKey(phon);
    }

    @Override
    public Optional<Place> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The governorate near a point, remembered per point as {@link #remembered} is: gazetteer gaps are placed at their
     * anchors, and a report's anchors are places of the gazetteer named again and again. Bounded as it is.
     */
    private final java.util.concurrent.ConcurrentHashMap<GeoPoint, Optional<String>> admin1Near = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String admin1Near(GeoPoint point) {
        Optional<String> a = admin1Near.get(point);
        if (a == null) {
            a = Optional.ofNullable(Gazetteer.super.admin1Near(point));
            if (admin1Near.size() >= REMEMBERED) {
                admin1Near.clear();
            }
            admin1Near.put(point, a);
        }
        return a.orElse(null);
    }

    @Override
    public Optional<Place> nearest(GeoPoint point, java.util.function.Predicate<Place> filter) {
        // search grid cells in growing rings; stop once a ring lies farther than the best found
        int cx = cell(point.lon());
        int cy = cell(point.lat());
        Place best = null;
        double bestD = Double.MAX_VALUE;
        double bestA = Double.MAX_VALUE; // the haversine of bestD (see GeoPoint.haversine)
        double cosLat = Math.cos(Math.toRadians(point.lat()));
        for (int ring = 0; ring <= MAX_RING; ring++) {
            if (best != null && (ring - 1) * CELL_DEG * 111 * Math.cos(Math.toRadians(Math.min(80, Math.abs(point.lat())))) > bestD) {
                break;
            }
            for (int dx = -ring; dx <= ring; dx++) {
                for (int dy = -ring; dy <= ring; dy++) {
                    if (Math.max(Math.abs(dx), Math.abs(dy)) != ring) {
                        continue;
                    }
                    Cell cell = grid.get(key(cx + dx, cy + dy));
                    if (cell == null) {
                        continue;
                    }
                    for (int i = 0; i < cell.places.length; i++) {
                        // the difference in latitude alone is a lower bound of the distance: no haversine for a
                        // place that cannot be nearer (the bound is shrunk a little against rounding)
                        if (best != null && Math.abs(cell.lats[i] - point.lat()) * KM_PER_DEG_LAT * (1 - 1e-9) >= bestD) {
                            continue;
                        }
                        Place p = cell.places[i];
                        if (filter.test(p)) {
                            double a = p.point().haversine(point, cosLat);
                            if (a > bestA) {
                                continue; // no nearer: the distance never decreases as the haversine grows
                            }
                            double d = GeoPoint.kmOf(a); // p.point().distanceKm(point), computed the same way
                            if (d < bestD) {
                                bestD = d;
                                bestA = a;
                                best = p;
                            }
                        }
                    }
                }
            }
        }
        if (best == null) {
            for (Place p : byId.values()) {
                if (filter.test(p) && p.point().distanceKm(point) < bestD) {
                    bestD = p.point().distanceKm(point);
                    best = p;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static final double CELL_DEG = 0.25;
    /** Kilometres per degree of latitude on the sphere of {@link GeoPoint#distanceKm}. */
    private static final double KM_PER_DEG_LAT = Math.toRadians(1) * 6371.0088;
    private static final int MAX_RING = 12;
    private final Map<Long, Cell> grid = new HashMap<>();

    /**
     * The places of a grid cell, in the order they were given, with their latitudes side by side: the search reads
     * a latitude bound for most places of a cell and the place itself for few (no pointer chase per place).
     */
    private record Cell(Place[] places, double[] lats) {
        static Cell of(List<Place> ps) {
            double[] lats = new double[ps.size()];
            for (int i = 0; i < lats.length; i++) {
                lats[i] = ps.get(i).point().lat();
            }
            return new Cell(ps.toArray(Place[]::new), lats);
        }
    }

    private static int cell(double deg) {
        return (int) Math.floor(deg / CELL_DEG);
    }

    /**
     * Cell (x, y) as one long: x in the high half, y mixed with x in the low half (still one key per cell), so that
     * {@code Long.hashCode} (high half ^ low half) differs between neighbouring cells; x ^ y alone put Syria's 600
     * cells into at most 64 hash buckets, each searched as a tree.
     */
    private static long key(int x, int y) {
        return ((long) x << 32) | ((y ^ x * 0x9E3779B9) & 0xffffffffL);
    }

    @Override
    public int size() {
        return byId.size();
    }

    public Collection<Place> places() {
        return byId.values();
    }

    private static void keep(Map<String, Candidate> best, Candidate c) {
        best.merge(c.place().id(), c, (a, b) -> a.score() >= b.score() ? a : b);
    }

    /** The string itself and every string with one character deleted. */
    private static Set<String> deletions(String s) {
        Set<String> out = new HashSet<>();
        out.add(s);
        for (int i = 0; i < s.length(); i++) {
            out.add(s.substring(0, i) + s.substring(i + 1));
        }
        return out;
    }

    /** Levenshtein distance, giving up (returning limit + 1) once it must exceed {@code limit}. */
    static int editDistance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
