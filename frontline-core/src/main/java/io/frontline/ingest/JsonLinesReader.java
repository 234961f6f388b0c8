package io.frontline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.text.Lexicon;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON lines: one report a line, an object such as
 * {@code {"url", "title", "published", "publisher", "author"|"authors", "original_source", "text"|"html"}}.
 * {@code text} is plain text (paragraphs between blank lines) or HTML; {@code html} is HTML. Each report is
 * named {@code FILE:LINE}. A line that is not a JSON object, or carries no text, is reported with its line
 * number and the reason; the other lines are still read. Blank lines are skipped.
 */
public final class JsonLinesReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleReader articles;

    public JsonLinesReader(Lexicon furniture) {
        this.articles = new ArticleReader(furniture);
    }

    public Reports read(String file, String text) {
        List<Report> reports = new ArrayList<>();
        List<Reports.Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String name = file + ":" + (i + 1);
            if (line.isEmpty()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                problems.add(new Reports.Problem(name, "not JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (n == null || !n.isObject()) {
                problems.add(new Reports.Problem(name, "not a JSON object (one report a line: {\"url\", \"title\", \"published\", \"text\", ...})"));
                continue;
            }
            String html = str(n, "html", "content_html");
            String body = str(n, "text", "content", "body");
            if (html == null && body == null) {
                problems.add(new Reports.Problem(name, "no \"text\" or \"html\" field"));
                continue;
            }
            Metadata given = new Metadata(str(n, "title", "headline"), str(n, "publisher", "source", "site"),
                    str(n, "original_source"), HtmlReportReader.date(str(n, "published", "date", "datePublished")),
                    authors(n), str(n, "url", "link"));
            try {
                reports.add(html != null ? articles.html(name, html, given) : articles.read(name, body, given));
            } catch (RuntimeException e) {
                problems.add(new Reports.Problem(name, "cannot read the report: " + e.getMessage()));
            }
        }
        return new Reports(reports, problems);
    }

    private static List<String> authors(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("authors", "author")) {
            JsonNode a = n.get(key);
            if (a == null) {
                continue;
            }
            for (JsonNode x : a.isArray() ? a : List.of(a)) {
                String name = x.isTextual() ? x.asText() : x.path("name").asText("");
                if (!name.isBlank()) {
                    out.add(name.strip());
                }
            }
        }
        return out;
    }

    private static String str(JsonNode n, String... keys) {
        for (String k : keys) {
            JsonNode v = n.get(k);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }
}
