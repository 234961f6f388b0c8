package io.frontline.flink;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;

/**
 * The job's topology, the same for live feeds (Kafka, streaming) and archive reprocessing (files, batch):
 * <pre>
 * reports -> (rebalance) extract (core pipeline, parallel) -> story index (keyed: one key) -> stories (keyed by story)
 *         -> events, claims (side output) -> control (keyed by place) -> control changes
 * </pre>
 * and the sinks: a Kafka topic and a table per output.
 */
public final class FrontlineJob {
    private FrontlineJob() {
    }

    /** The three outputs of the job. */
    public record Outputs(DataStream<EventRecord> events, DataStream<ClaimRecord> claims, DataStream<ControlChange> control) {
    }

    public static Outputs topology(DataStream<ReportInput> inputs) {
        // spread over every task: a topic's records may sit in fewer partitions than there are tasks (a producer
        // without keys fills one partition per batch), and extraction is the costly step
        SingleOutputStreamOperator<ExtractedReport> extracted = inputs.rebalance().flatMap(new ExtractFunction())
                .name("extract").uid("extract");
        SingleOutputStreamOperator<ExtractedReport> storied = extracted.keyBy(r -> StoryIndexFunction.KEY, Types.INT)
                .process(new StoryIndexFunction()).name("story-index").uid("story-index");
        SingleOutputStreamOperator<EventRecord> events = storied.keyBy(r -> r.storyId, Types.STRING)
                .process(new StoryFunction()).name("stories").uid("stories");
        DataStream<ClaimRecord> claims = events.getSideOutput(StoryFunction.CLAIMS);
        SingleOutputStreamOperator<ControlChange> control = events.filter(e -> e.placeKey != null).name("placed").uid("placed")
                .keyBy(e -> e.placeKey, Types.STRING).process(new ControlFunction()).name("control").uid("control");
        return new Outputs(events, claims, control);
    }

    /** Reports from a Kafka topic (see {@link KafkaReports}). */
    public static DataStream<ReportInput> kafka(StreamExecutionEnvironment env, JobOptions o, boolean bounded) {
        return env.fromSource(KafkaReports.source(o.bootstrap(), o.inputTopic(), o.group(), bounded), WatermarkStrategy.noWatermarks(),
                "kafka:" + o.inputTopic()).uid("kafka-source");
    }

    /** Reports from the files of an archive directory (see {@link ArchiveFiles}). */
    public static DataStream<ReportInput> archive(StreamExecutionEnvironment env, Path dir) {
        return env.fromData(ArchiveFiles.list(dir)).name("archive:" + dir).uid("archive-list")
                .flatMap(new ArchiveFiles.Read()).name("read-files").uid("read-files");
    }

    /** Attaches the sinks the options name: Kafka topics where a bootstrap server is given, tables where a database is. */
    public static void sinks(Outputs out, JobOptions o) {
        if (o.bootstrap() != null) {
            DeliveryGuarantee g = o.guarantee();
            String prefix = o.transactionPrefix();
            out.events().sinkTo(Sinks.kafka(o.bootstrap(), o.eventsTopic(), g, prefix, (EventRecord r) -> r.eventId, EventRecord::toJson))
                    .name("kafka:" + o.eventsTopic()).uid("events-kafka");
            out.claims().sinkTo(Sinks.kafka(o.bootstrap(), o.claimsTopic(), g, prefix, (ClaimRecord r) -> r.claimId, ClaimRecord::toJson))
                    .name("kafka:" + o.claimsTopic()).uid("claims-kafka");
            out.control().sinkTo(Sinks.kafka(o.bootstrap(), o.controlTopic(), g, prefix, (ControlChange r) -> r.changeId, ControlChange::toJson))
                    .name("kafka:" + o.controlTopic()).uid("control-kafka");
        }
        if (o.jdbc() != null) {
            o.jdbc().createTables();
            out.events().sinkTo(Sinks.events(o.jdbc())).name("jdbc:" + JdbcTarget.EVENTS).uid("events-jdbc");
            out.claims().sinkTo(Sinks.claims(o.jdbc())).name("jdbc:" + JdbcTarget.CLAIMS).uid("claims-jdbc");
            out.control().sinkTo(Sinks.control(o.jdbc())).name("jdbc:" + JdbcTarget.CONTROL).uid("control-jdbc");
        }
    }
}
