package io.frontline.store;

import io.frontline.Frontline;
import io.frontline.knowledge.BundledKnowledge;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data for the store: the seed (from ../shared, skipped where absent), small hand-made reports, PostgreSQL access. */
public final class StoreFixtures {
    public static final Path SEED = Path.of("..", "shared", "seed", "000_0f73b6b4984142d8.txt");
    private static Frontline frontline;

    private StoreFixtures() {
    }

    static boolean ciRequires() {
        return "1".equals(System.getenv("FRONTLINE_REQUIRE_SHARED"));
    }

    /** The seed's text; skips the test where ../shared is absent, fails in CI. */
    public static String seedText() {
        boolean present = Files.exists(SEED);
        if (!present && ciRequires()) {
            throw new AssertionError("../shared is required (FRONTLINE_REQUIRE_SHARED=1) but missing at " + SEED.toAbsolutePath());
        }
        Assumptions.assumeTrue(present, "skipped: ../shared (seed and reference data) is not beside this checkout");
        try {
            return Files.readString(SEED, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static synchronized Frontline frontline() {
        if (frontline == null) {
            frontline = new Frontline(BundledKnowledge.load());
        }
        return frontline;
    }

    private static List<ReportDoc> storyDocs;

    /**
     * Real reports whose stories join: a republished copy of a sample read before its original (the story's origin
     * changes when the original arrives), the seed, another sample, the seed republished naming its original source, and
     * the seed's exact text again (the same content hash: stored once). In this input order.
     */
    public static synchronized List<ReportDoc> storyDocs() {
        if (storyDocs == null) {
            String seed = seedText();
            try {
                String alBab = Files.readString(Path.of("samples", "2016-11-24-al-bab-front.md"), StandardCharsets.UTF_8);
                String desert = Files.readString(Path.of("samples", "2017-09-20-desert-front.txt"), StandardCharsets.UTF_8);
                String[][] inputs = {
                        {"al-bab-copy.md", alBab.replace("publisher: Frontline Samples", "publisher: Global Research")
                                .replace("pubDate: 2016-11-25", "pubDate: 2016-11-28") + "\nShare this article.\n"},
                        {"seed.txt", seed},
                        {"2016-11-24-al-bab-front.md", alBab},
                        {"2017-09-20-desert-front.txt", desert},
                        {"seed-copy.txt", seed + "\n\nThe original source of this article is South Front.\n"},
                        {"seed-again.txt", seed}};
                List<ReportDoc> docs = new ArrayList<>();
                for (String[] in : inputs) {
                    docs.add(ReportDoc.of(frontline().extract(in[0], in[1]), in[1]));
                }
                storyDocs = List.copyOf(docs);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return storyDocs;
    }

    public static ReportDoc seedDoc() {
        String text = seedText();
        return ReportDoc.of(frontline().extract(SEED.toString(), text), text);
    }

    /**
     * PostgreSQL from FRONTLINE_TEST_PG_URL (+ FRONTLINE_TEST_PG_USER / FRONTLINE_TEST_PG_PASSWORD), emptied;
     * skips where the variable is absent, fails in CI (FRONTLINE_REQUIRE_SHARED=1).
     */
    public static String[] postgres() {
        String url = System.getenv("FRONTLINE_TEST_PG_URL");
        if ((url == null || url.isBlank()) && ciRequires()) {
            throw new AssertionError("FRONTLINE_TEST_PG_URL is required in CI (FRONTLINE_REQUIRE_SHARED=1); .ci/run starts PostgreSQL and sets it");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), "skipped: FRONTLINE_TEST_PG_URL is not set (no PostgreSQL to test against)");
        String user = System.getenv().getOrDefault("FRONTLINE_TEST_PG_USER", "frontline");
        String password = System.getenv().getOrDefault("FRONTLINE_TEST_PG_PASSWORD", "");
        Flyway.configure().dataSource(url, user, password).cleanDisabled(false).load().clean();
        return new String[]{url, user, password};
    }

    /** A report with hand-made events: each {date, side1, side2, lat, lon} (lat/lon may be null). */
    public static ReportDoc doc(String id, Object[]... events) {
        String text = "Report " + id;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", id);
        report.put("file", id + ".txt");
        report.put("title", "Report " + id);
        report.put("publisher", "Test Wire");
        report.put("original_source", null);
        report.put("published", "2017-09-14");
        List<Map<String, Object>> evs = new ArrayList<>();
        int n = 0;
        for (Object[] e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event_id", id + "-" + String.format("%03d", ++n));
            m.put("event_date", e[0]);
            m.put("time_precision", 1);
            boolean battle = e[2] != null && !"civilians".equals(e[2]);
            m.put("event_type", battle ? "Battles" : "Violence against civilians");
            m.put("sub_event_type", battle ? "Armed clash" : "Attack");
            m.put("actor1", "Actor of " + e[1]);
            m.put("assoc_actor_1", null);
            m.put("actor2", e[2] == null ? null : "Actor of " + e[2]);
            m.put("assoc_actor_2", null);
            m.put("side1", e[1]);
            m.put("side2", e[2]);
            m.put("inter1", 1);
            m.put("inter2", battle ? 2 : 7);
            m.put("location", "Place " + n);
            m.put("admin1", "Deir ez-Zor");
            m.put("admin2", null);
            m.put("latitude", e[3]);
            m.put("longitude", e[4]);
            m.put("geo_precision", 1);
            m.put("fatalities", n);
            m.put("status", "reported");
            m.put("attribution", null);
            m.put("notes", "On " + e[0] + ", a clash, \"quoted\".");
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("start", 0);
            ev.put("end", 6);
            ev.put("text", "Report");
            ev.put("rule", "test");
            ev.put("in", "file");
            ev.put("confidence", 0.5 + n / 100.0);
            m.put("evidence", ev);
            m.put("confidence", 0.5 + n / 10.0);
            m.put("location_status", "resolved");
            m.put("place_id", null);
            m.put("place_name", "Place " + n);
            m.put("modality", "fact");
            m.put("rejected_places", List.of());
            m.put("loaded_terms", List.of());
            m.put("provenance", Map.of("event_date", ev));
            evs.add(m);
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("status", "claimed");
        claim.put("attribution", "someone");
        claim.put("text", "a claim");
        claim.put("subject", null);
        claim.put("evidence", Map.of("start", 0, "end", 6, "text", "Report", "rule", "claim", "in", "file"));
        return new ReportDoc(id, ReportDoc.sha256(text), id + ".txt", text, "Test Wire", report, evs, List.of(claim));
    }
}
