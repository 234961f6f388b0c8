package io.frontline.flink;

import io.frontline.ingest.Format;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A syndicated copy that arrives before its original: published first as events of their own, then, when the original
 * arrives, again as duplicates of the original's (the last record of an id is what upserts and compacted topics keep).
 */
class StoryOrderTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @Test
    void aCopyBeforeItsOriginalIsReMarkedAsDuplicateWhenTheOriginalArrives() throws Exception {
        List<ReportInput> inputs = List.of(new ReportInput("copy", TestInputs.syndicatedCopyLine(), Format.JSON_LINES),
                new ReportInput("original", TestInputs.sampleLines().get(2), Format.JSON_LINES));
        Expected expected = Expected.of(inputs);
        String copy = expected.extractions.get(0).report().id();
        String original = expected.extractions.get(1).report().id();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<EventRecord> published = new ArrayList<>();
        FrontlineJob.topology(env.fromData(inputs)).events().executeAndCollect().forEachRemaining(published::add);

        Map<String, EventRecord> last = new LinkedHashMap<>();
        published.forEach(r -> last.put(r.eventId, r));
        assertThat(last.keySet()).containsExactlyInAnyOrderElementsOf(expected.eventIds());
        for (String id : expected.eventIdsOf(copy)) {
            List<EventRecord> versions = published.stream().filter(r -> r.eventId.equals(id)).toList();
            assertThat(versions).as(id + " published alone, then as a copy").hasSize(2);
            assertThat(versions.get(0).duplicateOf).isNull();
            assertThat(versions.get(1).duplicateOf).startsWith(original + "-");
            assertThat(versions.get(1).storyId).as("the story keeps the id of its first report").isEqualTo("story-" + copy);
        }
        for (String id : expected.eventIdsOf(original)) {
            assertThat(last.get(id).duplicateOf).isNull();
        }
    }
}
