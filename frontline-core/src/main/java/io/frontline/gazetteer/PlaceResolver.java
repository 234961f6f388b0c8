package io.frontline.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the gazetteer entry a place name means, given the reference points of its context.
 *
 * <p>Anchors come from the words around the name ("the eastern countryside of Salamiyah", "3km from
 * Deir Ezzor city"), from the paragraph and from the report. A candidate must lie within an anchor's
 * radius; candidates far from every anchor are rejected (the Homs-desert Baghiliyah for a report about
 * Deir Ezzor). A name with no acceptable candidate is a gazetteer gap: it is placed at its anchor (moved
 * along the stated bearing) with ACLED geo-precision 2 and flagged for review. A name with neither a
 * candidate nor an anchor stays unresolved, never guessed.
 */
public final class PlaceResolver {

    /** A reference point: where it is, how far an event place may lie from it, and why it counts. */
    public record Anchor(String name, GeoPoint point, double radiusKm, double bearing, double offsetKm, String why) {
    }

    /**
     * The outcome for one name.
     *
     * @param point        coordinates, null when unresolved
     * @param geoPrecision ACLED geo-precision: 1 the named place, 2 near/part of a place, 3 a region
     * @param status       {@code resolved}, {@code gazetteer-gap} (placed at its anchor) or {@code unresolved}
     * @param method       how it was chosen, for provenance
     * @param rejected     candidates that matched the name but were rejected, with why
     */
    public record Resolution(String name, Place place, GeoPoint point, int geoPrecision, String admin1, String status,
                             String method, double confidence, List<String> rejected) {
        public boolean located() {
            return point != null;
        }
    }

    private static final double MIN_SCORE = 0.8;

    private final Gazetteer gazetteer;
    private final java.util.Map<String, List<Candidate>> seen;

    /** A resolver remembers the candidates of names it has looked up: make one per report or batch. */
    public PlaceResolver(Gazetteer gazetteer) {
        this(gazetteer, new java.util.HashMap<>());
    }

    /**
     * A resolver that remembers candidates in the given map, which may outlive it (one map across the reports of an
     * extractor: a name's candidates depend only on the name, the feature word and the gazetteer, which never
     * changes). The map is emptied when it holds {@link #REMEMBERED} names; it must be thread-safe if shared.
     */
    public PlaceResolver(Gazetteer gazetteer, java.util.Map<String, List<Candidate>> remembered) {
        this.gazetteer = gazetteer;
        this.seen = remembered;
    }

    private static final int REMEMBERED = 20_000;

    /**
     * A city (or a place of 100,000 people) whose name is exactly the one written, when the anchors that kept it out are
     * only places named around it (the paragraph's, the report's) and no exact match lies within them; else null.
     */
    private static Candidate exactCityBeyond(List<Candidate> cands, Candidate inside, List<Anchor> anchors) {
        if (inside != null && inside.score() >= 1.0 - 1e-9) {
            return null;
        }
        for (Anchor a : anchors) {
            if (!(a.why().contains("paragraph") || a.why().contains("named in the report") || a.why().contains("median of the report"))) {
                return null; // "3km from X", "the countryside of Y": the words themselves place it
            }
        }
        for (Candidate c : cands) {
            if (c.score() >= 1.0 - 1e-9 && ("city".equals(c.place().feature()) || c.place().population() >= 100_000)) {
                return c;
            }
        }
        return null;
    }

    public Resolution resolve(String name, String feature, List<Anchor> anchors) {
        List<Candidate> cands = candidates(name, feature);
        List<String> rejected = new ArrayList<>();
        if (!anchors.isEmpty() && !cands.isEmpty()) {
            Candidate best = null;
            double bestScore = -1;
            Anchor bestAnchor = null;
            for (Candidate c : cands) {
                Anchor near = null;
                double ratio = Double.MAX_VALUE;
                for (Anchor a : anchors) {
                    double r = c.place().point().distanceKm(a.point()) / a.radiusKm();
                    if (r < ratio) {
                        ratio = r;
                        near = a;
                    }
                }
                if (ratio <= 1.0) {
                    // closer to the anchor is likelier, and so is a larger place of the same name
                    double s = c.score() - 0.12 * ratio + 0.05 * prominence(c.place());
                    if (s > bestScore) {
                        bestScore = s;
                        best = c;
                        bestAnchor = near;
                    }
                } else {
                    rejected.add(c.place().id() + " " + c.place().name() + ": "
                            + Math.round(c.place().point().distanceKm(near.point())) + " km from " + near.name());
                }
            }
            Candidate city = exactCityBeyond(cands, best, anchors);
            if (city != null) {
                // "took to the streets of Suwayda" in a paragraph about Idlib: a city of exactly that name is meant,
                // not a village spelled like it near the paragraph's other places
                return located(name, city, 0.9 * city.score(), "gazetteer-exact city beyond the places named around it", rejected);
            }
            if (best != null) {
                return located(name, best, 0.95 * best.score(), "gazetteer-" + best.match() + " within "
                        + Math.round(bestAnchor.radiusKm()) + " km of " + bestAnchor.name(), rejected);
            }
            return gap(name, anchors.get(0), rejected);
        }
        if (!cands.isEmpty()) {
            Candidate best = cands.get(0);
            long rivals = cands.stream().filter(c -> c.score() >= best.score() - 1e-9
                    && c.place().point().distanceKm(best.place().point()) > 20).count();
            double conf = best.score() * (rivals > 0 ? 0.6 : 0.95);
            return located(name, best, conf, "gazetteer-" + best.match() + (rivals > 0 ? " (ambiguous: " + (rivals + 1) + " places)" : ""), rejected);
        }
        if (!anchors.isEmpty()) {
            return gap(name, anchors.get(0), rejected);
        }
        return new Resolution(name, null, null, 3, null, "unresolved", "no gazetteer entry and no anchor", 0.0, rejected);
    }

    /** Candidates for the name; with a feature word ("Rouad mountain") also its Arabic generic forms. */
    private List<Candidate> candidates(String name, String feature) {
        String key = name + "\u0000" + feature;
        List<Candidate> known = seen.get(key);
        if (known == null) {
            known = List.copyOf(lookup(name, feature));
            if (seen.size() >= REMEMBERED) {
                seen.clear();
            }
            seen.put(key, known);
        }
        return known;
    }

    private List<Candidate> lookup(String name, String feature) {
        List<Candidate> out = new ArrayList<>(gazetteer.candidates(name));
        if (feature != null) {
            String f = feature.toLowerCase(Locale.ROOT);
            List<String> forms = switch (f) {
                case "mountain", "mount" -> List.of("Jabal " + name, name + " mountain");
                case "hill", "hills" -> List.of("Tal " + name, name + " hill");
                case "base", "airbase" -> List.of(name + " " + f, name + " airbase", name + " military airport");
                default -> List.of(name + " " + f);
            };
            for (String form : forms) {
                for (Candidate c : gazetteer.candidates(form)) {
                    if (out.stream().noneMatch(o -> o.place().id().equals(c.place().id()))) {
                        out.add(c);
                    }
                }
            }
        }
        out.removeIf(c -> c.score() < MIN_SCORE);
        if (out.size() < 2) {
            return out;
        }
        // best score first, then settlements, then the more prominent (computed once per candidate, not per comparison)
        List<Ranked> ranked = new ArrayList<>(out.size());
        for (Candidate c : out) {
            ranked.add(new Ranked(c, c.place().isSettlement() ? 0 : 1, -prominence(c.place())));
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> r.candidate().score()).reversed()
                .thenComparingInt(Ranked::settlement)
                .thenComparingDouble(Ranked::negProminence));
        out.clear();
        for (Ranked r : ranked) {
            out.add(r.candidate());
        }
        return out;
    }

    private record Ranked(Candidate candidate, int settlement, double negProminence) {
    }

    /**
     * 0 for a hamlet of unknown size, 1 for a city of a million; a place GeoNames calls a city, or lists at all
     * (its populated places start at 500 people), counts as larger than a map mark alone.
     */
    private static double prominence(Place p) {
        double byPopulation = Math.min(1.0, Math.log10(1 + Math.max(0, p.population())) / 6);
        double byFeature = p.feature().equals("city") ? 0.8 : p.sources().stream().anyMatch(x -> x.startsWith("geonames")) ? 0.3 : 0;
        return Math.max(byPopulation, byFeature);
    }

    private Resolution located(String name, Candidate c, double conf, String method, List<String> rejected) {
        Place p = c.place();
        return new Resolution(p.name(), p, p.point(), 1, admin1(p), "resolved", method, round(conf), rejected);
    }

    private Resolution gap(String name, Anchor a, List<String> rejected) {
        GeoPoint pt = Double.isNaN(a.bearing()) || a.offsetKm() <= 0 ? a.point() : a.point().offset(a.offsetKm(), a.bearing());
        String admin1 = gazetteer.admin1Near(pt);
        return new Resolution(name, null, pt, 2, admin1, "gazetteer-gap",
                "not in gazetteer near its context; placed " + (pt.equals(a.point()) ? "at " : "by bearing from ") + a.name()
                        + " (" + a.why() + ")", 0.6, rejected);
    }

    private String admin1(Place p) {
        if (p.admin1() != null) {
            return p.admin1();
        }
        return gazetteer.admin1Near(p.point());
    }


    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
