package io.frontline.flink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frontline.control.ControlEvidence;
import io.frontline.control.ControlModel;
import io.frontline.control.ControlRules;
import io.frontline.control.ControlState;
import io.frontline.control.Effect;
import io.frontline.control.Observation;
import io.frontline.control.PlaceTimeline;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed by place ({@link ControlModel#key}): keeps the place's events that bear on control (copies of a story left
 * out, as {@code io.frontline.control.Observations} does) and, on each, folds them with the core's
 * {@link ControlModel} in the same order the batch command uses (publication date, undated first, then arrival).
 * Emits the states of the place's timeline that are new or changed, and withdraws states that are gone.
 */
public class ControlFunction extends KeyedProcessFunction<String, EventRecord, ControlChange> {
    private transient MapState<String, EventRecord> observations;
    private transient MapState<String, String> published;

    @Override
    public void open(OpenContext context) {
        observations = getRuntimeContext().getMapState(new MapStateDescriptor<>("observations", Types.STRING, TypeInformation.of(EventRecord.class)));
        published = getRuntimeContext().getMapState(new MapStateDescriptor<>("published", Types.STRING, Types.STRING));
    }

    @Override
    public void processElement(EventRecord rec, Context ctx, Collector<ControlChange> out) throws Exception {
        boolean bears = rec.duplicateOf == null
                && ControlRules.decide(observation(rec, 0)).effect() != Effect.NONE;
        if (bears) {
            observations.put(rec.eventId, rec);
        } else if (observations.contains(rec.eventId)) {
            observations.remove(rec.eventId);
        } else {
            return;
        }
        List<EventRecord> recs = new ArrayList<>();
        for (EventRecord r : observations.values()) {
            recs.add(r);
        }
        recs.sort(Comparator.comparing((EventRecord r) -> r.published, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparingLong(r -> r.arrival).thenComparing(r -> r.eventId));
        List<Observation> obs = new ArrayList<>();
        for (EventRecord r : recs) {
            obs.add(observation(r, obs.size()));
        }
        String key = ctx.getCurrentKey();
        List<ControlState> states = ControlModel.build(obs).timeline(key).map(PlaceTimeline::states).orElse(List.of());
        Map<String, String> now = new HashMap<>();
        for (ControlState s : states) {
            String json = Json.text(json(s));
            now.put(s.from().toString(), json);
            if (!json.equals(published.get(s.from().toString()))) {
                published.put(s.from().toString(), json);
                out.collect(new ControlChange(key, s.from().toString(), false, json));
            }
        }
        List<String> gone = new ArrayList<>();
        for (String from : published.keys()) {
            if (!now.containsKey(from)) {
                gone.add(from);
            }
        }
        for (String from : gone) {
            published.remove(from);
            ObjectNode n = Json.object();
            n.put("place_key", key);
            n.put("from", from);
            n.put("withdrawn", true);
            out.collect(new ControlChange(key, from, true, Json.text(n)));
        }
    }

    private static Observation observation(EventRecord r, int order) {
        return new Observation(r.toEvent(), r.sourceReliability, r.corroboration, r.assessedConfidence, order);
    }

    /** A state as {@code frontline control --format json} writes a place. */
    static ObjectNode json(ControlState s) {
        ObjectNode n = Json.object();
        n.put("place_key", s.placeKey());
        n.put("name", s.name());
        n.put("lat", s.lat());
        n.put("lon", s.lon());
        n.put("controller", s.controller());
        n.put("status", s.status());
        n.put("since", s.since() == null ? null : s.since().toString());
        n.put("from", s.from().toString());
        ArrayNode others = n.putArray("others");
        s.others().forEach(others::add);
        ArrayNode ev = n.putArray("evidence");
        for (ControlEvidence e : s.evidence()) {
            ObjectNode x = ev.addObject();
            x.put("event_id", e.eventId());
            x.put("event_date", e.date());
            x.put("effect", e.effect().name().toLowerCase(java.util.Locale.ROOT));
            x.put("side1", e.side1());
            x.put("side2", e.side2());
            x.put("sub_event_type", e.subEventType());
            x.put("attribution", e.attribution());
            x.put("confidence", e.confidence());
            x.put("reason", e.reason());
            x.put("text", e.text());
        }
        n.put("withdrawn", false);
        return n;
    }
}
