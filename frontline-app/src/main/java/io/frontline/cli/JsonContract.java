package io.frontline.cli;

import io.frontline.Extraction;
import io.frontline.events.Claim;
import io.frontline.events.Event;
import io.frontline.events.Evidence;
import io.frontline.events.LoadedTerm;
import io.frontline.ingest.Removed;
import io.frontline.ingest.Report;
import io.frontline.stories.Assessment;
import io.frontline.stories.SourceProfiles;
import io.frontline.stories.Stories;
import io.frontline.stories.Story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public JSON contract of {@code frontline extract --format json}, built field by field so that names
 * and order stay stable. Extend only by adding fields.
 */
public final class JsonContract {
    private JsonContract() {
    }

    public static Map<String, Object> document(List<Extraction> xs) {
        return document(xs, Stories.of(xs), SourceProfiles.NONE);
    }

    public static Map<String, Object> document(List<Extraction> xs, Stories stories, SourceProfiles sources) {
        List<Object> reports = new ArrayList<>();
        for (Extraction x : xs) {
            reports.add(report(x, stories, sources));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("reports", reports);
        List<Object> ss = new ArrayList<>();
        for (Story s : stories.stories()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("origin", s.origin().file());
            m.put("origin_source", s.originSource());
            m.put("reports", s.reports().stream().map(Report::file).toList());
            ss.add(m);
        }
        doc.put("stories", ss);
        return doc;
    }

    /** One report on its own: its story is itself, and no source profiles are applied. */
    public static Map<String, Object> report(Extraction x) {
        return report(x, Stories.of(List.of(x)), SourceProfiles.NONE);
    }

    public static Map<String, Object> report(Extraction x, Stories stories, SourceProfiles sources) {
        Story story = stories.storyOf(x.report());
        Report r = x.report();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("file", r.file());
        m.put("title", r.title());
        m.put("publisher", r.publisher());
        m.put("original_source", r.originalSource());
        m.put("published", r.published() == null ? null : r.published().toString());
        m.put("authors", r.authors());
        m.put("credits", r.credits());
        m.put("tags", r.tags());
        m.put("body", r.body());
        List<Object> removed = new ArrayList<>();
        for (Removed rm : r.removed()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("start", r.codePointOffset(rm.span().start()));
            e.put("end", r.codePointOffset(rm.span().end()));
            e.put("kind", rm.kind());
            e.put("rule", rm.rule());
            removed.add(e);
        }
        m.put("removed", removed);
        List<Object> events = new ArrayList<>();
        for (Event e : x.events()) {
            Map<String, Object> em = event(e);
            em.put("story", story.id());
            em.put("corroboration", stories.corroboration(e));
            em.put("corroborated_by", stories.corroboratingStories(e, story));
            em.put("duplicate_of", stories.duplicateOf(e).map(Event::eventId).orElse(null));
            Assessment a = Assessment.of(e, r, story, stories.corroboration(e), sources);
            em.put("source_reliability", a.sourceReliability());
            em.put("assessed_confidence", a.confidence());
            em.put("confidence_reasons", a.reasons());
            events.add(em);
        }
        m.put("events", events);
        List<Object> claims = new ArrayList<>();
        for (Claim c : x.claims()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("status", c.status());
            cm.put("attribution", c.attribution());
            cm.put("text", c.text());
            cm.put("subject", c.subject());
            cm.put("evidence", evidence(c.evidence()));
            claims.add(cm);
        }
        m.put("claims", claims);
        List<Object> candidates = new ArrayList<>();
        for (var c : x.candidateActors()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("mentions", c.mentions());
            cm.put("evidence", evidence(io.frontline.events.EventCoder.evidence(r, c.first(), c.rule())));
            candidates.add(cm);
        }
        m.put("candidate_actors", candidates);
        m.put("url", r.url());
        m.put("story", story.id());
        return m;
    }

    public static Map<String, Object> event(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id", e.eventId());
        m.put("event_date", e.eventDate());
        m.put("time_precision", e.timePrecision());
        m.put("event_type", e.eventType());
        m.put("sub_event_type", e.subEventType());
        m.put("actor1", e.actor1());
        m.put("assoc_actor_1", e.assocActor1());
        m.put("actor2", e.actor2());
        m.put("assoc_actor_2", e.assocActor2());
        m.put("side1", e.side1());
        m.put("side2", e.side2());
        m.put("inter1", e.inter1());
        m.put("inter2", e.inter2());
        m.put("location", e.location());
        m.put("admin1", e.admin1());
        m.put("admin2", e.admin2());
        m.put("latitude", e.latitude());
        m.put("longitude", e.longitude());
        m.put("geo_precision", e.geoPrecision());
        m.put("fatalities", e.fatalities());
        m.put("status", e.status());
        m.put("attribution", e.attribution());
        m.put("notes", e.notes());
        m.put("evidence", evidence(e.evidence()));
        m.put("confidence", e.confidence());
        m.put("location_status", e.locationStatus());
        m.put("place_id", e.placeId());
        m.put("place_name", e.placeName());
        m.put("modality", e.modality());
        m.put("rejected_places", e.rejectedPlaces());
        List<Object> loaded = new ArrayList<>();
        for (LoadedTerm t : e.loadedTerms()) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("term", t.term());
            lm.put("start", t.start());
            lm.put("end", t.end());
            lm.put("neutral", t.neutral());
            loaded.add(lm);
        }
        m.put("loaded_terms", loaded);
        Map<String, Object> prov = new LinkedHashMap<>();
        e.provenance().forEach((k, v) -> prov.put(k, evidence(v)));
        m.put("provenance", prov);
        return m;
    }

    public static Map<String, Object> evidence(Evidence ev) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", ev.start());
        m.put("end", ev.end());
        m.put("text", ev.text());
        m.put("rule", ev.rule());
        m.put("in", ev.in());
        if (ev.confidence() != null) {
            m.put("confidence", ev.confidence());
        }
        return m;
    }
}
