package io.frontline.flink;

import io.frontline.Extraction;
import io.frontline.control.ControlModel;
import io.frontline.events.Event;
import io.frontline.ingest.Report;
import io.frontline.stories.Assessment;
import io.frontline.stories.SourceProfiles;
import io.frontline.stories.Stories;
import io.frontline.stories.Story;
import io.frontline.text.Span;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keyed by story: keeps the story's reports and, whenever one joins, runs the core's {@link Stories} and
 * {@link Assessment} over them, so that a syndicated copy's events are marked {@code duplicate_of} the origin's and
 * every event carries its source reliability and assessed confidence. Emits an event when it is new or its
 * assessment changed (a later copy that turns out to be the origin re-marks the earlier ones), and each report's
 * claims once, to {@link #CLAIMS}.
 */
public class StoryFunction extends KeyedProcessFunction<String, ExtractedReport, EventRecord> {
    public static final OutputTag<ClaimRecord> CLAIMS = new OutputTag<>("claims", TypeInformation.of(ClaimRecord.class));

    private transient MapState<String, ExtractedReport> members;
    private transient MapState<String, String> emitted;
    private transient SourceProfiles profiles;

    @Override
    public void open(OpenContext context) {
        members = getRuntimeContext().getMapState(new MapStateDescriptor<>("members", Types.STRING, TypeInformation.of(ExtractedReport.class)));
        emitted = getRuntimeContext().getMapState(new MapStateDescriptor<>("emitted", Types.STRING, Types.STRING));
        profiles = Knowledge.sources();
    }

    @Override
    public void processElement(ExtractedReport r, Context ctx, Collector<EventRecord> out) throws Exception {
        if (members.contains(r.reportId)) {
            return; // the same text again: its events and claims are out already
        }
        members.put(r.reportId, r);
        for (int i = 0; i < r.claims.size(); i++) {
            ctx.output(CLAIMS, new ClaimRecord(r.reportId, i + 1, r.storyId, r.claims.get(i)));
        }
        List<ExtractedReport> all = new ArrayList<>();
        for (ExtractedReport m : members.values()) {
            all.add(m);
        }
        all.sort(Comparator.comparingLong(m -> m.arrival));
        List<Extraction> xs = new ArrayList<>();
        for (ExtractedReport m : all) {
            xs.add(new Extraction(report(m), m.events.stream().map(Json::event).toList(), List.of(), List.of()));
        }
        Stories stories = Stories.of(xs);
        for (int i = 0; i < xs.size(); i++) {
            Extraction x = xs.get(i);
            ExtractedReport m = all.get(i);
            Story story = stories.storyOf(x.report());
            for (Event e : x.events()) {
                EventRecord rec = record(m, e, stories, story);
                String before = emitted.get(rec.eventId);
                if (!rec.assessment().equals(before)) {
                    emitted.put(rec.eventId, rec.assessment());
                    out.collect(rec);
                }
            }
        }
    }

    private EventRecord record(ExtractedReport m, Event e, Stories stories, Story story) {
        int n = stories.corroboration(e);
        Assessment a = Assessment.of(e, report(m), story, n, profiles);
        EventRecord rec = new EventRecord();
        rec.eventId = e.eventId();
        rec.reportId = m.reportId;
        rec.file = m.file;
        rec.url = m.url;
        rec.storyId = m.storyId; // the streaming story id (its first report), stable as copies arrive
        rec.duplicateOf = stories.duplicateOf(e).map(Event::eventId).orElse(null);
        rec.placeKey = ControlModel.key(e);
        rec.published = m.published;
        rec.arrival = m.arrival;
        rec.sourceReliability = a.sourceReliability();
        rec.corroboration = n;
        rec.assessedConfidence = a.confidence();
        rec.event = Json.write(e);
        return rec;
    }

    /**
     * The report as stories and assessment see it: its metadata and body (one paragraph; offsets are not needed
     * here, the events carry theirs).
     */
    static Report report(ExtractedReport m) {
        String body = m.body == null ? "" : m.body;
        return new Report(m.reportId, m.file, m.title, m.publisher, m.originalSource,
                m.published == null ? null : LocalDate.parse(m.published), List.of(), List.of(), Map.of(), body, body,
                List.of(new Span(0, body.length())), List.of(), List.of()).located(m.url, Report.IN_BODY);
    }
}
