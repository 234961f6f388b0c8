package io.frontline.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.cli.AcledCsv;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes stored events as a table, JSON, ACLED-style CSV or GeoJSON, one event at a time (exports of the
 * whole store do not hold it in memory).
 */
public final class EventFormats {
    public enum Format { table, json, acled_csv, geojson;

        /** {@code acled-csv} on the command line and in the API. */
        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.label().equals(s)) {
                    return f;
                }
            }
            throw new BadFilterException("format", "'" + s + "' is not one of table, json, acled-csv, geojson");
        }

        public String label() {
            return name().replace('_', '-');
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Event fields left out of GeoJSON properties: structured values (QGIS wants flat attributes). */
    private static final Set<String> NOT_FLAT = Set.of("evidence", "provenance", "loaded_terms", "rejected_places");

    /** A streaming writer. */
    public interface Writer {
        void event(StoredEvent e);

        /** Ends the document; {@code total} is the number of matching events (JSON states it). */
        void finish(long total);

        /**
         * Ends a page: {@code capped}: more than {@code total} match (counted up to a cap); {@code nextCursor}: where the
         * next page starts, null on the last. JSON states both ({@code total_capped}, {@code next_cursor}).
         */
        default void finish(long total, boolean capped, String nextCursor) {
            finish(total);
        }
    }

    private EventFormats() {
    }

    public static Writer writer(Format f, PrintWriter out) {
        return switch (f) {
            case table -> table(out);
            case json -> json(out);
            case acled_csv -> csv(out);
            case geojson -> geojson(out);
        };
    }

    private static Writer table(PrintWriter out) {
        out.printf("%-10s  %-22s  %-28s  %-27s  %-24s  %4s  %4s  %s%n", "date", "event_id", "sub_event_type", "sides", "location",
                "dead", "conf", "review");
        return new Writer() {
            long shown;

            @Override
            public void event(StoredEvent s) {
                shown++;
                Map<String, Object> e = s.contract();
                out.printf("%-10s  %-22s  %-28s  %-27s  %-24s  %4s  %4.2f  %s%n", nz(e.get("event_date")), cut(s.id(), 22),
                        cut(nz(e.get("sub_event_type")), 28), cut(nz(e.get("side1")) + " > " + nz(e.get("side2")), 27),
                        cut(nz(e.get("location")), 24), nz(e.get("fatalities")),
                        e.get("confidence") instanceof Number n ? n.doubleValue() : 0.0, s.reviewStatus());
            }

            @Override
            public void finish(long total) {
                out.printf(shown == total ? "%2$d events%n" : "%d of %d events shown (--limit, --offset)%n", shown, total);
                out.flush();
            }

            @Override
            public void finish(long total, boolean capped, String nextCursor) {
                if (capped) {
                    out.printf("%d of more than %d events shown (--limit, --offset, --cursor)%n", shown, total);
                } else {
                    finish(total);
                }
                if (nextCursor != null) {
                    out.printf("next page: --cursor %s%n", nextCursor);
                }
                out.flush();
            }
        };
    }

    private static Writer json(PrintWriter out) {
        try {
            JsonGenerator g = JSON.getFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            return new Writer() {
                @Override
                public void event(StoredEvent e) {
                    try {
                        JSON.writeValue(nonClosing(g), e.json());
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                }

                @Override
                public void finish(long total) {
                    finish(total, false, null);
                }

                @Override
                public void finish(long total, boolean capped, String nextCursor) {
                    try {
                        g.writeEndArray();
                        g.writeNumberField("total", total);
                        g.writeBooleanField("total_capped", capped);
                        g.writeStringField("next_cursor", nextCursor);
                        g.writeEndObject();
                        g.flush();
                        out.println();
                        out.flush();
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonGenerator nonClosing(JsonGenerator g) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        return g;
    }

    private static Writer csv(PrintWriter out) {
        AcledCsv.header(out);
        return new Writer() {
            @Override
            public void event(StoredEvent s) {
                AcledCsv.row(out, s.contract(), s.source(), s.reportId(), s.file(), s.storedAt(), s.reviewStatus());
            }

            @Override
            public void finish(long total) {
                out.flush();
            }
        };
    }

    private static Writer geojson(PrintWriter out) {
        out.print("{\"type\":\"FeatureCollection\",\"features\":[");
        return new Writer() {
            boolean first = true;

            @Override
            public void event(StoredEvent s) {
                Map<String, Object> f = feature(s);
                if (f == null) {
                    return;
                }
                if (!first) {
                    out.print(",");
                }
                first = false;
                out.print("\n");
                try {
                    out.print(JSON.writeValueAsString(f));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }

            @Override
            public void finish(long total) {
                out.print("\n]}\n");
                out.flush();
            }
        };
    }

    /** A GeoJSON Feature (Point, [lon, lat]) with flat properties; null for an event without coordinates. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> feature(StoredEvent s) {
        Map<String, Object> e = s.json();
        if (!(e.get("latitude") instanceof Number lat) || !(e.get("longitude") instanceof Number lon)) {
            return null;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (Map.Entry<String, Object> p : e.entrySet()) {
            if (!NOT_FLAT.contains(p.getKey()) && !(p.getValue() instanceof Map<?, ?>)) {
                // lists of names (corroborating stories, confidence reasons) become one text attribute
                props.put(p.getKey(), p.getValue() instanceof List<?> l ? String.join("; ", l.stream().map(String::valueOf).toList())
                        : p.getValue());
            }
        }
        if (e.get("evidence") instanceof Map<?, ?> ev) {
            Map<String, Object> m = (Map<String, Object>) ev;
            props.put("evidence_start", m.get("start"));
            props.put("evidence_end", m.get("end"));
            props.put("evidence_text", m.get("text"));
            props.put("rule", m.get("rule"));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", s.id());
        f.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon.doubleValue(), lat.doubleValue())));
        f.put("properties", props);
        return f;
    }

    private static String nz(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
