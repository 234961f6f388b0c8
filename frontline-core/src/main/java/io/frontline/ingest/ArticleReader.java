package io.frontline.ingest;

import io.frontline.text.Lexicon;

import java.util.regex.Pattern;

/**
 * Reads the article a container carries (a feed item's content, a JSON line's text or HTML) into a body report:
 * HTML goes through {@link HtmlReportReader}, text through the paragraph rules of {@link TextReportReader};
 * either way the report's text is the body and the container's {@link Metadata} beats the article's own.
 */
public final class ArticleReader {
    private static final Pattern HTML = Pattern.compile("(?is)^\\s*(<!doctype html|<html|<body|<head)|<(p|div|article|br|h[1-6]|ul|li|a\\s[^>]*href|img|span|em|strong|b|i|figure|blockquote)\\b[^>]*>");

    private final HtmlReportReader html;
    private final TextReportReader text;

    public ArticleReader(Lexicon furniture) {
        this.html = new HtmlReportReader(furniture);
        this.text = new TextReportReader(furniture);
    }

    /** True when the content holds HTML markup rather than plain text. */
    public static boolean isHtml(String content) {
        return HTML.matcher(content.length() > 4096 ? content.substring(0, 4096) : content).find();
    }

    /** Reads HTML or plain-text content, by what it holds. */
    public Report read(String file, String content, Metadata given) {
        return isHtml(content) ? html(file, content, given) : text(file, content, given);
    }

    public Report html(String file, String content, Metadata given) {
        return given.applyTo(html.read(file, content, given.title()));
    }

    public Report text(String file, String content, Metadata given) {
        return given.applyTo(BodyDraft.read(text, file, given.title(), BodyDraft.paragraphs(content)));
    }
}
