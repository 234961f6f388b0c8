package io.frontline.ingest;

import io.frontline.Extraction;
import io.frontline.TestData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportReaderTest {

    private Report seed() {
        return TestData.frontline().read("seed", TestData.read(TestData.SEED));
    }

    @Test
    void readsTheSeedsMetadata() {
        Report r = seed();
        assertThat(r.title()).isEqualTo("Syrian Army Clearing Eastern Homs Pocket From ISIS");
        assertThat(r.publisher()).isEqualTo("Global Research");
        assertThat(r.originalSource()).isEqualTo("South Front");
        assertThat(r.published()).isEqualTo(LocalDate.of(2017, 9, 14));
        assertThat(r.authors()).containsExactly("South Front");
        assertThat(r.credits()).containsExactly("voiceover: Harold Hoover");
        assertThat(r.tags()).containsEntry("region", List.of("Middle East & North Africa"))
                .containsEntry("theme", List.of("Terrorism", "US NATO War Agenda"))
                .containsEntry("in_depth_report", List.of("SYRIA"));
    }

    @Test
    void bodyHoldsTheArticleAndNoFurniture() {
        Report r = seed();
        String body = r.body();
        assertThat(body).startsWith("The Syrian Arab Army (SAA)").contains("killing some 33 ISIS members")
                .contains("oil fields on the eastern bank of the Euphrates");
        for (String furniture : List.of("PayPal", "patreon", "ISBN", "Special Price", "Disclaimer", "Facebook", "Become a Member",
                "media inquiries", "Taliano", "Featured image", "Copyright", "Voiceover", "Region:")) {
            assertThat(body).doesNotContainIgnoringCase(furniture);
        }
        assertThat(r.paragraphs()).hasSize(7);
        assertThat(r.removed()).extracting(Removed::kind)
                .contains("donation", "book-advert", "disclaimer", "social", "membership", "media-inquiry", "metadata");
    }

    @Test
    void removedSpansCoverEveryNonArticleByteOfTheSeed() {
        Report r = seed();
        String text = r.text();
        StringBuilder rest = new StringBuilder(text);
        for (Removed rm : r.removed()) {
            for (int i = rm.span().start(); i < rm.span().end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        for (var p : r.paragraphs()) {
            for (int i = p.start(); i < p.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        assertThat(rest.toString().strip()).isEmpty();
    }

    @Test
    void noEventOrClaimComesFromFurniture() {
        Extraction x = TestData.extract(TestData.SEED);
        Report r = x.report();
        int bodyStart = r.codePointOffset(r.paragraphs().get(0).start());
        int bodyEnd = r.codePointOffset(r.paragraphs().get(r.paragraphs().size() - 1).end());
        assertThat(x.events()).allSatisfy(e -> assertThat(e.evidence().start()).isBetween(bodyStart, bodyEnd));
        assertThat(x.claims()).allSatisfy(c -> assertThat(c.evidence().start()).isBetween(bodyStart, bodyEnd));
    }

    @Test
    void readsMarkdownFrontMatterOfTheCorpus() {
        Report r = TestData.frontline().read("x.md", TestData.read(TestData.corpus("palmyra_offensive_march_2016.md")));
        assertThat(r.title()).isEqualTo("Palmyra offensive (March 2016)");
        assertThat(r.publisher()).isEqualTo("Wikipedia");
        assertThat(r.tags().get("date")).containsExactly("9 – 27 March 2016");
        assertThat(r.body()).doesNotContain("shortDescription").contains("Syrian Arab Army");
        assertThat(r.headings()).isNotEmpty();
    }

    @Test
    void genericWebPageTextWithOtherFurniture() {
        String page = """
                Army retakes hilltop near Tadmur

                By Staff Reporter

                Example News, 3 March 2016

                Government forces captured the Jabal Hayyan hill from Islamic State fighters on Thursday.

                Share on Twitter

                Please support our journalism: donate via PayPal.

                Copyright 2016 Example News. All rights reserved.
                """;
        Report r = new TextReportReader(TestData.knowledge().furniture()).read("page.txt", page);
        assertThat(r.title()).isEqualTo("Army retakes hilltop near Tadmur");
        assertThat(r.publisher()).isEqualTo("Example News");
        assertThat(r.published()).isEqualTo(LocalDate.of(2016, 3, 3));
        assertThat(r.authors()).containsExactly("Staff Reporter");
        assertThat(r.body()).isEqualTo("Government forces captured the Jabal Hayyan hill from Islamic State fighters on Thursday.");
        assertThat(r.removed()).extracting(Removed::kind).contains("social", "donation", "copyright");
    }

    @Test
    void wireDatelinesGiveTheAgencyAndTheDate() {
        Report r = TestData.frontline().read("wire.txt", "Fighting flares near Hama\n\n"
                + "BEIRUT, March 23, 2017 (Reuters) - Rebels said on Thursday they had repelled an army assault.\n");
        assertThat(r.published()).isEqualTo(LocalDate.of(2017, 3, 23));
        assertThat(r.publisher()).isEqualTo("Reuters");
        assertThat(r.body()).startsWith("Rebels said"); // where the story was filed is no event place
        assertThat(r.removed()).extracting(Removed::rule).contains("dateline");
        // an agency signing without brackets, and no date in the dateline
        Report sana = TestData.frontline().read("sana.txt", "Army units advance in Deir Ezzor countryside\n\n"
                + "Deir Ezzor, SANA \u2013 Army units on Saturday advanced towards the town of al-Mayadin.\n");
        assertThat(sana.publisher()).isEqualTo("SANA");
        assertThat(sana.published()).isNull();
        // an ordinary opening clause is no dateline
        Report plain = TestData.frontline().read("plain.txt", "A report\n\n"
                + "Meanwhile, the army - backed by militias - advanced on the town.\n");
        assertThat(plain.publisher()).isNull();
    }

    @Test
    void aParagraphThatOnlyDatesTheReportIsMetadata() {
        Report r = TestData.frontline().read("footer.txt", "Army units advance\n\n"
                + "Army units on Saturday advanced towards the town of al-Mayadin.\n\nPublished on 11 November 2017\n");
        assertThat(r.published()).isEqualTo(LocalDate.of(2017, 11, 11));
        assertThat(r.body()).doesNotContain("Published on");
        assertThat(r.removed()).extracting(Removed::rule).contains("date-line");
        // a short sentence with a date is text, not a date line
        Report t = TestData.frontline().read("short.txt", "Army units advance\n\nThe army advanced.\n\nOn 5 March 2014, rebels attacked.\n");
        assertThat(t.body()).contains("On 5 March 2014, rebels attacked.");
    }
}
