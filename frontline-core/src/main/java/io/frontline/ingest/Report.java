package io.frontline.ingest;

import io.frontline.text.Span;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report as read: its metadata, the original text, the article paragraphs (spans into that text)
 * and what was removed as furniture.
 *
 * @param text         the input as decoded; every span of the pipeline indexes into it
 * @param analysisText the same text, same length, with markup characters (Markdown links, emphasis,
 *                     headings) blanked out, so that analysis never sees markup yet offsets stay true
 * @param paragraphs   the article's paragraphs, in order (headings excluded)
 * @param headings     section headings, kept for structure
 * @param url          the report's address where known (a page's canonical link, a feed item's link), else null
 * @param offsetsIn    what {@link #text} is and so what evidence offsets count in: {@code file} (the input as
 *                     decoded, furniture included) or {@code body} (the extracted article text of an HTML page,
 *                     feed item or JSON line, equal to {@link #body()})
 */
public record Report(
        String id,
        String file,
        String title,
        String publisher,
        String originalSource,
        LocalDate published,
        List<String> authors,
        List<String> credits,
        Map<String, List<String>> tags,
        String text,
        String analysisText,
        List<Span> paragraphs,
        List<Span> headings,
        List<Removed> removed,
        CodePointIndex index,
        String url,
        String offsetsIn) {

    /** Evidence offsets count in the input file as decoded. */
    public static final String IN_FILE = "file";
    /** Evidence offsets count in the extracted article body. */
    public static final String IN_BODY = "body";

    /** A report; the code point index is derived from the text. */
    public Report(String id, String file, String title, String publisher, String originalSource, LocalDate published,
                  List<String> authors, List<String> credits, Map<String, List<String>> tags, String text, String analysisText,
                  List<Span> paragraphs, List<Span> headings, List<Removed> removed) {
        this(id, file, title, publisher, originalSource, published, authors, credits, tags, text, analysisText, paragraphs,
                headings, removed, CodePointIndex.of(text), null, IN_FILE);
    }

    /** The same report with its address and the meaning of its offsets set (readers of pages, feeds and JSON lines). */
    public Report located(String newUrl, String newOffsetsIn) {
        return new Report(id, file, title, publisher, originalSource, published, authors, credits, tags, text, analysisText,
                paragraphs, headings, removed, index, newUrl, newOffsetsIn);
    }

    /** The same report with other metadata (what a page's meta tags say beats what its text suggests). */
    public Report withMetadata(String newTitle, String newPublisher, String newOriginalSource, LocalDate newPublished,
                               List<String> newAuthors) {
        return new Report(id, file, newTitle, newPublisher, newOriginalSource, newPublished, newAuthors, credits, tags, text,
                analysisText, paragraphs, headings, removed, index, url, offsetsIn);
    }

    public Report {
        if (text.length() != analysisText.length()) {
            throw new IllegalArgumentException("analysis text must align with the original text");
        }
        authors = List.copyOf(authors);
        credits = List.copyOf(credits);
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags)); // keeps the order tags were read in
        paragraphs = List.copyOf(paragraphs);
        headings = List.copyOf(headings);
        removed = List.copyOf(removed);
        if (offsetsIn == null) {
            offsetsIn = IN_FILE;
        }
    }

    /** The article text without furniture: its paragraphs and headings in order, separated by blank lines. */
    public String body() {
        StringBuilder sb = new StringBuilder();
        java.util.List<Span> all = new java.util.ArrayList<>(paragraphs);
        all.addAll(headings);
        all.sort(null);
        for (Span p : all) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(p.of(text).strip());
        }
        return sb.toString();
    }

    /** Converts a UTF-16 index into {@link #text} into a Unicode code point offset (the public contract). */
    public int codePointOffset(int utf16Index) {
        return index.codePointOffset(utf16Index);
    }
}
