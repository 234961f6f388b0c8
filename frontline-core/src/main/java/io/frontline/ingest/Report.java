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
        CodePointIndex index) {

    /** A report; the code point index is derived from the text. */
    public Report(String id, String file, String title, String publisher, String originalSource, LocalDate published,
                  List<String> authors, List<String> credits, Map<String, List<String>> tags, String text, String analysisText,
                  List<Span> paragraphs, List<Span> headings, List<Removed> removed) {
        this(id, file, title, publisher, originalSource, published, authors, credits, tags, text, analysisText, paragraphs,
                headings, removed, CodePointIndex.of(text));
    }

    public Report {
        if (text.length() != analysisText.length()) {
            throw new IllegalArgumentException("analysis text must align with the original text");
        }
        authors = List.copyOf(authors);
        credits = List.copyOf(credits);
        tags = Map.copyOf(tags);
        paragraphs = List.copyOf(paragraphs);
        headings = List.copyOf(headings);
        removed = List.copyOf(removed);
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
