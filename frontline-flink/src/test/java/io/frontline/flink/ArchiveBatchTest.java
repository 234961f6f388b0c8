package io.frontline.flink;

import io.frontline.ingest.Format;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Archive reprocessing: the same job in batch mode over a directory of report files, written to the database. */
class ArchiveBatchTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void batchOverAnArchiveWritesWhatTheCoreExtractsWithCopiesMarkedAndControlFolded(@TempDir Path archive) throws Exception {
        Files.createDirectories(archive.resolve("2017"));
        for (Path p : List.of(TestInputs.SAMPLES.resolve("2016-11-24-al-bab-front.md"), TestInputs.SAMPLES.resolve("2017-09-19-river-front.html"),
                TestInputs.DESERT)) {
            Files.copy(p, archive.resolve("2017").resolve(p.getFileName()));
        }
        Files.writeString(archive.resolve("copies.jsonl"), TestInputs.syndicatedCopyLine() + "\n", StandardCharsets.UTF_8);
        if (TestInputs.seedPresent()) {
            Files.copy(TestInputs.SEED, archive.resolve("seed.txt"));
        }
        Files.writeString(archive.resolve("notes.bin"), "not a report", StandardCharsets.UTF_8); // no report extension: not listed
        List<ReportInput> inputs = new ArrayList<>();
        for (String f : ArchiveFiles.list(archive)) {
            inputs.add(new ReportInput(f, Files.readString(Path.of(f)), Format.byName(f)));
        }
        Expected expected = Expected.of(inputs);

        JdbcTarget db = Db.fresh("archive");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobOptions o = JobOptions.defaults().with(b -> {
            b.archive = archive;
            b.jdbc = db;
            b.parallelism = 2;
        });
        FrontlineRunner.run(env, o);

        List<Map<String, Object>> events = Db.rows(db, "SELECT event_id, report_id, duplicate_of, story_id FROM " + JdbcTarget.EVENTS);
        Set<String> ids = events.stream().map(r -> (String) r.get("event_id")).collect(Collectors.toSet());
        assertThat(ids).as("every event the core extracts, once").isEqualTo(expected.eventIds());
        assertThat(ids).hasSizeGreaterThan(5);
        assertThat(Db.count(db, "SELECT COUNT(*) FROM " + JdbcTarget.CLAIMS)).isEqualTo(expected.claims());

        // the syndicated copy is one story with the original; each of its events repeats one of the original's
        String original = expected.extractions.stream().filter(x -> x.report().file().endsWith("desert-front.txt")).findFirst().orElseThrow().report().id();
        String copy = expected.extractions.stream().filter(x -> x.report().file().endsWith("copies.jsonl:1")).findFirst().orElseThrow().report().id();
        assertThat(copy).isNotEqualTo(original);
        Map<String, Map<String, Object>> byId = events.stream().collect(Collectors.toMap(r -> (String) r.get("event_id"), r -> r));
        List<String> copyEvents = expected.eventIdsOf(copy);
        assertThat(copyEvents).isNotEmpty();
        for (String id : copyEvents) {
            assertThat((String) byId.get(id).get("duplicate_of")).as(id).startsWith(original + "-");
            assertThat(byId.get(id).get("story_id")).isEqualTo(byId.get(expected.eventIdsOf(original).get(0)).get("story_id"));
        }
        for (String id : expected.eventIdsOf(original)) {
            assertThat(byId.get(id).get("duplicate_of")).as("the original's events are not copies").isNull();
        }

        // control: the desert front's capture of Uqayribat by government forces
        List<Map<String, Object>> control = Db.rows(db, "SELECT place_key, controller, status, doc FROM " + JdbcTarget.CONTROL
                + " WHERE withdrawn = FALSE");
        assertThat(control).anySatisfy(r -> {
            assertThat((String) r.get("doc")).contains("Uqayribat");
            assertThat(r.get("controller")).isEqualTo("government");
            assertThat(r.get("status")).isEqualTo("held");
        });
    }
}
