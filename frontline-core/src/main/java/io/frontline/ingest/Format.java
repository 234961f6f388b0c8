package io.frontline.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

/** The formats Frontline reads reports from, known by a file's extension or by sniffing its content. */
public enum Format {
    /** Plain text or Markdown (one report; offsets count in the file). */
    TEXT,
    /** A web page (one report; offsets count in the extracted body). */
    HTML,
    /** An RSS or Atom feed (a report per item). */
    FEED,
    /** JSON lines (a report per line). */
    JSON_LINES;

    private static final Pattern FEED_ROOT = Pattern.compile("(?is)^\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*(<!DOCTYPE[^>]*>\\s*)?<(rss|feed|rdf:RDF)\\b");
    private static final Pattern XML = Pattern.compile("(?is)^\\s*<\\?xml");
    private static final Pattern HTML_START = Pattern.compile("(?is)^\\s*(<!--.*?-->\\s*)*(<!doctype\\s+html|<html|<head|<body)");

    /** The format of a file by its extension, or null where the extension says nothing. */
    public static Format byName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "txt", "text", "md", "markdown" -> TEXT;
            case "html", "htm", "xhtml" -> HTML;
            case "xml", "rss", "atom" -> FEED;
            case "jsonl", "ndjson" -> JSON_LINES;
            default -> null;
        };
    }

    /** The format of content by what it begins with (for stdin and files without a telling extension). */
    public static Format sniff(String content) {
        String head = content.length() > 4096 ? content.substring(0, 4096) : content;
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        if (FEED_ROOT.matcher(head).find()) {
            return FEED;
        }
        if (HTML_START.matcher(head).find()) {
            return HTML;
        }
        if (XML.matcher(head).find()) {
            return FEED; // an XML document that is no feed is refused as a malformed feed
        }
        String first = head.strip();
        if (first.startsWith("{") && (first.indexOf('\n') < 0 || first.substring(0, first.indexOf('\n')).strip().endsWith("}"))) {
            return JSON_LINES;
        }
        if (ArticleReader.isHtml(head) && head.strip().startsWith("<")) {
            return HTML;
        }
        return TEXT;
    }
}
