package io.frontline.cli;

import io.frontline.store.JdbcEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety of ingest: {@code frontline ingest} runs as a child JVM over 300 generated reports and is killed with
 * SIGKILL once some are stored; a second run over the same batch stores the rest. It stores {@value #BATCH} reports per
 * transaction: the first run leaves whole transactions (a multiple of {@value #BATCH} reports, each with all its events).
 * Afterwards every file is stored exactly once, every stored report has all its events, and the second run counts the
 * first run's reports as already present.
 */
class IngestCrashTest {
    static final int FILES = 300;
    static final int BATCH = 10;

    @Test
    void aKilledIngestLeavesWholeReportsAndASecondRunCompletesTheBatch(@TempDir Path dir) throws Exception {
        Path batch = Files.createDirectories(dir.resolve("batch"));
        String[] samples = {"2017-09-20-desert-front.txt", "2016-11-24-al-bab-front.md"};
        for (int i = 0; i < FILES; i++) {
            String name = samples[i % 2];
            String text = Files.readString(Path.of("samples", name), StandardCharsets.UTF_8);
            // each file a distinct text (its own content hash): a numbered closing line
            Files.writeString(batch.resolve(String.format("r%03d-%s", i, name)),
                    text + "\n\nDispatch " + i + " of the crash test batch.\n", StandardCharsets.UTF_8);
        }
        Path data = dir.resolve("data");

        Process first = ingest(batch, data);
        AtomicInteger progress = new AtomicInteger();
        Thread reader = follow(first, progress, new StringBuilder());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (progress.get() < 40 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.isAlive()).as("the first run is still ingesting when it is killed (at input " + progress.get() + ")").isTrue();
        first.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no close
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5000);
        int killedAt = progress.get();

        int storedByFirst;
        try (Connection c = DriverManager.getConnection(JdbcEventStore.h2Url(data), "sa", "")) {
            storedByFirst = consistent(c);
        }
        assertThat(storedByFirst).as("reports committed before the kill at input " + killedAt).isBetween(1, FILES - 1);
        assertThat(storedByFirst % BATCH).as("reports of a half-written batch (" + storedByFirst + " stored)").isZero();

        Process second = ingest(batch, data);
        StringBuilder out = new StringBuilder();
        Thread r2 = follow(second, new AtomicInteger(), out);
        assertThat(second.waitFor(600, TimeUnit.SECONDS)).as("the second run ends").isTrue();
        r2.join(5000);
        assertThat(second.exitValue()).as(out.toString()).isZero();
        assertThat(out.toString()).contains("reports read: " + FILES + ", stored: " + (FILES - storedByFirst)
                + ", already present: " + storedByFirst + ", refused: 0");
        try (Connection c = DriverManager.getConnection(JdbcEventStore.h2Url(data), "sa", "")) {
            assertThat(consistent(c)).isEqualTo(FILES);
            assertThat(one(c, "SELECT COUNT(DISTINCT file) FROM reports")).isEqualTo(FILES);
            assertThat(one(c, "SELECT COUNT(DISTINCT content_hash) FROM reports")).isEqualTo(FILES);
        }
    }

    /** Checks that every report has exactly its events and each event its evidence; returns the number of reports. */
    static int consistent(Connection c) throws Exception {
        assertThat(one(c, "SELECT COUNT(*) FROM reports r WHERE r.event_count <> "
                + "(SELECT COUNT(*) FROM events e WHERE e.report_id = r.id)")).as("reports with missing or extra events").isZero();
        assertThat(one(c, "SELECT COUNT(*) FROM reports r WHERE r.event_count = 0")).as("reports without events").isZero();
        // since V4 an event's evidence spans live in its documents (the event's evidence and per-field provenance; since
        // V10 the provenance only in the contract object)
        assertThat(one(c, "SELECT COUNT(*) FROM event_documents d WHERE d.provenance IS NOT NULL"
                + " OR d.event_json NOT LIKE '%\"provenance\":{\"%\"start\"%'"
                + " OR d.event_json NOT LIKE '%\"evidence\":{\"start\"%'")).as("events without evidence").isZero();
        assertThat(one(c, "SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_documents d WHERE d.event_id = e.id)"))
                .as("events without their document").isZero();
        assertThat(one(c, "SELECT COUNT(*) - COUNT(DISTINCT file) FROM reports")).as("files stored twice").isZero();
        return one(c, "SELECT COUNT(*) FROM reports");
    }

    static int one(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static Process ingest(Path batch, Path data) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", cp, Main.class.getName(), "ingest", "--progress", "--batch", String.valueOf(BATCH), "--data", data.toString(),
                batch.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    static final Pattern PROGRESS = Pattern.compile("ingest: (\\d+)/\\d+ inputs");

    static Thread follow(Process p, AtomicInteger progress, StringBuilder all) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (all) {
                        all.append(line).append('\n');
                    }
                    Matcher m = PROGRESS.matcher(line);
                    if (m.find()) {
                        progress.set(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process was killed
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
