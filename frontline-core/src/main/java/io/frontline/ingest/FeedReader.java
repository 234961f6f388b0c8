package io.frontline.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import io.frontline.text.Lexicon;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom feed with ROME: each item is a report named {@code FILE#N}, with the
 * item's link as its url, its publication (else update) date, title, authors and content; HTML content goes
 * through {@link HtmlReportReader}. The feed's title is the publisher where an item names none. A malformed
 * feed is one problem naming the file; an item without content is a problem naming the item.
 */
public final class FeedReader {
    private final ArticleReader articles;

    public FeedReader(Lexicon furniture) {
        this.articles = new ArticleReader(furniture);
    }

    public Reports read(String file, String xml) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new StringReader(stripProlog(xml)));
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
            return new Reports(List.of(), List.of(new Reports.Problem(file, "malformed feed: " + why)));
        }
        List<Report> reports = new ArrayList<>();
        List<Reports.Problem> problems = new ArrayList<>();
        int n = 0;
        for (SyndEntry item : feed.getEntries()) {
            String name = file + "#" + (++n);
            String content = content(item);
            if (content == null || content.isBlank()) {
                problems.add(new Reports.Problem(name, "feed item has no content or description"));
                continue;
            }
            List<String> authors = new ArrayList<>();
            for (SyndPerson p : item.getAuthors()) {
                if (p.getName() != null && !p.getName().isBlank()) {
                    authors.add(p.getName().strip());
                }
            }
            if (authors.isEmpty() && item.getAuthor() != null && !item.getAuthor().isBlank()) {
                authors.add(item.getAuthor().strip());
            }
            String link = item.getLink() != null ? item.getLink() : item.getUri();
            Metadata given = new Metadata(text(item.getTitle()), null, null,
                    date(item.getPublishedDate() != null ? item.getPublishedDate() : item.getUpdatedDate()), authors, link);
            try {
                Report r = articles.read(name, content, given);
                if (r.publisher() == null && feed.getTitle() != null) {
                    r = r.withMetadata(r.title(), feed.getTitle().strip(), r.originalSource(), r.published(), r.authors());
                }
                reports.add(r);
            } catch (RuntimeException e) {
                problems.add(new Reports.Problem(name, "cannot read the item: " + e.getMessage()));
            }
        }
        if (reports.isEmpty() && problems.isEmpty()) {
            problems.add(new Reports.Problem(file, "feed holds no items"));
        }
        return new Reports(reports, problems);
    }

    /** The item's full content where the feed carries it (content:encoded, Atom content), else its description. */
    private static String content(SyndEntry item) {
        StringBuilder sb = new StringBuilder();
        for (SyndContent c : item.getContents()) {
            if (c.getValue() != null) {
                sb.append(c.getValue()).append('\n');
            }
        }
        if (sb.toString().isBlank() && item.getDescription() != null && item.getDescription().getValue() != null) {
            sb.append(item.getDescription().getValue());
        }
        return sb.toString();
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * A BOM or blank lines before the XML declaration make XML parsers refuse a feed that is otherwise fine, and so
     * does an external DOCTYPE (RSS 0.91's) once doctypes are disallowed; it declares nothing a reader needs and is
     * dropped. A DOCTYPE with an internal subset (entity declarations) stays, and the feed is refused.
     */
    private static String stripProlog(String xml) {
        int i = 0;
        while (i < xml.length() && (xml.charAt(i) == '\uFEFF' || Character.isWhitespace(xml.charAt(i)))) {
            i++;
        }
        return EXTERNAL_DOCTYPE.matcher(xml.substring(i)).replaceFirst("");
    }

    private static final java.util.regex.Pattern EXTERNAL_DOCTYPE = java.util.regex.Pattern.compile("(?i)<!DOCTYPE\\s[^\\[>]*>");
}
