package io.frontline.flink;

import io.frontline.ingest.Format;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka source of reports: each record's value is one JSON line of the {@code .jsonl} format
 * ({@code {"text"|"html", "url", "title", "published", "publisher", "author"|"authors", "original_source"}}), read by the
 * core's JSON lines reader. Offsets are part of every checkpoint (and committed to Kafka when it completes), so a
 * restarted job resumes exactly after the last checkpointed record; a new consumer group starts at the earliest.
 */
public final class KafkaReports {
    private KafkaReports() {
    }

    /**
     * @param bounded stop at the offsets that are latest when the job starts (tests, the demo) instead of following the topic
     */
    public static KafkaSource<ReportInput> source(String bootstrap, String topic, String group, boolean bounded) {
        KafkaSourceBuilder<ReportInput> b = KafkaSource.<ReportInput>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(group)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setProperty("isolation.level", "read_committed")
                .setDeserializer(new Deserializer());
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /** A record as an input named {@code kafka:TOPIC/PARTITION/OFFSET} (the reader adds {@code :1}). */
    static final class Deserializer implements KafkaRecordDeserializationSchema<ReportInput> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ReportInput> out) {
            String name = "kafka:" + record.topic() + "/" + record.partition() + "/" + record.offset();
            String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            out.collect(new ReportInput(name, value, Format.JSON_LINES));
        }

        @Override
        public TypeInformation<ReportInput> getProducedType() {
            return TypeInformation.of(ReportInput.class);
        }
    }
}
