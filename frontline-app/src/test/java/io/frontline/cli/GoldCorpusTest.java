package io.frontline.cli;

import io.frontline.eval.GoldEvent;
import io.frontline.eval.Scorer;
import io.frontline.events.Event;
import io.frontline.Frontline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-coded gold file of the repository (eval/wikipedia-dev-gold.csv) is well formed, every row's evidence is
 * a sentence of its article, and extraction on those articles stays at or above the figures the README reports:
 * the floors below sit a little under the measured values, so any change that makes extraction worse fails here.
 */
class GoldCorpusTest {
    private static final Path GOLD = Path.of("eval", "wikipedia-dev-gold.csv");
    private static final Path HELDOUT = Path.of("eval", "wikipedia-heldout-gold.csv");
    /** Coded after every rule of the last sessions, from four articles no rule was ever looked at for. */
    private static final Path HELDOUT2 = Path.of("eval", "wikipedia-heldout2-gold.csv");
    private static final Path CORPUS = Path.of("..", "shared", "data", "corpus", "wikipedia-dev");
    private static List<GoldEvent> gold;

    @BeforeAll
    static void read() throws Exception {
        gold = new java.util.ArrayList<>(EvalCommand.readGold(GOLD));
        heldout = EvalCommand.readGold(HELDOUT);
        heldout2 = EvalCommand.readGold(HELDOUT2);
    }

    private static List<GoldEvent> heldout;
    private static List<GoldEvent> heldout2;

    @Test
    void goldCoversAtLeastEightArticlesAndOneHundredFiftyEvents() {
        Set<String> files = gold.stream().map(GoldEvent::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> heldoutFiles = heldout.stream().map(GoldEvent::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> heldout2Files = heldout2.stream().map(GoldEvent::file).collect(Collectors.toCollection(TreeSet::new));
        assertThat(heldoutFiles).as("held-out articles are not dev articles").doesNotContainAnyElementsOf(files);
        assertThat(heldout2Files).as("second held-out articles are in neither other file")
                .doesNotContainAnyElementsOf(files).doesNotContainAnyElementsOf(heldoutFiles);
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        assertThat(gold).hasSizeGreaterThanOrEqualTo(150);
        Set<String> types = Set.of("Armed clash", "Government regains territory", "Non-state actor overtakes territory",
                "Shelling/artillery/missile attack", "Air/drone strike", "Suicide bomb", "Remote explosive/landmine/IED",
                "Grenade", "Chemical weapon", "Attack", "Abduction/forced disappearance", "Sexual violence", "Peaceful protest",
                "Protest with intervention", "Excessive force against protesters", "Violent demonstration", "Mob violence",
                "Agreement", "Arrests", "Change to group/activity", "Headquarters or base established",
                "Looting/property destruction", "Non-violent transfer of territory", "Disrupted weapons use", "Other");
        Set<String> sides = Set.of("government", "islamic_state", "sdf", "opposition", "hts", "turkey", "us_coalition",
                "russia", "iran", "israel", "civilians", "unknown");
        for (GoldEvent g : concat()) {
            assertThat(types).as(g.toString()).contains(g.subEventType());
            assertThat(sides).as(g.toString()).contains(g.side1(), g.side2());
            assertThat(g.eventDate()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    @Test
    void everyEvidenceSentenceIsInItsArticle() throws Exception {
        ExtractCommandTest.requireSeed();
        Map<String, String> texts = new LinkedHashMap<>();
        for (GoldEvent g : concat()) {
            String text = texts.computeIfAbsent(g.file(), f -> read(CORPUS.resolve(f)));
            if (!g.evidence().isBlank()) {
                assertThat(text).as("evidence of " + g).contains(g.evidence());
            }
        }
    }

    @Test
    void extractionStaysAtOrAboveTheReportedFigures() {
        ExtractCommandTest.requireSeed();
        Scorer.Score dev = score(gold);
        assertThat(dev.precision()).as("dev event precision").isGreaterThanOrEqualTo(0.82);
        assertThat(dev.recall()).as("dev event recall").isGreaterThanOrEqualTo(0.79);
        assertThat(dev.strictRecall()).as("dev strict recall").isGreaterThanOrEqualTo(0.67);
        // the counted precision, with the events set aside as outside the gold's coding rules, stays reported too
        assertThat(dev.precisionCountingAll()).as("dev precision counting all").isGreaterThanOrEqualTo(0.72);
        Scorer.Score held = score(heldout);
        assertThat(held.precision()).as("held-out event precision").isGreaterThanOrEqualTo(0.80);
        assertThat(held.recall()).as("held-out event recall").isGreaterThanOrEqualTo(0.74);
        assertThat(held.strictRecall()).as("held-out strict recall").isGreaterThanOrEqualTo(0.67);
        Scorer.Score held2 = score(heldout2);
        assertThat(held2.precision()).as("second held-out event precision").isGreaterThanOrEqualTo(0.79);
        assertThat(held2.recall()).as("second held-out event recall").isGreaterThanOrEqualTo(0.58);
        assertThat(held2.strictRecall()).as("second held-out strict recall").isGreaterThanOrEqualTo(0.45);
    }
    // the floors sit just under the figures in the README; raise them with the figures

    /** News copy: ten reports written for the project in the manner of ten outlets (eval/news/), coded by an outside coder. */
    @Test
    void newsCopyStaysAtOrAboveTheReportedFigures() throws Exception {
        Scorer.Score score = scoreNews("news-gold.csv", "news");
        assertThat(score.precision()).as("news event precision").isGreaterThanOrEqualTo(0.88);
        assertThat(score.recall()).as("news event recall").isGreaterThanOrEqualTo(0.84);
        assertThat(score.strictRecall()).as("news strict recall").isGreaterThanOrEqualTo(0.66);
    }

    /** The second news development set (eval/news2/), measured unseen at 0.506 / 0.342 before rules were written for it. */
    @Test
    void secondNewsSetStaysAtOrAboveTheReportedFigures() throws Exception {
        Scorer.Score score = scoreNews("news2-gold.csv", "news2");
        assertThat(score.precision()).as("news2 event precision").isGreaterThanOrEqualTo(0.84);
        assertThat(score.recall()).as("news2 event recall").isGreaterThanOrEqualTo(0.70);
        assertThat(score.strictRecall()).as("news2 strict recall").isGreaterThanOrEqualTo(0.50);
    }

    /** The held-out news set (eval/news-heldout/): measured, never tuned on. */
    @Test
    void heldOutNewsSetStaysAtOrAboveTheReportedFigures() throws Exception {
        Scorer.Score score = scoreNews("news-heldout-gold.csv", "news-heldout");
        assertThat(score.precision()).as("held-out news event precision").isGreaterThanOrEqualTo(0.68);
        assertThat(score.recall()).as("held-out news event recall").isGreaterThanOrEqualTo(0.53);
    }

    /** Scores a news set, after checking that every gold row's evidence is in its report. */
    private static Scorer.Score scoreNews(String goldFile, String dir) throws Exception {
        List<GoldEvent> news = EvalCommand.readGold(Path.of("eval", goldFile));
        Frontline frontline = new Frontline(io.frontline.knowledge.BundledKnowledge.load());
        Map<String, List<Event>> byFile = new LinkedHashMap<>();
        for (String f : news.stream().map(GoldEvent::file).collect(Collectors.toCollection(TreeSet::new))) {
            String text = read(Path.of("eval", dir, f));
            byFile.put(f, frontline.extract(f, text).events());
            for (GoldEvent g : news) {
                if (g.file().equals(f) && !g.evidence().isBlank()) {
                    assertThat(text).as("evidence of " + g).contains(g.evidence());
                }
            }
        }
        return Scorer.score(news, byFile);
    }

    private static Scorer.Score score(List<GoldEvent> g) {
        Frontline frontline = new Frontline(io.frontline.knowledge.BundledKnowledge.load());
        Map<String, List<Event>> byFile = new LinkedHashMap<>();
        for (String f : g.stream().map(GoldEvent::file).collect(Collectors.toCollection(TreeSet::new))) {
            byFile.put(f, frontline.extract(f, read(CORPUS.resolve(f))).events());
        }
        return Scorer.score(g, byFile);
    }

    private static List<GoldEvent> concat() {
        List<GoldEvent> all = new java.util.ArrayList<>(gold);
        all.addAll(heldout);
        all.addAll(heldout2);
        return all;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
