package io.frontline.ingest;

import io.frontline.Extraction;
import io.frontline.HtmlPages;
import io.frontline.TestData;
import io.frontline.events.Event;
import io.frontline.events.Evidence;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportReaderTest {
    private final HtmlReportReader reader = new HtmlReportReader(TestData.knowledge().furniture());

    private static String key(Event e) {
        return e.subEventType() + " | " + e.side1() + " > " + e.side2() + " @ " + e.location();
    }

    @Test
    void theSeedInAnotherOutletsPageGivesTheSeedsEventsWithOffsetsIntoTheBody() {
        String seed = TestData.read(TestData.SEED);
        String html = HtmlPages.articlePage(seed, "https://observer.example/2017/09/homs-pocket");
        Report page = reader.read("page.html", html);
        Extraction fromPage = TestData.frontline().extract(page);
        Extraction fromText = TestData.extract(TestData.SEED);

        Set<String> expected = fromText.events().stream().map(HtmlReportReaderTest::key).collect(Collectors.toSet());
        assertThat(fromPage.events().stream().map(HtmlReportReaderTest::key).collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(fromPage.claims()).hasSize(1);

        assertThat(page.text()).isEqualTo(page.body());
        assertThat(page.offsetsIn()).isEqualTo("body");
        assertThat(page.url()).isEqualTo("https://observer.example/2017/09/homs-pocket");
        int[] cps = page.body().codePoints().toArray();
        for (Event e : fromPage.events()) {
            assertThat(e.evidence().in()).isEqualTo("body");
            assertThat(new String(cps, e.evidence().start(), e.evidence().end() - e.evidence().start())).isEqualTo(e.evidence().text());
            for (Evidence ev : e.provenance().values()) {
                assertThat(new String(cps, ev.start(), ev.end() - ev.start())).isEqualTo(ev.text());
            }
        }
        // the seed's own metadata lines and furniture still come out of the body
        assertThat(page.authors()).contains("South Front");
        assertThat(page.published()).isEqualTo(LocalDate.of(2017, 9, 15)); // the page's own date beats the copied dateline
        assertThat(page.publisher()).isEqualTo("The Test Observer");
        assertThat(page.originalSource()).isEqualTo("South Front");
        assertThat(page.title()).contains("Eastern Homs Pocket");
        assertThat(page.body()).doesNotContain("PayPal").doesNotContain("ISBN").doesNotContain("Voiceover");
        assertThat(page.removed()).extracting(Removed::kind).contains("donation", "book-advert", "header", "comments", "related", "social", "aside", "footer");
    }

    @Test
    void aBlogThemeWithoutArticleElementsGivesTheSameEvents() {
        Report page = reader.read("blog.html", HtmlPages.blogPage(TestData.read(TestData.SEED)));
        Extraction x = TestData.frontline().extract(page);
        assertThat(x.events().stream().map(HtmlReportReaderTest::key).collect(Collectors.toSet()))
                .isEqualTo(TestData.extract(TestData.SEED).events().stream().map(HtmlReportReaderTest::key).collect(Collectors.toSet()));
        assertThat(page.body()).doesNotContain("Blogville").doesNotContain("Commentville").doesNotContain("Widgetville")
                .doesNotContain("Archive").doesNotContain("Share this").doesNotContain("Posted on").doesNotContain("powered by");
        assertThat(page.title()).isEqualTo("Video: Syrian Army Clearing Eastern Homs Pocket From ISIS");
        assertThat(page.publisher()).isEqualTo("Desert Blog");
        assertThat(page.published()).isEqualTo(LocalDate.of(2017, 9, 16));
        assertThat(page.authors()).contains("Blog Admin", "South Front");
    }

    @Test
    void everyCorpusArticleAsAPageKeepsItsOffsetsInTheBodyAndNearlyAllItsEvents() throws Exception {
        TestData.requireShared();
        java.util.List<java.nio.file.Path> articles;
        try (var s = java.nio.file.Files.list(TestData.CORPUS)) {
            articles = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int fromText = 0;
        int fromPages = 0;
        for (java.nio.file.Path a : articles) {
            String text = TestData.read(a);
            // front matter is no part of a web page: the page carries the article from its first heading or paragraph
            String article = text.startsWith("---") ? text.substring(text.indexOf("\n---", 3) + 4) : text;
            Report page = reader.read(a.getFileName() + ".html", HtmlPages.articlePage("Composed headline of the page\n\n" + article,
                    "https://mirror.example/" + a.getFileName()));
            assertThat(page.text()).isEqualTo(page.body());
            int[] cps = page.body().codePoints().toArray();
            Extraction x = TestData.frontline().extract(page);
            for (Event e : x.events()) {
                assertThat(new String(cps, e.evidence().start(), e.evidence().end() - e.evidence().start())).isEqualTo(e.evidence().text());
            }
            fromPages += x.events().size();
            fromText += TestData.frontline().extract(a.toString(), text).events().size();
        }
        // measured: 1,207 from the Markdown files, 1,210 from the pages (README, Measured)
        assertThat(fromPages).isBetween((int) (fromText * 0.97), (int) (fromText * 1.03));
    }

    @Test
    void pageFurnitureAndScriptsNeverReachTheBody() {
        String seed = TestData.read(TestData.SEED);
        Report page = reader.read("page.html", HtmlPages.articlePage(seed, "https://observer.example/x"));
        assertThat(page.body())
                .doesNotContain("Scriptville").doesNotContain("dataLayer")          // <script> in head and body
                .doesNotContain("Testville").doesNotContain("fake news")           // comments
                .doesNotContain("Sidebarville").doesNotContain("Most read")        // aside
                .doesNotContain("Relatedville").doesNotContain("Listville")       // related links, boxed or listed
                .doesNotContain("Linkville").doesNotContain("Read more")
                .doesNotContain("Middle East\n").doesNotContain("Opinion")         // navigation
                .doesNotContain("Facebook").doesNotContain("All rights reserved")  // share bar, footer
                .doesNotContain("font-family");                                    // style
        assertThat(page.body()).startsWith("The Syrian Arab Army (SAA)");
    }

    @Test
    void metadataFromMetaTagsJsonLdAndCanonicalLink() {
        String html = """
                <html><head><title>Clashes reported near a river town - Example Wire</title>
                <meta property="og:site_name" content="Example Wire">
                <meta property="article:published_time" content="2017-09-16T08:30:00+03:00">
                <link rel="canonical" href="https://wire.example/news/1">
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
                 {"@type":"NewsArticle","headline":"Clashes reported near a river town","datePublished":"2017-09-16",
                  "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Reporter"}],
                  "publisher":{"@type":"Organization","name":"Example Wire Ltd"}}]}
                </script></head>
                <body><main><p>Paragraph one of a report written for this test, long enough to be the article text of the page.</p>
                <p>Paragraph two, also written for this test, with more words so that the main element is the article.</p>
                <p>Paragraph three ends the composed report without naming any real place or any real event at all.</p></main></body></html>
                """;
        Report r = reader.read("wire.html", html);
        assertThat(r.title()).isEqualTo("Clashes reported near a river town");
        assertThat(r.publisher()).isEqualTo("Example Wire");
        assertThat(r.published()).isEqualTo(LocalDate.of(2017, 9, 16));
        assertThat(r.authors()).containsExactly("A. Writer", "B. Reporter");
        assertThat(r.url()).isEqualTo("https://wire.example/news/1");
        assertThat(r.paragraphs()).hasSize(3);
        assertThat(r.body()).startsWith("Paragraph one").endsWith("at all.").doesNotContain("schema.org");
    }

    @Test
    void aPageNestedThousandsDeepIsReadWithoutOverflowAndAnUndatedEventHasNoDate() {
        String html = "<html><body><nav>Menu</nav>" + "<div>".repeat(20_000) + "<p>The army captured the town of Tadef.</p>"
                + "</div>".repeat(20_000) + "<footer>Footer text</footer></body></html>";
        Report r = reader.read("deep.html", html);
        assertThat(r.body()).isEqualTo("The army captured the town of Tadef.");
        assertThat(r.removed()).extracting(Removed::kind).containsExactly("navigation", "footer");
        Extraction x = TestData.frontline().extract(r);
        assertThat(x.events()).singleElement().satisfies(e -> {
            assertThat(e.eventDate()).isNull(); // neither the text nor the page gives a date
            assertThat(e.notes()).startsWith("On a date the report does not give");
        });
    }

    @Test
    void paragraphsWrappedOneByOneStillFindTheirContainer() {
        StringBuilder html = new StringBuilder("<html><body><div class=top><p>Site slogan of the composed page.</p></div><div class=text>");
        for (int i = 1; i <= 4; i++) {
            html.append("<div class=para><p>Composed paragraph number ").append(i).append(" of the test, with enough words to count.")
                    .append(" A second sentence makes it as long as a paragraph of a report usually is.</p></div>");
        }
        html.append("</div><div class=bottom><p>Contact the composed site.</p></div></body></html>");
        Report r = reader.read("wrapped.html", html.toString());
        assertThat(r.paragraphs()).hasSize(4);
        assertThat(r.body()).startsWith("Composed paragraph number 1").doesNotContain("slogan").doesNotContain("Contact");
    }

    @Test
    void aPageRenderedByScriptIsReadFromItsJsonLdArticleBody() throws Exception {
        String seed = TestData.read(TestData.SEED);
        java.util.List<String> ps = HtmlPages.paragraphs(seed);
        String body = String.join("\n\n", ps.subList(1, ps.size())).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        String ld = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of(
                "@type", "NewsArticle", "headline", "Syrian Army Clearing Eastern Homs Pocket From ISIS", "articleBody", body,
                "datePublished", "2017-09-14"));
        String html = "<html><head><script type=\"application/ld+json\">" + ld + "</script></head>"
                + "<body><div id=\"app\">Loading...</div><script src=\"/bundle.js\"></script></body></html>";
        Report page = reader.read("spa.html", html);
        assertThat(page.body()).doesNotContain("Loading").contains("Rouad mountain");
        assertThat(page.removed()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("html:body-replaced-by-json-ld-articleBody"));
        assertThat(TestData.frontline().extract(page).events().stream().map(HtmlReportReaderTest::key).collect(Collectors.toSet()))
                .isEqualTo(TestData.extract(TestData.SEED).events().stream().map(HtmlReportReaderTest::key).collect(Collectors.toSet()));
    }

    @Test
    void aBlockThatIsOnlyADateIsMetadata() {
        String html = "<article><header><h1>Composed headline</h1><time datetime=\"2017-09-14\">September 14, 2017</time></header>"
                + "<p>Updated: 14/09/2017 10:30</p><p>" + "A composed paragraph of the test report. ".repeat(6) + "</p></article>";
        Report r = reader.read("dated.html", html);
        assertThat(r.body()).startsWith("A composed paragraph").doesNotContain("2017");
        assertThat(r.published()).isEqualTo(LocalDate.of(2017, 9, 14));
        assertThat(r.removed()).filteredOn(x -> x.rule().equals("html:date-line")).hasSize(2);
    }

    @Test
    void sourceLineBreaksAreSpacesAndDoubleBrSeparatesParagraphs() {
        String html = "<html><body><div id=story>First composed\n   paragraph of the test,<br>its second line.<br><br>\n"
                + "Second composed paragraph.<br> <br><br>Third one.</div></body></html>";
        Report r = reader.read("br.html", html);
        assertThat(r.body()).isEqualTo("First composed paragraph of the test,\nits second line.\n\nSecond composed paragraph.\n\nThird one.");
        assertThat(r.paragraphs()).hasSize(3);
    }

    @Test
    void aPageWithoutArticleElementsTakesTheElementWithMostParagraphText() {
        String html = "<html><body><div id=menu><p>Home</p><p>About</p></div><div class=content>"
                + "<p>" + "First paragraph of composed text for the test. ".repeat(4) + "</p>"
                + "<p>" + "Second paragraph of composed text for the test. ".repeat(4) + "</p></div>"
                + "<div class=footer-links><p>Contact</p></div></body></html>";
        Report r = reader.read("plain.html", html);
        assertThat(r.paragraphs()).hasSize(2);
        assertThat(r.body()).doesNotContain("Home").doesNotContain("Contact");
    }
}
