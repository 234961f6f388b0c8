package io.frontline.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.control.ControlMarks;
import io.frontline.control.ControlModel;
import io.frontline.gazetteer.GazetteerIndex;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.EventFilter;
import io.frontline.store.JdbcEventStore;
import io.frontline.store.ReportDoc;
import io.frontline.store.StoredEvent;
import io.frontline.stories.SourceProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * StoreAnalysis keeps stories, corroboration and the control model incrementally (stories persisted at ingest, V6;
 * only the places a change reaches folded again). After every ingest of real reports (Wikipedia development corpus,
 * the seed, the samples, and republished copies that join, and take over, stories) and every correction, rejection and
 * confirmation, each answer equals a rebuild from scratch ({@link FromScratchAnalysis}: the former implementation,
 * every report clustered by the core's {@code Stories.of} and every event folded), and equals a StoreAnalysis that
 * reads the store afresh. A store whose story tables are empty (as one from before V6) is clustered on open to the
 * same stories.
 */
class StoreAnalysisIncrementalTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path CORPUS = Path.of("../shared/data/corpus/wikipedia-dev");
    static final Path SEED = Path.of("../shared/seed/000_0f73b6b4984142d8.txt");
    static final List<String> ARTICLES = List.of("battle_of_al-bab.md", "northern_al-bab_offensive_september_2016.md",
            "western_al-bab_offensive_october-november_2016.md", "manbij_offensive.md", "palmyra_offensive_march_2016.md",
            "palmyra_offensive_december_2016.md", "battle_of_tabqa.md", "siege_of_kobani.md", "tell_abyad_offensive.md");
    static final List<LocalDate> DATES = List.of(LocalDate.of(2014, 10, 15), LocalDate.of(2016, 3, 27), LocalDate.of(2016, 11, 30),
            LocalDate.of(2017, 3, 1), LocalDate.of(2017, 9, 25));

    @TempDir
    Path dir;
    private final KnowledgeBase kb = BundledKnowledge.load();
    private final Frontline frontline = new Frontline(kb);
    private final SourceProfiles profiles = BundledKnowledge.sources(null);

    @Test
    void incrementalAnswersEqualARebuildFromScratchAfterIngestsCorrectionsAndRejections() throws Exception {
        Path samples = Path.of("").toAbsolutePath().resolve("samples").normalize();
        List<String[]> inputs = inputs();

        try (JdbcEventStore store = JdbcEventStore.embedded(dir.resolve("data"))) {
            StoreAnalysis inc = new StoreAnalysis(store, kb.gazetteer(), profiles);
            for (String[] in : inputs) {
                store.save(ReportDoc.of(frontline.extract(in[0], in[1]), in[1]));
                inc.model(false); // brings the state up to the store: one report at a time
                inc.model(true);
            }
            same(store, inc, kb, profiles, true);
            List<List<Object>> multi = storiesWithCopies(inc);
            assertThat(multi).as("stories joined by copies").hasSizeGreaterThanOrEqualTo(2);

            // reviews: events that are corroborated, duplicated or duplicates, and plain ones
            List<StoredEvent> all = new ArrayList<>();
            store.scan(EventFilter.ALL, all::add);
            List<String> corroborated = new ArrayList<>();
            List<String> duplicated = new ArrayList<>();
            for (StoredEvent e : all) {
                Map<String, Object> st = inc.eventStory(e.id()).orElseThrow();
                if ((Integer) st.get("corroboration") > 1) {
                    corroborated.add(e.id());
                }
                if (st.get("duplicate_of") != null) {
                    duplicated.add((String) st.get("duplicate_of"));
                }
            }
            assertThat(corroborated).isNotEmpty();
            assertThat(duplicated).isNotEmpty();
            List<Object[]> reviews = new ArrayList<>();
            reviews.add(new Object[]{duplicated.get(0), "reject", Map.of()});
            reviews.add(new Object[]{corroborated.get(0), "correct", Map.of("event_date", "2016-12-20")});
            reviews.add(new Object[]{corroborated.get(corroborated.size() - 1), "reject", Map.of()});
            reviews.add(new Object[]{all.get(5).id(), "correct", Map.of("side1", "government", "location", "Palmyra")});
            reviews.add(new Object[]{all.get(40).id(), "correct", Map.of("location", "Manbij", "event_date", "2016-06-10")});
            reviews.add(new Object[]{all.get(41).id(), "confirm", Map.of()});
            reviews.add(new Object[]{duplicated.get(duplicated.size() - 1), "correct", Map.of("side2", "turkey")});
            reviews.add(new Object[]{all.get(200).id(), "reject", Map.of()});
            reviews.add(new Object[]{duplicated.get(0), "confirm", Map.of()}); // a rejected event taken back
            for (Object[] r : reviews) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) r[2];
                assertThat(store.review((String) r[0], (String) r[1], "test", fields)).isPresent();
                inc.model(true);
                same(store, inc, kb, profiles, false);
                assertThat(inc.lastRefolded()).as("places folded again after a review").isLessThan(inc.model(false).size());
            }
            // and a report ingested after the reviews
            String desert = Files.readString(samples.resolve("2017-09-20-desert-front.txt"));
            String copy = desert + "\n\nRepublished with permission.\n";
            store.save(ReportDoc.of(frontline.extract("desert-copy.txt", copy), copy));
            same(store, inc, kb, profiles, true);
        }

        // a store from before V6: the story tables emptied, clustered again on open
        String url = JdbcEventStore.h2Url(dir.resolve("data"));
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM story_bands");
            s.executeUpdate("DELETE FROM report_stories");
            s.executeUpdate("DELETE FROM stories");
        }
        try (JdbcEventStore store = JdbcEventStore.embedded(dir.resolve("data"))) {
            same(store, new StoreAnalysis(store, kb.gazetteer(), profiles), kb, profiles, false);
        }
    }

    /**
     * Real reports in ingest order (Wikipedia development corpus, the seed, the samples) with republished copies that
     * join, and take over, stories; skips the test where ../shared is absent.
     */
    private static List<String[]> inputs() throws java.io.IOException {
        Path root = Path.of("").toAbsolutePath();
        Path corpus = root.resolve(CORPUS).normalize();
        Path seed = root.resolve(SEED).normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus) && Files.exists(seed), "../shared corpus not present");
        Path samples = root.resolve("samples").normalize();

        List<String[]> inputs = new ArrayList<>();
        String alBab = Files.readString(samples.resolve("2016-11-24-al-bab-front.md"));
        // a republished copy read before its original (published later by another outlet, naming none): the story's
        // origin, and so its id, changes when the original arrives
        inputs.add(new String[]{"al-bab-copy.md", alBab.replace("publisher: Frontline Samples", "publisher: Global Research")
                .replace("pubDate: 2016-11-25", "pubDate: 2016-11-28") + "\nShare this article.\n"});
        for (String a : ARTICLES.subList(0, 4)) {
            inputs.add(new String[]{a, Files.readString(corpus.resolve(a))});
        }
        inputs.add(new String[]{"2016-11-24-al-bab-front.md", alBab});
        String seedText = Files.readString(seed);
        inputs.add(new String[]{"seed.txt", seedText});
        for (String a : ARTICLES.subList(4, ARTICLES.size())) {
            inputs.add(new String[]{a, Files.readString(corpus.resolve(a))});
        }
        inputs.add(new String[]{"seed-copy.txt", seedText + "\n\nThe original source of this article is South Front.\n"});
        for (String s : List.of("2017-09-19-river-front.html", "2017-09-20-desert-front.txt")) {
            inputs.add(new String[]{s, Files.readString(samples.resolve(s))});
        }
        return inputs;
    }

    /**
     * After a bulk ingest ({@code saveAll}, batches of five that split stories and hold copies), the incremental
     * analysis, brought up to the store once per batch, equals the rebuild from scratch and a fresh analysis.
     */
    @Test
    void incrementalAnswersEqualARebuildFromScratchAfterABulkIngest() throws Exception {
        List<ReportDoc> docs = new ArrayList<>();
        for (String[] in : inputs()) {
            docs.add(ReportDoc.of(frontline.extract(in[0], in[1]), in[1]));
        }
        try (JdbcEventStore store = JdbcEventStore.embedded(dir.resolve("bulk"))) {
            StoreAnalysis inc = new StoreAnalysis(store, kb.gazetteer(), profiles);
            for (int from = 0; from < docs.size(); from += 5) {
                assertThat(store.saveAll(docs.subList(from, Math.min(docs.size(), from + 5))))
                        .allMatch(r -> r.stored() && r.refused() == null);
                inc.model(false);
                inc.model(true);
            }
            assertThat(storiesWithCopies(inc)).as("stories joined by copies").hasSizeGreaterThanOrEqualTo(2);
            same(store, inc, kb, profiles, false);
        }
    }

    private static List<List<Object>> storiesWithCopies(StoreAnalysis a) {
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> s : a.stories()) {
            List<?> reports = (List<?>) s.get("reports");
            if (reports.size() > 1) {
                out.add(List.of(s.get("id"), reports.size()));
            }
        }
        return out;
    }

    /** Every answer of the incremental analysis equals the rebuild's and a fresh analysis's. */
    private static void same(JdbcEventStore store, StoreAnalysis inc, KnowledgeBase kb, SourceProfiles profiles, boolean areas)
            throws Exception {
        FromScratchAnalysis ref = new FromScratchAnalysis(store, kb.gazetteer(), profiles);
        StoreAnalysis fresh = new StoreAnalysis(store, kb.gazetteer(), profiles);
        assertThat(json(inc.stories())).isEqualTo(json(ref.stories()));
        assertThat(json(fresh.stories())).isEqualTo(json(ref.stories()));
        assertThat(json(inc.sources())).isEqualTo(json(ref.sources()));
        assertThat(inc.model(false).timelines()).isEqualTo(ref.snapshot().model().timelines());
        assertThat(fresh.model(false).timelines()).isEqualTo(ref.snapshot().model().timelines());
        ControlMarks.Seed seed = ControlMarks.seed(((GazetteerIndex) kb.gazetteer()).places(), ControlMarks.SNAPSHOT);
        assertThat(inc.model(true).timelines()).isEqualTo(ControlModel.build(seed, ref.snapshot().observations()).timelines());
        for (LocalDate d : areas ? DATES : DATES.subList(2, 3)) {
            // the GeoJSON answer (areas, fronts, counts); from the map snapshot only now and then (its areas take seconds)
            for (boolean seeded : areas ? new boolean[]{false, true} : new boolean[]{false}) {
                assertThat(json(inc.control(d, null, seeded))).as(d + " seed " + seeded).isEqualTo(json(ref.control(d, null, seeded)));
            }
        }
        Map<String, Object> a = new LinkedHashMap<>();
        Map<String, Object> b = new LinkedHashMap<>();
        store.scan(EventFilter.ALL, e -> {
            a.put(e.id(), inc.eventStory(e.id()).orElse(null));
            b.put(e.id(), ref.eventStory(e.id()).orElse(null));
        });
        assertThat(json(a)).isEqualTo(json(b));
    }

    private static String json(Object o) throws Exception {
        return JSON.writeValueAsString(o);
    }
}
