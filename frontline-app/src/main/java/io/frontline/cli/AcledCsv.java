package io.frontline.cli;

import io.frontline.Extraction;
import io.frontline.stories.SourceProfiles;
import io.frontline.stories.Stories;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Events as CSV with ACLED's column names in ACLED's order, followed by Frontline's own columns (sides,
 * confidence, review status, evidence, then story, corroboration and source assessment). RFC 4180 quoting. Rows are written from the JSON contract's event
 * objects ({@link JsonContract#event}), so {@code extract} and the store's exports share one writer.
 */
public final class AcledCsv {
    /** ACLED's columns, in ACLED's order. */
    public static final List<String> ACLED_COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision",
            "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
            "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
            "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp");
    /** Frontline's own columns, after ACLED's. */
    public static final List<String> FRONTLINE_COLUMNS = List.of("side1", "side2", "confidence", "location_status",
            "attribution", "modality", "review_status", "report_id", "file", "evidence_start", "evidence_end", "evidence_text",
            "rule", "evidence_in", "url", "story", "corroboration", "duplicate_of", "source_reliability", "assessed_confidence");
    public static final List<String> COLUMNS = concat(ACLED_COLUMNS, FRONTLINE_COLUMNS);

    private AcledCsv() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return List.copyOf(l);
    }

    static void write(List<Extraction> xs, PrintWriter out) {
        write(xs, Stories.of(xs), SourceProfiles.NONE, out);
    }

    @SuppressWarnings("unchecked")
    static void write(List<Extraction> xs, Stories stories, SourceProfiles sources, PrintWriter out) {
        header(out);
        for (Extraction x : xs) {
            var r = x.report();
            Map<String, Object> report = JsonContract.report(x, stories, sources);
            for (Object o : (List<Object>) report.get("events")) {
                Map<String, Object> e = new java.util.LinkedHashMap<>((Map<String, Object>) o);
                e.put("url", r.url());
                row(out, e, source(r.originalSource(), r.publisher()), r.id(), r.file(), null, null);
            }
        }
    }

    /** The source column: the original source and the publisher where they differ. */
    public static String source(String originalSource, String publisher) {
        return originalSource != null && publisher != null && !originalSource.equals(publisher)
                ? originalSource + "; " + publisher : publisher != null ? publisher : originalSource != null ? originalSource : "";
    }

    public static void header(PrintWriter out) {
        out.print(String.join(",", COLUMNS));
        out.print("\r\n");
    }

    /**
     * One row from a contract event object. {@code timestamp} (epoch seconds the event entered the store) and
     * {@code reviewStatus} may be null (plain extraction).
     */
    @SuppressWarnings("unchecked")
    public static void row(PrintWriter out, Map<String, Object> e, String source, String reportId, String file, Long timestamp,
                           String reviewStatus) {
        String date = str(e.get("event_date"));
        Object inter1 = e.get("inter1");
        Object inter2 = e.get("inter2");
        Map<String, Object> ev = e.get("evidence") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<Object> row = List.of(str(e.get("event_id")), date, date.length() >= 4 ? date.substring(0, 4) : "",
                str(e.get("time_precision")), disorderType(str(e.get("event_type"))), str(e.get("event_type")),
                str(e.get("sub_event_type")), str(e.get("actor1")), str(e.get("assoc_actor_1")), str(inter1), str(e.get("actor2")),
                str(e.get("assoc_actor_2")), str(inter2), interaction(inter1, inter2), civilianTargeting(e), "760", "Middle East",
                "Syria", str(e.get("admin1")), str(e.get("admin2")), "", str(e.get("location")), str(e.get("latitude")),
                str(e.get("longitude")), str(e.get("geo_precision")), source == null ? "" : source, "", str(e.get("notes")),
                str(e.get("fatalities")), "", timestamp == null ? "" : timestamp.toString(),
                str(e.get("side1")), str(e.get("side2")), str(e.get("confidence")), str(e.get("location_status")),
                str(e.get("attribution")), str(e.get("modality")), reviewStatus == null ? "" : reviewStatus,
                reportId == null ? "" : reportId, file == null ? "" : file,
                str(ev.get("start")), str(ev.get("end")), str(ev.get("text")), str(ev.get("rule")), str(ev.get("in")),
                str(e.get("url")), str(e.get("story")), str(e.get("corroboration")), str(e.get("duplicate_of")),
                str(e.get("source_reliability")), str(e.get("assessed_confidence")));
        StringBuilder sb = new StringBuilder();
        for (Object o : row) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(quote(String.valueOf(o)));
        }
        out.print(sb);
        out.print("\r\n");
    }

    /** ACLED's disorder type for an event type. */
    static String disorderType(String eventType) {
        return switch (eventType) {
            case "Battles", "Explosions/Remote violence", "Violence against civilians" -> "Political violence";
            case "Protests", "Riots" -> "Demonstrations";
            case "Strategic developments" -> "Strategic developments";
            default -> "";
        };
    }

    /** ACLED's numeric interaction code: the two actor type codes, smaller first (e.g. 12). */
    static String interaction(Object inter1, Object inter2) {
        if (!(inter1 instanceof Number a)) {
            return "";
        }
        if (!(inter2 instanceof Number b) || b.intValue() == 0) {
            return String.valueOf(a.intValue() * 10);
        }
        int x = Math.min(a.intValue(), b.intValue());
        int y = Math.max(a.intValue(), b.intValue());
        return String.valueOf(x * 10 + y);
    }

    private static String civilianTargeting(Map<String, Object> e) {
        return "civilians".equals(e.get("side2")) || "Violence against civilians".equals(e.get("event_type")) ? "Civilian targeting" : "";
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
