package io.frontline.ingest;

import io.frontline.Extraction;
import io.frontline.HtmlPages;
import io.frontline.TestData;
import io.frontline.events.Event;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FeedReaderTest {
    private final FeedReader reader = new FeedReader(TestData.knowledge().furniture());

    /** The seed's paragraphs after its title line, as an HTML fragment. */
    private static String seedFragment() {
        List<String> ps = HtmlPages.paragraphs(TestData.read(TestData.SEED));
        StringBuilder sb = new StringBuilder();
        for (String p : ps.subList(1, ps.size())) {
            sb.append("<p>").append(HtmlPages.inline(p).replace("\n", "<br>")).append("</p>\n");
        }
        return sb.toString();
    }

    private static String cdata(String s) {
        return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    @Test
    void rssItemsAreReportsWithLinkDateTitleAndHtmlContent() {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Observer Feed</title><link>https://observer.example/</link><description>test</description>
                <item><title>Syrian Army Clearing Eastern Homs Pocket From ISIS</title>
                  <link>https://observer.example/2017/09/homs</link>
                  <pubDate>Thu, 14 Sep 2017 10:00:00 GMT</pubDate>
                  <description>Short summary.</description>
                  <content:encoded>%s</content:encoded></item>
                <item><title>An item with nothing in it</title><link>https://observer.example/empty</link></item>
                <item><title>Plain description</title><link>https://observer.example/plain</link>
                  <pubDate>Fri, 15 Sep 2017 10:00:00 GMT</pubDate>
                  <description>A composed paragraph written for this test, and nothing else.</description></item>
                </channel></rss>
                """.formatted(cdata(seedFragment()));
        Reports r = reader.read("observer.rss", rss);
        assertThat(r.reports()).extracting(Report::file).containsExactly("observer.rss#1", "observer.rss#3");
        assertThat(r.problems()).extracting(Reports.Problem::name).containsExactly("observer.rss#2");

        Report seed = r.reports().get(0);
        assertThat(seed.url()).isEqualTo("https://observer.example/2017/09/homs");
        assertThat(seed.title()).isEqualTo("Syrian Army Clearing Eastern Homs Pocket From ISIS");
        assertThat(seed.publisher()).isEqualTo("Global Research"); // the item's own dateline; the feed's title is the fallback
        assertThat(seed.offsetsIn()).isEqualTo("body");
        assertThat(seed.published()).isEqualTo(LocalDate.of(2017, 9, 14));
        Extraction fromItem = TestData.frontline().extract(seed);
        Extraction fromFile = TestData.extract(TestData.SEED);
        assertThat(fromItem.events().stream().map(FeedReaderTest::key).collect(Collectors.toSet()))
                .isEqualTo(fromFile.events().stream().map(FeedReaderTest::key).collect(Collectors.toSet()));
        assertThat(r.reports().get(1).publisher()).isEqualTo("Observer Feed");
        assertThat(r.reports().get(1).body()).isEqualTo("A composed paragraph written for this test, and nothing else.");
    }

    @Test
    void atomEntriesAreReportsToo() {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:x</id><updated>2017-09-16T00:00:00Z</updated>
                <entry><title>Composed entry</title><id>urn:x:1</id><link href="https://wire.example/1"/>
                  <published>2017-09-16T08:00:00Z</published><updated>2017-09-16T09:00:00Z</updated>
                  <author><name>A. Writer</name></author>
                  <content type="html">&lt;p&gt;A composed paragraph of the entry.&lt;/p&gt;&lt;script&gt;never()&lt;/script&gt;</content></entry>
                </feed>
                """;
        Reports r = reader.read("wire.atom", atom);
        assertThat(r.problems()).isEmpty();
        Report e = r.reports().get(0);
        assertThat(e.url()).isEqualTo("https://wire.example/1");
        assertThat(e.published()).isEqualTo(LocalDate.of(2017, 9, 16));
        assertThat(e.authors()).containsExactly("A. Writer");
        assertThat(e.body()).isEqualTo("A composed paragraph of the entry.");
    }

    @Test
    void anRss091DoctypeIsReadButEntityDeclarationsAreRefused() {
        String rss091 = """
                <?xml version="1.0"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Old</title><link>https://old.example/</link><description>d</description><language>en</language>
                <item><title>Composed</title><link>https://old.example/1</link><description>A composed item of the test.</description></item>
                </channel></rss>
                """;
        assertThat(reader.read("old.rss", rss091).reports()).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("A composed item of the test."));
        String entities = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <rss version="2.0"><channel><title>x</title><item><title>t</title><description>&b;</description></item></channel></rss>
                """;
        Reports refused = reader.read("bomb.rss", entities);
        assertThat(refused.reports()).isEmpty();
        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.reason()).startsWith("malformed feed"));
    }

    @Test
    void aMalformedFeedIsOneProblemNamingTheFile() {
        Reports r = reader.read("broken.xml", "<rss version=\"2.0\"><channel><title>x</title><item><title>unclosed</item></rss>");
        assertThat(r.reports()).isEmpty();
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).name()).isEqualTo("broken.xml");
        assertThat(r.problems().get(0).reason()).startsWith("malformed feed");
        Reports notAFeed = reader.read("page.xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>");
        assertThat(notAFeed.problems()).singleElement().satisfies(p -> assertThat(p.reason()).startsWith("malformed feed"));
    }

    private static String key(Event e) {
        return e.subEventType() + " | " + e.side1() + " > " + e.side2() + " @ " + e.location() + " | " + e.eventDate();
    }
}
