package io.frontline.eval;

import io.frontline.events.Event;
import io.frontline.gazetteer.NameKey;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores extracted events against a gold file. An extracted event matches a gold event of the same report
 * when it names the same place (same phonetic key) within {@value #DATE_WINDOW_DAYS} days; each gold event
 * and each extracted event is matched at most once, pairs that agree on type and sides first, then the closest date. Precision and recall count such
 * matches (event = place and date); per-field accuracy is measured over matched pairs; "strict" also
 * requires sub-event type and both sides.
 * <p>
 * The gold files follow coding rules that leave two kinds of event out: events dated only to a month (ACLED time
 * precision 3) and captures of unnamed places ("took another 11 villages near X"). Frontline codes both, as ACLED
 * does; an extracted event of either kind that matches no gold event is set aside ({@link Score#outOfScope()}),
 * neither counted against precision nor hidden: {@link Score#precisionCountingAll()} gives the figure with them.
 */
public final class Scorer {
    static final int DATE_WINDOW_DAYS = 3;

    /** A pair of gold and extracted events, or one side alone when unmatched. */
    public record Pair(GoldEvent gold, Event extracted) {
    }

    /** The figures. */
    public record Score(int gold, int extracted, int matched, int strict, Map<String, Double> fieldAccuracy, List<Pair> missed,
                        List<Pair> extra, List<Pair> wrong, List<Pair> outOfScope) {
        /** Extracted events within the gold's coding rules: all but those set aside. */
        public int scored() {
            return extracted - outOfScope.size();
        }

        public double precision() {
            return scored() == 0 ? 0 : (double) matched / scored();
        }

        /** Precision with the events set aside counted as wrong. */
        public double precisionCountingAll() {
            return extracted == 0 ? 0 : (double) matched / extracted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) matched / gold;
        }

        public double strictPrecision() {
            return scored() == 0 ? 0 : (double) strict / scored();
        }

        public double strictRecall() {
            return gold == 0 ? 0 : (double) strict / gold;
        }
    }

    private Scorer() {
    }

    /**
     * @param gold      gold events
     * @param extracted extracted events by report file name (the gold's {@code file} column is matched against the
     *                  file name without directories)
     */
    public static Score score(List<GoldEvent> gold, Map<String, List<Event>> extracted) {
        List<Pair> pairs = new ArrayList<>();
        List<Pair> missed = new ArrayList<>();
        Set<Event> used = new HashSet<>();
        int total = 0;
        for (List<Event> es : extracted.values()) {
            total += es.size();
        }
        // every admissible pairing, then the best first: closest date, then agreement on type and sides; each
        // event is used once (a greedy assignment, so an early gold row cannot take the event a later row fits better)
        record Candidate(GoldEvent gold, Event event, long days, int agree, int order) {
        }
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            GoldEvent g = gold.get(i);
            for (Event e : extracted.getOrDefault(g.file(), List.of())) {
                if (!samePlace(g.location(), e.location()) || e.eventDate() == null) {
                    continue;
                }
                long days = Math.abs(ChronoUnit.DAYS.between(LocalDate.parse(g.eventDate()), LocalDate.parse(e.eventDate())));
                if (days <= DATE_WINDOW_DAYS) {
                    all.add(new Candidate(g, e, days, (typeOk(g, e) ? 1 : 0) + (sidesOk(g, e) ? 1 : 0), i));
                }
            }
        }
        all.sort(java.util.Comparator.comparingInt((Candidate c) -> -c.agree()).thenComparingLong(Candidate::days)
                .thenComparingInt(Candidate::order));
        Map<GoldEvent, Event> chosen = new java.util.IdentityHashMap<>();
        for (Candidate c : all) {
            if (!used.contains(c.event()) && !chosen.containsKey(c.gold())) {
                chosen.put(c.gold(), c.event());
                used.add(c.event());
            }
        }
        for (GoldEvent g : gold) {
            Event best = chosen.get(g);
            if (best == null) {
                missed.add(new Pair(g, null));
            } else {
                pairs.add(new Pair(g, best));
            }
        }
        List<Pair> extra = new ArrayList<>();
        List<Pair> outOfScope = new ArrayList<>();
        extracted.forEach((file, es) -> {
            for (Event e : es) {
                if (!used.contains(e)) {
                    (outsideGoldRules(e) ? outOfScope : extra).add(new Pair(null, e));
                }
            }
        });
        Map<String, Double> acc = new LinkedHashMap<>();
        int type = 0;
        int sides = 0;
        int date = 0;
        int fat = 0;
        int strict = 0;
        List<Pair> wrong = new ArrayList<>();
        for (Pair p : pairs) {
            boolean t = typeOk(p.gold(), p.extracted());
            boolean s = sidesOk(p.gold(), p.extracted());
            type += t ? 1 : 0;
            sides += s ? 1 : 0;
            date += p.gold().eventDate().equals(p.extracted().eventDate()) ? 1 : 0;
            fat += p.gold().fatalities() == p.extracted().fatalities() ? 1 : 0;
            if (t && s) {
                strict++;
            } else {
                wrong.add(p);
            }
        }
        int n = Math.max(1, pairs.size());
        acc.put("sub_event_type", (double) type / n);
        acc.put("sides", (double) sides / n);
        acc.put("event_date", (double) date / n);
        acc.put("fatalities", (double) fat / n);
        return new Score(gold.size(), total, pairs.size(), strict, acc, missed, extra, wrong, outOfScope);
    }

    /** An event the gold's coding rules leave out: dated only to a month, or a capture of unnamed places. */
    static boolean outsideGoldRules(Event e) {
        return e.timePrecision() >= 3 || e.provenance() != null && e.provenance().containsKey("target");
    }

    static boolean samePlace(String a, String b) {
        String x = NameKey.phonetic(strip(a));
        String y = NameKey.phonetic(strip(b));
        return !x.isEmpty() && x.equals(y);
    }

    /** Feature words written with a name ("Tal Areen hill", "Rouad mountain") do not change the place. */
    private static String strip(String s) {
        return s.replaceAll("(?i)\\s+(village|town|city|hill|hilltop|mountain|mount|neighbourhood|neighborhood|district|area|"
                + "base|air ?base|air port|airport|international airport|military airport|military air ?base|checkpoint|camp|farms?|(?:train |railway )?station|"
                + "(?:grain )?silos)$", "");
    }

    private static boolean typeOk(GoldEvent g, Event e) {
        return g.subEventType().equals(e.subEventType());
    }

    private static boolean sidesOk(GoldEvent g, Event e) {
        boolean direct = g.side1().equals(e.side1()) && g.side2().equals(e.side2());
        // a clash has no attacker to put first; for a non-violent transfer the gold's coders put the side leaving first,
        // Frontline (as for captures) the side taking over: either order is the same event
        boolean either = g.subEventType().equals("Armed clash") || g.subEventType().equals("Non-violent transfer of territory");
        boolean swapped = either && g.side1().equals(e.side2()) && g.side2().equals(e.side1());
        return direct || swapped;
    }
}
