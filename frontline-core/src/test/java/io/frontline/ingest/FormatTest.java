package io.frontline.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {
    @Test
    void byExtension() {
        assertThat(Format.byName("a/report.TXT")).isEqualTo(Format.TEXT);
        assertThat(Format.byName("article.md")).isEqualTo(Format.TEXT);
        assertThat(Format.byName("page.htm")).isEqualTo(Format.HTML);
        assertThat(Format.byName("feed.atom")).isEqualTo(Format.FEED);
        assertThat(Format.byName("feed.xml")).isEqualTo(Format.FEED);
        assertThat(Format.byName("archive.jsonl")).isEqualTo(Format.JSON_LINES);
        assertThat(Format.byName("notes.csv")).isNull();
        assertThat(Format.byName("README")).isNull();
    }

    @Test
    void byContent() {
        assertThat(Format.sniff("\uFEFF<?xml version=\"1.0\"?>\n<!-- feed -->\n<rss version=\"2.0\"><channel/></rss>")).isEqualTo(Format.FEED);
        assertThat(Format.sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>")).isEqualTo(Format.FEED);
        assertThat(Format.sniff("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>")).isEqualTo(Format.FEED);
        assertThat(Format.sniff("  <!DOCTYPE html><html><body><p>x</p></body></html>")).isEqualTo(Format.HTML);
        assertThat(Format.sniff("<p>A fragment of a page.</p>")).isEqualTo(Format.HTML);
        assertThat(Format.sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}\n")).isEqualTo(Format.JSON_LINES);
        assertThat(Format.sniff("---\ntitle: x\n---\n\nThe army captured a <b>town</b>.")).isEqualTo(Format.TEXT);
        assertThat(Format.sniff("Title\n\nA report that mentions <html> in passing.")).isEqualTo(Format.TEXT);
        assertThat(Format.sniff("{ a brace opens this text report\nand it goes on }")).isEqualTo(Format.TEXT);
    }
}
