package io.frontline.cli;

import io.frontline.Extraction;
import io.frontline.events.Event;
import io.frontline.stories.Assessment;
import io.frontline.stories.SourceProfiles;
import io.frontline.stories.Stories;

import java.io.PrintWriter;
import java.util.List;

/**
 * Events as CSV with ACLED's column names in ACLED's order where ACLED has them, followed by Frontline's
 * own columns (sides, confidence, evidence, then story, corroboration and source assessment). RFC 4180 quoting.
 */
final class AcledCsv {
    static final List<String> COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision", "event_type",
            "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "admin1", "admin2",
            "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
            "side1", "side2", "confidence", "location_status", "attribution", "report_id", "file", "evidence_start",
            "evidence_end", "evidence_text", "rule", "evidence_in", "url", "story", "corroboration", "duplicate_of",
            "source_reliability", "assessed_confidence");

    private AcledCsv() {
    }

    static void write(List<Extraction> xs, PrintWriter out) {
        write(xs, Stories.of(xs), SourceProfiles.NONE, out);
    }

    static void write(List<Extraction> xs, Stories stories, SourceProfiles sources, PrintWriter out) {
        out.println(String.join(",", COLUMNS));
        for (Extraction x : xs) {
            var r = x.report();
            var story = stories.storyOf(r);
            String source = r.originalSource() != null && r.publisher() != null && !r.originalSource().equals(r.publisher())
                    ? r.originalSource() + "; " + r.publisher() : r.publisher() != null ? r.publisher() : "";
            for (Event e : x.events()) {
                Assessment a = Assessment.of(e, r, story, stories.corroboration(e), sources);
                List<Object> row = List.of(e.eventId(), nz(e.eventDate()), e.eventDate() == null ? "" : e.eventDate().substring(0, 4),
                        e.timePrecision(), e.eventType(), e.subEventType(), e.actor1(), nz(e.assocActor1()), nz(e.inter1()),
                        nz(e.actor2()), nz(e.assocActor2()), nz(e.inter2()), nz(e.admin1()), nz(e.admin2()), e.location(),
                        nz(e.latitude()), nz(e.longitude()), e.geoPrecision(), source, e.notes(), e.fatalities(), e.side1(),
                        nz(e.side2()), e.confidence(), e.locationStatus(), nz(e.attribution()), r.id(), r.file(),
                        e.evidence().start(), e.evidence().end(), e.evidence().text(), e.evidence().rule(), e.evidence().in(),
                        nz(r.url()), story.id(), stories.corroboration(e), stories.duplicateOf(e).map(Event::eventId).orElse(""),
                        a.sourceReliability(), a.confidence());
                StringBuilder sb = new StringBuilder();
                for (Object o : row) {
                    if (sb.length() > 0) {
                        sb.append(',');
                    }
                    sb.append(quote(String.valueOf(o)));
                }
                out.println(sb);
            }
        }
    }

    private static Object nz(Object o) {
        return o == null ? "" : o;
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
