package io.frontline.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a container says about a report it carries (a feed item's title, link and date; a JSON line's fields):
 * where given, it beats what the report's own text or page suggests. Null fields are unknown.
 */
public record Metadata(String title, String publisher, String originalSource, LocalDate published, List<String> authors, String url) {
    public static final Metadata NONE = new Metadata(null, null, null, null, List.of(), null);

    public Metadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** The report with these fields where given, its own where not. */
    public Report applyTo(Report r) {
        LinkedHashSet<String> names = new LinkedHashSet<>(authors);
        names.addAll(r.authors());
        return r.withMetadata(or(title, r.title()), or(publisher, r.publisher()), or(originalSource, r.originalSource()),
                published != null ? published : r.published(), new ArrayList<>(names)).located(or(url, r.url()), r.offsetsIn());
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b;
    }
}
