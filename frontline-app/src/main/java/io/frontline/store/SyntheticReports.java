package io.frontline.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic reports for the store benchmark: copies of real extracted reports with new texts and events spread over
 * 2012-2024, over Syria's extent and over the sides, so that filters select realistic fractions. Deterministic for a
 * seed. Like real ones, a report's id is its text's hash (the first 8 bytes of its SHA-256 in hex, as the readers
 * make it), so reports and events arrive in random id order, and its text is as long as its base report's, in words
 * drawn from the base texts (so the story index shingles and hashes a body of a real report's size; five-word runs of
 * random words repeat in no other report, so no two synthetic reports are copies of one story).
 */
public final class SyntheticReports {
    public static final String[] SIDES = {"government", "islamic_state", "sdf", "opposition", "hts", "turkey", "us_coalition",
            "russia", "iran", "civilians", "unknown"};
    public static final LocalDate FIRST = LocalDate.of(2012, 1, 1);
    public static final int DAYS = 13 * 365;
    public static final double MIN_LAT = 32.3;
    public static final double MAX_LAT = 37.3;
    public static final double MIN_LON = 35.7;
    public static final double MAX_LON = 42.4;

    private final List<ReportDoc> bases;
    private final int eventsPerReport;
    private final Random random;
    private final long seed;
    private final List<String> vocabulary;

    public SyntheticReports(List<ReportDoc> bases, int eventsPerReport, long seed) {
        if (bases.stream().allMatch(b -> b.events().isEmpty())) {
            throw new IllegalArgumentException("the base reports have no events");
        }
        this.bases = bases.stream().filter(b -> !b.events().isEmpty()).toList();
        this.eventsPerReport = eventsPerReport;
        this.random = new Random(seed);
        this.seed = seed;
        java.util.Set<String> words = new java.util.TreeSet<>();
        for (ReportDoc b : this.bases) {
            words.addAll(words(b.text()));
        }
        words.add("report");
        this.vocabulary = List.copyOf(words);
    }

    private static List<String> words(String text) {
        return java.util.Arrays.stream(text == null ? new String[0] : text.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** The {@code i}-th report's text: a line naming it, then as many words as its base's text, drawn from the base texts. */
    private String text(long i, ReportDoc base) {
        Random words = new Random(seed * 1_000_003L + i);
        StringBuilder text = new StringBuilder("Synthetic report ").append(i).append(" for the store benchmark.\n");
        int n = words(base.text()).size();
        for (int k = 0; k < n; k++) {
            text.append(k % 12 == 0 && k > 0 ? ".\n" : " ").append(vocabulary.get(words.nextInt(vocabulary.size())));
        }
        return text.append(".\n").toString();
    }

    /** The {@code i}-th synthetic report. */
    public ReportDoc report(long i) {
        ReportDoc b = bases.get((int) (i % bases.size()));
        String text = text(i, b);
        String hash = ReportDoc.sha256(text);
        String id = hash.substring(0, 16);
        Map<String, Object> report = new LinkedHashMap<>(b.report());
        report.put("id", id);
        report.put("file", "synthetic-" + i + ".txt");
        report.put("body", text);
        List<Map<String, Object>> events = new ArrayList<>(eventsPerReport);
        for (int k = 0; k < eventsPerReport; k++) {
            Map<String, Object> e = new LinkedHashMap<>(b.events().get(k % b.events().size()));
            e.put("event_id", id + "-" + String.format("%03d", k + 1));
            e.put("event_date", FIRST.plusDays(random.nextInt(DAYS)).toString());
            e.put("side1", SIDES[random.nextInt(SIDES.length)]);
            e.put("side2", SIDES[random.nextInt(SIDES.length)]);
            e.put("latitude", MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT));
            e.put("longitude", MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON));
            e.put("confidence", Math.round(random.nextDouble() * 100) / 100.0);
            e.put("fatalities", random.nextInt(4) == 0 ? random.nextInt(30) : 0);
            events.add(e);
        }
        List<Map<String, Object>> claims = new ArrayList<>();
        for (Map<String, Object> c : b.claims()) {
            claims.add(new HashMap<>(c));
        }
        return new ReportDoc(id, hash, "synthetic-" + i + ".txt", text, b.source(), report, events, claims);
    }
}
