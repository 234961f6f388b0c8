package io.frontline.flink;

import io.frontline.ingest.Format;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job run locally, end to end: an embedded KRaft broker, the reports of a directory written to the input topic as
 * JSON lines, the streaming job (bounded to what the topic holds, exactly-once sinks) in an in-process MiniCluster, an
 * in-memory H2 database for the upsert sink; then the outputs read back and counted. {@link #bench} times the same
 * pipeline over many reports at parallelism 1 and 2.
 */
public final class Demo {
    private final PrintStream out;

    public Demo(PrintStream out) {
        this.out = out;
    }

    /** The reports of a directory as JSON lines: {@code .jsonl} files line by line, other files as one object each. */
    public static List<String> jsonLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String f : ArchiveFiles.list(dir)) {
            String content = Files.readString(Path.of(f), StandardCharsets.UTF_8);
            Format format = Format.byName(f);
            if (format == Format.JSON_LINES) {
                content.lines().filter(l -> !l.isBlank()).forEach(lines::add);
            } else if (format != Format.FEED) {
                var n = Json.object();
                n.put(format == Format.HTML ? "html" : "text", content);
                n.put("url", Path.of(f).toUri().toString());
                lines.add(Json.text(n));
            }
        }
        return lines;
    }

    /** Runs the job once over the lines; prints and returns the figures. */
    public Figures run(List<String> lines, int parallelism, String label, boolean print) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String run = label + "-" + System.nanoTime();
            JobOptions o = JobOptions.defaults().with(b -> {
                b.bootstrap = kafka.bootstrap();
                b.group = run;
                b.transactionPrefix = run;
                b.checkpointMs = 1000;
                b.parallelism = parallelism;
                b.bounded = true;
                b.jdbc = new JdbcTarget("jdbc:h2:mem:" + run + ";DB_CLOSE_DELAY=-1", "sa", "");
            });
            kafka.createTopics(Math.max(1, parallelism), o.inputTopic());
            kafka.createTopics(2, o.eventsTopic(), o.claimsTopic(), o.controlTopic());
            TopicReader.send(kafka.bootstrap(), o.inputTopic(), lines);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            long t0 = System.nanoTime();
            JobExecutionResult result = FrontlineRunner.run(env, o);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Figures f = new Figures(parallelism, lines.size(), count(result, ExtractFunction.REPORTS), count(result, ExtractFunction.EVENTS), seconds,
                    distinct(TopicReader.readAll(kafka.bootstrap(), o.eventsTopic())),
                    distinct(TopicReader.readAll(kafka.bootstrap(), o.claimsTopic())),
                    distinct(TopicReader.readAll(kafka.bootstrap(), o.controlTopic())),
                    rows(o.jdbc(), JdbcTarget.EVENTS), rows(o.jdbc(), JdbcTarget.CLAIMS), rows(o.jdbc(), JdbcTarget.CONTROL));
            if (print) {
                f.print(out);
            }
            return f;
        }
    }

    public void demo(Path dir) throws Exception {
        List<String> lines = jsonLines(dir);
        out.printf("feeding %d reports of %s to an embedded Kafka broker (KRaft) and running the job (parallelism 2)...%n", lines.size(), dir);
        run(lines, 2, "demo", true);
    }

    /** Warms up, then runs the job over the reports repeated {@code repeat} times at parallelism 1 and 2. */
    public void bench(Path dir, int repeat) throws Exception {
        List<String> once = jsonLines(dir);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            lines.addAll(once);
        }
        out.printf("bench: %d reports of %s x %d = %d records, %d cores%n", once.size(), dir, repeat, lines.size(),
                Runtime.getRuntime().availableProcessors());
        run(once, 1, "warmup", false);
        Figures one = run(lines, 1, "p1", true);
        Figures two = run(lines, 2, "p2", true);
        out.printf(Locale.ROOT, "events/s p1=%.1f p2=%.1f scaling=x%.2f%n", one.eventsPerSecond(), two.eventsPerSecond(),
                two.eventsPerSecond() / one.eventsPerSecond());
    }

    private static long count(JobExecutionResult r, String name) {
        Object v = r.getAccumulatorResult(name);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static long distinct(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).distinct().count();
    }

    private static long rows(JdbcTarget db, String table) throws Exception {
        try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What one run did. */
    public record Figures(int parallelism, int records, long reports, long eventsExtracted, double seconds, long events, long claims,
                          long controlChanges, long eventRows, long claimRows, long controlRows) {
        public double eventsPerSecond() {
            return eventsExtracted / seconds;
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "parallelism %d: %d records, %d reports, %d events extracted in %.2f s (job wall time incl. start-up): "
                            + "%.1f events/s, %.1f reports/s%n", parallelism, records, reports, eventsExtracted, seconds, eventsPerSecond(),
                    reports / seconds);
            out.printf(Locale.ROOT, "  published (distinct keys, read committed): %d events, %d claims, %d control changes; "
                    + "rows: %d events, %d claims, %d control%n", events, claims, controlChanges, eventRows, claimRows, controlRows);
        }
    }

}
