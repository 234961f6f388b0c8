package io.frontline.flink;

import io.frontline.ingest.Format;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming job end to end over an embedded KRaft broker: reports in a topic, a failure in the middle, a restart
 * from the last checkpoint, and then every event, claim and control change exactly once in the output topics
 * (transactions read committed) and in the database (upserts by id).
 */
class KafkaExactlyOnceTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aRestartAfterAFailureLosesAndDuplicatesNothing() throws Exception {
        List<String> lines = new ArrayList<>(TestInputs.sampleLines());
        lines.add(TestInputs.sampleLines().get(2)); // the same report sent twice
        if (TestInputs.seedPresent()) {
            lines.add(TestInputs.seedLine());
        }
        for (int i = 0; i < 6; i++) {
            lines.addAll(TestInputs.sampleLines()); // and all three again: repeats (the same texts) change nothing
        }
        // the copy last, long after its original (extraction runs on two tasks: a copy that overtook its original would
        // be published first as an event of its own, then again as a duplicate once the original arrived)
        lines.add(TestInputs.syndicatedCopyLine());
        JobOptions o = JobOptions.defaults().with(b -> {
            b.bootstrap = kafka.bootstrap();
            b.inputTopic = "eo.reports";
            b.eventsTopic = "eo.events";
            b.claimsTopic = "eo.claims";
            b.controlTopic = "eo.control";
            b.group = "eo-test";
            b.transactionPrefix = "eo-test";
            b.jdbc = Db.fresh("kafka");
            b.checkpointMs = 100;
        });
        kafka.createTopics(1, o.inputTopic()); // one partition: the original is read before its copy
        kafka.createTopics(2, o.eventsTopic(), o.claimsTopic(), o.controlTopic());
        TopicReader.send(kafka.bootstrap(), o.inputTopic(), lines);
        List<ReportInput> inputs = lines.stream().map(l -> new ReportInput("x", l, Format.JSON_LINES)).toList();
        Expected expected = Expected.of(inputs);

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(o.checkpointMs());
        FailOnce.reset();
        DataStream<ReportInput> in = FrontlineJob.kafka(env, o, true).map(new FailOnce(4)).name("fail-once").uid("fail-once");
        FrontlineJob.sinks(FrontlineJob.topology(in), o);
        env.execute("exactly-once test");
        assertThat(FailOnce.FAILED).as("the job failed once and was restarted").isTrue();

        List<ConsumerRecord<String, String>> events = TopicReader.readAll(kafka.bootstrap(), o.eventsTopic());
        Set<String> eventKeys = events.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(eventKeys).as("no event lost").isEqualTo(expected.eventIds());
        assertThat(events).as("no event published twice").hasSize(eventKeys.size());

        List<ConsumerRecord<String, String>> claims = TopicReader.readAll(kafka.bootstrap(), o.claimsTopic());
        assertThat(claims.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(expected.claims());
        assertThat(claims).hasSize(expected.claims());

        List<ConsumerRecord<String, String>> control = TopicReader.readAll(kafka.bootstrap(), o.controlTopic());
        Set<String> controlKeys = control.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(controlKeys).isNotEmpty();

        JdbcTarget db = o.jdbc();
        assertThat(Db.count(db, "SELECT COUNT(*) FROM " + JdbcTarget.EVENTS)).isEqualTo(expected.eventIds().size());
        assertThat(Db.count(db, "SELECT COUNT(DISTINCT event_id) FROM " + JdbcTarget.EVENTS)).isEqualTo(expected.eventIds().size());
        assertThat(Db.count(db, "SELECT COUNT(*) FROM " + JdbcTarget.CLAIMS)).isEqualTo(expected.claims());
        assertThat(Db.rows(db, "SELECT change_id FROM " + JdbcTarget.CONTROL).stream().map(r -> (String) r.get("change_id"))
                .collect(Collectors.toSet())).isEqualTo(controlKeys);

        // the syndicated copy's events are published as duplicates of the original's
        Map<String, String> duplicateOf = events.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> Json.parse(r.value()).path("duplicate_of").asText("")));
        assertThat(duplicateOf.values().stream().filter(v -> !v.isEmpty())).isNotEmpty();
        assertThat(events).allSatisfy(r -> assertThat(Json.parse(r.value()).path("event_id").asText()).isEqualTo(r.key()));
    }
}
