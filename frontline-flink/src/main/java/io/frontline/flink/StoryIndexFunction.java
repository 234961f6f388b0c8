package io.frontline.flink;

import io.frontline.stories.MinHash;
import io.frontline.stories.Stories;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Assigns each report its story: the core's near-duplicate test ({@link MinHash} band keys propose earlier reports,
 * {@link Stories#sameStory} decides on the exact shingle sets) against every report seen so far. A report that
 * matches none starts a story named after it. The index is one keyed state (the job keys it by a constant): every
 * report must meet every earlier one, so this small step runs on one task; the heavy extraction before it and the
 * per-story and per-place steps after it run in parallel.
 */
public class StoryIndexFunction extends KeyedProcessFunction<Integer, ExtractedReport, ExtractedReport> {
    /** The single key of the index. */
    public static final int KEY = 0;

    private transient MapState<Long, List<String>> bands;
    private transient MapState<String, long[]> shingles;
    private transient MapState<String, String> storyOf;
    private transient MapState<String, Long> arrivalOf;
    private transient ValueState<Long> seen;

    @Override
    public void open(OpenContext context) {
        bands = getRuntimeContext().getMapState(new MapStateDescriptor<>("bands", Types.LONG, Types.LIST(Types.STRING)));
        shingles = getRuntimeContext().getMapState(new MapStateDescriptor<>("shingles", Types.STRING,
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        storyOf = getRuntimeContext().getMapState(new MapStateDescriptor<>("story-of", Types.STRING, Types.STRING));
        arrivalOf = getRuntimeContext().getMapState(new MapStateDescriptor<>("arrival-of", Types.STRING, Types.LONG));
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.LONG));
    }

    @Override
    public void processElement(ExtractedReport r, Context ctx, Collector<ExtractedReport> out) throws Exception {
        String known = storyOf.get(r.reportId);
        if (known != null) { // the same text again: the same report
            r.storyId = known;
            r.arrival = arrivalOf.get(r.reportId);
            r.shingles = null;
            out.collect(r);
            return;
        }
        long[] keys = MinHash.bandKeys(MinHash.signature(r.shingles));
        TreeMap<Long, String> matches = new TreeMap<>(); // earliest report first
        List<String> candidates = new ArrayList<>();
        for (long k : keys) {
            List<String> ids = bands.get(k);
            if (ids != null) {
                candidates.addAll(ids);
            }
        }
        for (String id : candidates) {
            Long at = arrivalOf.get(id);
            if (!matches.containsKey(at) && Stories.sameStory(r.shingles, shingles.get(id))) {
                matches.put(at, id);
            }
        }
        long n = seen.value() == null ? 0 : seen.value();
        r.arrival = n;
        r.storyId = matches.isEmpty() ? "story-" + r.reportId : storyOf.get(matches.firstEntry().getValue());
        seen.update(n + 1);
        storyOf.put(r.reportId, r.storyId);
        arrivalOf.put(r.reportId, n);
        shingles.put(r.reportId, r.shingles);
        for (long k : keys) {
            List<String> ids = bands.get(k);
            List<String> more = ids == null ? new ArrayList<>() : new ArrayList<>(ids);
            more.add(r.reportId);
            bands.put(k, more);
        }
        r.shingles = null;
        out.collect(r);
    }
}
