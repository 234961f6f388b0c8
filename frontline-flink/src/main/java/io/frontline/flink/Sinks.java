package io.frontline.flink;

import io.frontline.events.Claim;
import io.frontline.events.Event;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.Properties;

/** The job's sinks: a Kafka topic per output (JSON values keyed by the record's id) and the JDBC upserts. */
public final class Sinks {
    /** Transactions must outlive a checkpoint and a restart, and stay under the broker's maximum (15 minutes by default). */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    private Sinks() {
    }

    public static <T> KafkaSink<T> kafka(String bootstrap, String topic, DeliveryGuarantee guarantee, String transactionPrefix,
                                         SerializableFunction<T, String> key, SerializableFunction<T, String> value) {
        Properties producer = new Properties();
        producer.setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(transactionPrefix + "-" + topic)
                .setKafkaProducerConfig(producer)
                .setRecordSerializer((KafkaRecordSerializationSchema<T>) (element, context, timestamp) -> new ProducerRecord<>(topic,
                        key.apply(element).getBytes(StandardCharsets.UTF_8), value.apply(element).getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    public static JdbcSink<EventRecord> events(JdbcTarget db) {
        JdbcStatementBuilder<EventRecord> fill = (ps, r) -> {
            Event e = r.toEvent();
            ps.setString(1, r.eventId);
            ps.setString(2, r.reportId);
            ps.setString(3, r.storyId);
            ps.setString(4, r.duplicateOf);
            ps.setString(5, r.placeKey);
            ps.setString(6, e.eventDate());
            ps.setString(7, e.subEventType());
            ps.setString(8, e.side1());
            ps.setString(9, e.side2());
            ps.setString(10, e.location());
            setDouble(ps, 11, e.latitude());
            setDouble(ps, 12, e.longitude());
            ps.setInt(13, e.fatalities());
            ps.setDouble(14, r.assessedConfidence);
            ps.setString(15, r.toJson());
        };
        return jdbc(db, db.upsert(JdbcTarget.EVENTS, JdbcTarget.EVENT_COLUMNS), fill);
    }

    public static JdbcSink<ClaimRecord> claims(JdbcTarget db) {
        JdbcStatementBuilder<ClaimRecord> fill = (ps, r) -> {
            Claim c = r.toClaim();
            ps.setString(1, r.claimId);
            ps.setString(2, r.reportId);
            ps.setString(3, r.storyId);
            ps.setString(4, c.status());
            ps.setString(5, c.attribution());
            ps.setString(6, r.toJson());
        };
        return jdbc(db, db.upsert(JdbcTarget.CLAIMS, JdbcTarget.CLAIM_COLUMNS), fill);
    }

    public static JdbcSink<ControlChange> control(JdbcTarget db) {
        JdbcStatementBuilder<ControlChange> fill = (ps, r) -> {
            var n = Json.parse(r.state);
            ps.setString(1, r.changeId);
            ps.setString(2, r.placeKey);
            ps.setString(3, r.from);
            ps.setString(4, n.path("controller").isTextual() ? n.get("controller").asText() : null);
            ps.setString(5, n.path("status").isTextual() ? n.get("status").asText() : null);
            ps.setBoolean(6, r.withdrawn);
            ps.setString(7, r.state);
        };
        return jdbc(db, db.upsert(JdbcTarget.CONTROL, JdbcTarget.CONTROL_COLUMNS), fill);
    }

    private static void setDouble(java.sql.PreparedStatement ps, int i, Double v) throws java.sql.SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static <T> JdbcSink<T> jdbc(JdbcTarget db, String sql, JdbcStatementBuilder<T> fill) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, fill)
                .withExecutionOptions(JdbcExecutionOptions.builder().withBatchSize(200).withBatchIntervalMs(200).withMaxRetries(3).build())
                .buildAtLeastOnce(new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(db.url()).withDriverName(db.driver()).withUsername(db.user()).withPassword(db.password()).build());
    }
}
