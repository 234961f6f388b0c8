package io.frontline.flink;

import org.apache.flink.connector.base.DeliveryGuarantee;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's options, from the command line ({@link #parse}): where reports come from and where the outputs go.
 *
 * @param bootstrap         Kafka bootstrap servers (null: no Kafka source or sinks)
 * @param guarantee         of the Kafka sinks: {@code EXACTLY_ONCE} (transactions committed on checkpoints; the default)
 *                          or {@code AT_LEAST_ONCE} (records are keyed by their ids, so consumers can drop repeats)
 * @param jdbc              the database of the upsert sink (null: none)
 * @param archive           a directory to reprocess in batch mode (null: stream from Kafka)
 * @param bounded           stream only what the input topic holds when the job starts, then finish
 */
public record JobOptions(String bootstrap, String inputTopic, String eventsTopic, String claimsTopic, String controlTopic,
                         String group, DeliveryGuarantee guarantee, String transactionPrefix, JdbcTarget jdbc,
                         long checkpointMs, int parallelism, Path archive, boolean bounded) {
    public static final String USAGE = """
            options:
              --bootstrap HOST:PORT     Kafka bootstrap servers (source and sinks)
              --input-topic T           reports, one JSON line per record (default frontline.reports)
              --events-topic T          events (default frontline.events)
              --claims-topic T          claims (default frontline.claims)
              --control-topic T         control changes (default frontline.control)
              --group G                 consumer group of the source (default frontline-flink)
              --guarantee G             exactly-once (default) or at-least-once, of the Kafka sinks
              --transaction-prefix P    prefix of the sinks' transactional ids (default frontline-flink)
              --jdbc URL                PostgreSQL (jdbc:postgresql://HOST/DB) or H2 URL for the upsert sink
              --jdbc-user U, --jdbc-password P   its credentials (default FRONTLINE_DB_USER / FRONTLINE_DB_PASSWORD)
              --checkpoint-ms N         checkpoint interval (default 10000)
              --parallelism N           default parallelism (default: the environment's)
              --archive DIR             batch mode: reprocess the report files of DIR instead of reading Kafka
              --bounded                 stream only what the input topic holds at start, then finish
            """;

    public static JobOptions defaults() {
        return new JobOptions(null, "frontline.reports", "frontline.events", "frontline.claims", "frontline.control", "frontline-flink",
                DeliveryGuarantee.EXACTLY_ONCE, "frontline-flink", null, 10_000, -1, null, false);
    }

    public static JobOptions parse(List<String> args) {
        JobOptions o = defaults();
        String jdbcUrl = null;
        String user = System.getenv().getOrDefault("FRONTLINE_DB_USER", "");
        String password = System.getenv().getOrDefault("FRONTLINE_DB_PASSWORD", "");
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String opt = rest.remove(0);
            if (opt.equals("--bounded")) {
                o = o.with(b -> b.bounded = true);
                continue;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("option " + opt + " needs a value\n" + USAGE);
            }
            String v = rest.remove(0);
            switch (opt) {
                case "--bootstrap" -> o = o.with(b -> b.bootstrap = v);
                case "--input-topic" -> o = o.with(b -> b.inputTopic = v);
                case "--events-topic" -> o = o.with(b -> b.eventsTopic = v);
                case "--claims-topic" -> o = o.with(b -> b.claimsTopic = v);
                case "--control-topic" -> o = o.with(b -> b.controlTopic = v);
                case "--group" -> o = o.with(b -> b.group = v);
                case "--guarantee" -> o = o.with(b -> b.guarantee = guarantee(v));
                case "--transaction-prefix" -> o = o.with(b -> b.transactionPrefix = v);
                case "--jdbc" -> jdbcUrl = v;
                case "--jdbc-user" -> user = v;
                case "--jdbc-password" -> password = v;
                case "--checkpoint-ms" -> o = o.with(b -> b.checkpointMs = positive(opt, v));
                case "--parallelism" -> o = o.with(b -> b.parallelism = (int) positive(opt, v));
                case "--archive" -> o = o.with(b -> b.archive = Path.of(v));
                default -> throw new IllegalArgumentException("unknown option " + opt + "\n" + USAGE);
            }
        }
        if (jdbcUrl != null) {
            JdbcTarget t = new JdbcTarget(jdbcUrl, user, password);
            o = o.with(b -> b.jdbc = t);
        }
        return o;
    }

    private static DeliveryGuarantee guarantee(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
            case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            default -> throw new IllegalArgumentException("--guarantee must be exactly-once or at-least-once, not " + v);
        };
    }

    private static long positive(String opt, String v) {
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(opt + " must be a positive number, not " + v);
    }

    /** A copy with some fields changed. */
    public JobOptions with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** Mutable copy of the options, for {@link #with}. */
    public static final class Builder {
        public String bootstrap;
        public String inputTopic;
        public String eventsTopic;
        public String claimsTopic;
        public String controlTopic;
        public String group;
        public DeliveryGuarantee guarantee;
        public String transactionPrefix;
        public JdbcTarget jdbc;
        public long checkpointMs;
        public int parallelism;
        public Path archive;
        public boolean bounded;

        Builder(JobOptions o) {
            bootstrap = o.bootstrap;
            inputTopic = o.inputTopic;
            eventsTopic = o.eventsTopic;
            claimsTopic = o.claimsTopic;
            controlTopic = o.controlTopic;
            group = o.group;
            guarantee = o.guarantee;
            transactionPrefix = o.transactionPrefix;
            jdbc = o.jdbc;
            checkpointMs = o.checkpointMs;
            parallelism = o.parallelism;
            archive = o.archive;
            bounded = o.bounded;
        }

        JobOptions build() {
            return new JobOptions(bootstrap, inputTopic, eventsTopic, claimsTopic, controlTopic, group, guarantee, transactionPrefix,
                    jdbc, checkpointMs, parallelism, archive, bounded);
        }
    }
}
