package io.frontline.flink;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line of the job and the SQL of its sink, per database. */
class JobOptionsTest {
    @Test
    void parsesTheOptionsOfASubmittedJob() {
        JobOptions o = JobOptions.parse(List.of("--bootstrap", "kafka:9092", "--input-topic", "feeds", "--jdbc",
                "jdbc:postgresql://db/frontline", "--jdbc-user", "u", "--guarantee", "at-least-once", "--checkpoint-ms", "5000"));
        assertThat(o.bootstrap()).isEqualTo("kafka:9092");
        assertThat(o.inputTopic()).isEqualTo("feeds");
        assertThat(o.eventsTopic()).isEqualTo("frontline.events");
        assertThat(o.guarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(o.checkpointMs()).isEqualTo(5000);
        assertThat(o.jdbc().postgres()).isTrue();
        assertThat(o.jdbc().user()).isEqualTo("u");
        assertThat(JobOptions.parse(List.of("--archive", "archive/")).archive()).isEqualTo(Path.of("archive/"));
    }

    @Test
    void refusesBadOptionsByName() {
        assertThatThrownBy(() -> JobOptions.parse(List.of("--checkpoint-ms", "soon"))).hasMessageContaining("--checkpoint-ms must be a positive number");
        assertThatThrownBy(() -> JobOptions.parse(List.of("--guarantee", "maybe"))).hasMessageContaining("--guarantee must be exactly-once or at-least-once");
        assertThatThrownBy(() -> JobOptions.parse(List.of("--jdbc", "jdbc:mysql://x/y"))).hasMessageContaining("PostgreSQL");
        assertThatThrownBy(() -> JobOptions.parse(List.of("--frobnicate", "1"))).hasMessageContaining("unknown option --frobnicate");
        assertThatThrownBy(() -> JobOptions.parse(List.of("--bootstrap"))).hasMessageContaining("--bootstrap needs a value");
    }

    @Test
    void upsertsAreKeyedByTheIdOnBothDatabases() {
        List<String> cols = List.of("claim_id", "report_id", "doc");
        assertThat(new JdbcTarget("jdbc:postgresql://db/f", "u", "p").upsert("t", cols)).isEqualTo(
                "INSERT INTO t (claim_id, report_id, doc) VALUES (?, ?, ?) ON CONFLICT (claim_id) DO UPDATE SET report_id = EXCLUDED.report_id, doc = EXCLUDED.doc");
        assertThat(new JdbcTarget("jdbc:h2:mem:x", "sa", "").upsert("t", cols)).isEqualTo(
                "MERGE INTO t (claim_id, report_id, doc) KEY (claim_id) VALUES (?, ?, ?)");
    }
}
