package io.frontline.stories;

import io.frontline.Extraction;
import io.frontline.HtmlPages;
import io.frontline.TestData;
import io.frontline.events.Event;
import io.frontline.ingest.HtmlReportReader;
import io.frontline.ingest.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoriesTest {
    private static Extraction seedText() {
        return TestData.extract(TestData.SEED);
    }

    private static Extraction seedPage() {
        String html = HtmlPages.articlePage(TestData.read(TestData.SEED), "https://observer.example/2017/09/homs-pocket");
        Report page = new HtmlReportReader(TestData.knowledge().furniture()).read("observer.html", html);
        return TestData.frontline().extract(page);
    }

    @Test
    void theSeedRepublishedInAnotherPageIsTheSameStoryAndDifferentArticlesAreNot() {
        Extraction text = seedText();
        Extraction page = seedPage();
        Extraction tabqa = TestData.extract(TestData.corpus("battle_of_tabqa.md"));
        Extraction manbij = TestData.extract(TestData.corpus("manbij_offensive.md"));
        Stories s = Stories.of(List.of(page, tabqa, text, manbij));

        assertThat(s.stories()).hasSize(3);
        Story seed = s.storyOf(text.report());
        assertThat(s.storyOf(page.report())).isSameAs(seed);
        assertThat(s.storyOf(tabqa.report())).isNotSameAs(s.storyOf(manbij.report())).isNotSameAs(seed);
        // the named original source; the origin is the earliest copy (the text of 14 Sep, the page is of 15 Sep)
        assertThat(seed.originSource()).isEqualTo("South Front");
        assertThat(seed.origin()).isSameAs(text.report());
        assertThat(seed.id()).isEqualTo("story-" + text.report().id());
    }

    @Test
    void theCopyPublishedByTheNamedOriginalSourceIsTheOriginEvenWhenLater() throws Exception {
        Extraction text = seedText(); // Global Research, 14 Sep, names South Front as the original source
        String line = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of(
                "publisher", "SouthFront", "published", "2017-09-15", "url", "https://southfront.example/homs",
                "text", TestData.read(TestData.SEED)));
        Report original = new io.frontline.ingest.JsonLinesReader(TestData.knowledge().furniture()).read("sf.jsonl", line).reports().get(0);
        Extraction fromSource = TestData.frontline().extract(original);
        Stories s = Stories.of(List.of(text, fromSource));
        assertThat(s.stories()).singleElement().satisfies(story -> {
            assertThat(story.origin()).isSameAs(original);
            assertThat(story.originSource()).isEqualTo("South Front");
        });
        assertThat(s.duplicateOf(text.events().get(0))).isPresent();
    }

    @Test
    void eventsOfOneStoryCountOnce() {
        Extraction text = seedText();
        Extraction page = seedPage();
        Stories s = Stories.of(List.of(page, text));
        for (Event e : page.events()) {
            assertThat(s.corroboration(e)).as(e.location()).isEqualTo(1);
            Event original = s.duplicateOf(e).orElseThrow();
            assertThat(text.events()).contains(original);
            assertThat(original.location()).isEqualTo(e.location());
        }
        for (Event e : text.events()) {
            assertThat(s.duplicateOf(e)).isEmpty();
        }
    }

    @Test
    void anIndependentReportOfTheSameFightingCorroboratesSharedEvents() {
        // composed for this test: another outlet's own words on one of the seed's events, a day earlier
        String other = """
                Army gains east of Salamiyah

                Monitor Example, September 13, 2017

                On 13 September 2017, government forces captured the village of Um Rujm from ISIS in the eastern countryside of Salamiyah.
                """;
        Extraction independent = TestData.frontline().extract("monitor.txt", other);
        Extraction text = seedText();
        Extraction page = seedPage();
        Stories s = Stories.of(List.of(text, independent, page));
        assertThat(s.stories()).hasSize(2);
        Event um = text.events().stream().filter(e -> e.location().equals("Um Rujm")).findFirst().orElseThrow();
        Event theirs = independent.events().stream().filter(e -> e.location().equals("Um Rujm")).findFirst().orElseThrow();
        assertThat(s.corroboration(um)).isEqualTo(2);
        assertThat(s.corroboration(theirs)).isEqualTo(2);
        assertThat(s.corroboratingStories(um, s.storyOf(text.report()))).containsExactly(s.storyOf(independent.report()).id());
        // a second article of the same outlet does not corroborate the first
        String again = """
                Salamiyah front update

                Monitor Example, September 14, 2017

                Government forces seized Um Rujm from ISIS on 14 September 2017, east of Salamiyah, the monitor's correspondent said.
                """;
        Extraction sameOutlet = TestData.frontline().extract("monitor-2.txt", again);
        Stories withSecond = Stories.of(List.of(text, independent, sameOutlet));
        assertThat(withSecond.stories()).hasSize(3);
        assertThat(sameOutlet.events()).anySatisfy(e -> assertThat(e.location()).isEqualTo("Um Rujm"));
        assertThat(withSecond.corroboration(um)).isEqualTo(2); // the seed's story and the monitor, once
        // the page copy repeats the seed: it adds no corroboration
        Event khan = text.events().stream().filter(e -> e.location().equals("Khan")).findFirst().orElseThrow();
        assertThat(s.corroboration(khan)).isEqualTo(1);
    }

    @Test
    void minHashEstimatesJaccardSimilarity() {
        String a = TestData.read(TestData.corpus("battle_of_tabqa.md"));
        int cut = a.length() / 2;
        long[] whole = Shingles.of(a);
        long[] half = Shingles.of(a.substring(0, cut));
        double exact = Shingles.jaccard(whole, half);
        double estimate = MinHash.similarity(MinHash.signature(whole), MinHash.signature(half));
        assertThat(estimate).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.12));
        assertThat(Shingles.containment(whole, half)).isGreaterThan(0.95);
        assertThat(Shingles.jaccard(whole, Shingles.of(TestData.read(TestData.corpus("manbij_offensive.md"))))).isLessThan(0.05);
    }
}
