package io.frontline.cli;

import io.frontline.Frontline;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.EventFilter;
import io.frontline.store.Cursor;
import io.frontline.store.JdbcEventStore;
import io.frontline.store.ReportDoc;
import io.frontline.store.SyntheticReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code frontline bench-store}: ingest rate into the store and latency of filtered queries over a synthetic store. */
@Command(name = "bench-store", mixinStandardHelpOptions = true,
        description = {"Measure the store: ingest reports/s (already extracted, one thread) and p50/p95 of filtered event "
                + "queries (a page of 50 with the total) over a synthetic store of --events events.",
                "Ingest is measured two ways at the same store sizes: one report per transaction (ingest_reports/s) and "
                        + "--batch reports per transaction (bulk_reports/s), both also per CPU-second of the writing thread.",
                "The last line is: ingest_reports/s=<n> events=<n> query_p95_ms=<n> ingest_reports/cpu_s=<n> "
                        + "query_p95_cpu_ms=<n> bulk_reports/s=<n> bulk_reports/cpu_s=<n> batch=<n>"})
final class BenchStoreCommand implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "100000", description = "Events in the synthetic store (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--events-per-report", defaultValue = "10", description = "Events per synthetic report (default: ${DEFAULT-VALUE}).")
    int perReport;

    @Option(names = "--batch", defaultValue = "200", description = "Reports per transaction of the bulk ingest measured (as "
            + "ingest --batch; default: ${DEFAULT-VALUE}). Every fifth chunk of this many is written one report per transaction "
            + "instead, for the one-by-one figures; 1 writes every report so.")
    int batch;

    @Option(names = "--queries", defaultValue = "200", description = "Measured queries per kind (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "samples",
            description = "Real reports whose extracted events the synthetic ones copy (default: ${DEFAULT-VALUE}).")
    String reports;

    @Option(names = "--data", paramLabel = "DIR", description = "Embedded store to fill (default: a temporary directory, "
            + "deleted afterwards). Must be empty.")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "Benchmark an (empty) PostgreSQL database instead.")
    String db;

    @Option(names = "--queries-only", description = "Measure queries on the store as it is (filled by an earlier run with --data).")
    boolean queriesOnly;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $FRONTLINE_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (default: $FRONTLINE_DB_PASSWORD).")
    String password;

    @Override
    public Integer call() throws IOException {
        if (batch < 1 || batch > 100_000) {
            System.err.println("frontline: bench-store: --batch must be from 1 to 100000, got " + batch);
            return 2;
        }
        ReportInputs in = new ReportInputs(50_000_000);
        in.add(reports, System.in);
        if (in.inputs.isEmpty()) {
            System.err.println("frontline: bench-store: no reports read from " + reports);
            return 1;
        }
        Frontline f = new Frontline(BundledKnowledge.load());
        List<ReportDoc> bases = new ArrayList<>();
        for (ReportInputs.Input i : in.inputs) {
            bases.add(ReportDoc.of(f.extract(i.name(), i.text()), i.text()));
        }
        boolean temp = data == null && db == null;
        Path dir = temp ? Files.createTempDirectory("frontline-bench-store") : data;
        try (JdbcEventStore store = db == null ? JdbcEventStore.embedded(dir)
                : JdbcEventStore.open(db, user != null ? user : System.getenv("FRONTLINE_DB_USER"),
                password != null ? password : System.getenv().getOrDefault("FRONTLINE_DB_PASSWORD", ""))) {
            System.out.printf(Locale.ROOT, "store: %s%n", store.url());
            double rps = 0;
            cpuRps = 0;
            if (queriesOnly) {
                if (store.eventCount() == 0) {
                    System.err.println("frontline: bench-store: --queries-only needs a filled store");
                    return 1;
                }
            } else if (store.eventCount() > 0) {
                System.err.println("frontline: bench-store: the store is not empty (" + store.eventCount() + " events); give an empty one");
                return 1;
            } else {
                rps = ingest(store, bases);
            }
            long total = store.eventCount();
            System.out.printf(Locale.ROOT, "store: %d events%n", total);
            Random r = new Random(7);
            // text filters taken from the stored events: a word of an actor and of the source
            String actor = word(bases.stream().flatMap(b -> b.events().stream()).map(e -> (String) e.get("actor1"))
                    .filter(java.util.Objects::nonNull).findFirst().orElse("forces"));
            String source = word(bases.stream().map(ReportDoc::source).filter(java.util.Objects::nonNull).findFirst().orElse("news"));
            Map<String, List<Double>> byKind = new java.util.LinkedHashMap<>();
            Map<String, List<Double>> cpuByKind = new java.util.LinkedHashMap<>();
            List<Double> all = new ArrayList<>();
            List<Double> allCpu = new ArrayList<>();
            for (int q = 0; q < queries + 20; q++) {
                for (String kind : KINDS) {
                    Map<String, String> p = new HashMap<>();
                    var from = SyntheticReports.FIRST.plusDays(r.nextInt(SyntheticReports.DAYS - 60));
                    switch (kind) {
                        case "date+side" -> {
                            p.put("from", from.toString());
                            p.put("to", from.plusDays(30).toString());
                            p.put("side", SyntheticReports.SIDES[r.nextInt(SyntheticReports.SIDES.length)]);
                        }
                        case "date+bbox" -> {
                            p.put("from", from.toString());
                            p.put("to", from.plusDays(30).toString());
                            double lon = 36 + r.nextDouble() * 5;
                            double lat = 33 + r.nextDouble() * 3;
                            p.put("bbox", lon + "," + lat + "," + (lon + 1) + "," + (lat + 1));
                        }
                        case "near+date" -> {
                            p.put("near", (33 + r.nextDouble() * 3) + "," + (36 + r.nextDouble() * 5));
                            p.put("radius_km", "25");
                            p.put("from", from.toString());
                            p.put("to", from.plusDays(365).toString());
                        }
                        case "type+min_confidence" -> {
                            p.put("type", "Armed clash");
                            p.put("min_confidence", "0.9");
                            p.put("from", from.toString());
                            p.put("to", from.plusDays(30).toString());
                        }
                        case "date" -> {
                            p.put("from", from.toString());
                            p.put("to", from.plusDays(30).toString());
                        }
                        case "type" -> p.put("type", r.nextBoolean() ? "Battles" : "armed clash");
                        case "actor+date" -> {
                            p.put("actor", actor);
                            p.put("from", from.toString());
                            p.put("to", from.plusDays(30).toString());
                        }
                        case "source+date" -> {
                            p.put("source", source);
                            p.put("from", from.toString());
                            p.put("to", from.plusDays(30).toString());
                        }
                        case "min_confidence" -> p.put("min_confidence", "0.95");
                        case "status" -> p.put("status", "unreviewed");
                        default -> {
                            // "all": no filter; "all, cursor": the page after a random event (keyset paging)
                        }
                    }
                    EventFilter filter = EventFilter.parse(p, n -> null);
                    long c = THREADS.getCurrentThreadCpuTime();
                    long s = System.nanoTime();
                    store.events(filter, 50, 0, kind.equals("all, cursor") ? new Cursor(from, "syn").encode() : null);
                    double ms = (System.nanoTime() - s) / 1e6;
                    double cpuMs = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
                    if (q >= 20) {
                        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(ms);
                        cpuByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(cpuMs);
                        all.add(ms);
                        allCpu.add(cpuMs);
                    }
                }
            }
            byKind.forEach((k, v) -> System.out.printf(Locale.ROOT, "query %-20s p50 %.1f ms  p95 %.1f ms  max %.1f ms (%d queries; "
                    + "CPU of this thread p50 %.1f ms  p95 %.1f ms)%n", k, pct(v, 50), pct(v, 95), pct(v, 100), v.size(),
                    pct(cpuByKind.get(k), 50), pct(cpuByKind.get(k), 95)));
            System.out.printf(Locale.ROOT, "ingest_reports/s=%.0f events=%d query_p95_ms=%.1f ingest_reports/cpu_s=%.0f query_p95_cpu_ms=%.1f "
                    + "bulk_reports/s=%.0f bulk_reports/cpu_s=%.0f batch=%d%n",
                    rps, total, pct(all, 95), cpuRps, pct(allCpu, 95), bulkRps, bulkCpuRps, batch);
        } finally {
            if (temp) {
                delete(dir);
            }
        }
        return 0;
    }

    /** The kinds of query measured, each a page of 50 with its (capped) total. */
    static final List<String> KINDS = List.of("date+side", "date+bbox", "near+date", "type+min_confidence", "date", "type",
            "actor+date", "source+date", "min_confidence", "status", "all", "all, cursor");

    /** The longest word of a text, lower-cased (a contains filter that matches the stored value). */
    private static String word(String s) {
        String best = "";
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() > best.length()) {
                best = w;
            }
        }
        return best;
    }

    /**
     * Fills the store and measures both ways of writing at the same store sizes: the reports go in chunks of {@code
     * --batch}, every fifth chunk one report per transaction ({@code save}, the fields ingest_reports/s and
     * ingest_reports/cpu_s) and the others one transaction per chunk ({@code saveAll}, the bulk_ fields).
     */
    private double ingest(JdbcEventStore store, List<ReportDoc> bases) {
        SyntheticReports syn = new SyntheticReports(bases, perReport, 42);
        long nReports = (events + perReport - 1) / perReport;
        // warm-up on the first 1% (at most 2,000 reports), both ways, then measure the rest
        long warm = Math.min(2000, Math.max(2, nReports / 100));
        for (long i = 0; i < warm; i += batch) {
            write(store, syn, i, Math.min(warm, i + batch), i % 2 == 0 && batch > 1);
        }
        Rate single = new Rate();
        Rate bulk = new Rate();
        long start = System.nanoTime();
        long processStart = processCpu();
        long lastPrint = start;
        long chunk = 0;
        for (long i = warm; i < nReports; i += batch, chunk++) {
            long to = Math.min(nReports, i + batch);
            boolean inBulk = batch > 1 && chunk % 5 != 4;
            Rate rate = inBulk ? bulk : single;
            long bytes = store.bytesWritten();
            long c = THREADS.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            write(store, syn, i, to, inBulk);
            rate.add(to - i, System.nanoTime() - s, THREADS.getCurrentThreadCpuTime() - c);
            rate.bytes += store.bytesWritten() - bytes;
            long now = System.nanoTime();
            if (now - lastPrint > 10_000_000_000L) {
                System.out.printf(Locale.ROOT, "  ... %d reports, %.0f reports/s%n", to, (to - warm) / ((now - start) / 1e9));
                lastPrint = now;
            }
        }
        double processSecs = (processCpu() - processStart) / 1e9;
        double rps = single.perSecond();
        cpuRps = single.perCpuSecond();
        bulkRps = bulk.perSecond();
        bulkCpuRps = bulk.perCpuSecond();
        System.out.printf(Locale.ROOT, "ingest: %d reports (%d events each) in %.1f s: %.0f reports/s, %.0f events/s "
                + "(extraction not included; see frontline bench)%n", single.reports, perReport, single.nanos / 1e9, rps, rps * perReport);
        System.out.printf(Locale.ROOT, "ingest CPU: %.1f s of this thread (%.0f reports per CPU-second), %.1f s of the whole process "
                + "(%.0f reports per CPU-second; database background threads, JIT and GC included)%n",
                single.cpuNanos / 1e9, cpuRps, processSecs, processSecs > 0 ? (nReports - warm) / processSecs : 0);
        if (store.bytesWritten() >= 0) {
            System.out.printf(Locale.ROOT, "H2 wrote to its file (a count the machine's load does not change): %.1f KB per report "
                    + "one by one, %.1f KB per report in bulk%n", single.bytes / 1e3 / Math.max(1, single.reports),
                    bulk.bytes / 1e3 / Math.max(1, bulk.reports));
        }
        if (batch > 1) {
            System.out.printf(Locale.ROOT, "bulk ingest: %d reports in transactions of %d in %.1f s: %.0f reports/s, %.0f events/s; "
                            + "CPU %.1f s of this thread (%.0f reports per CPU-second); the one-by-one figures above are of every fifth "
                            + "chunk, written between these%n", bulk.reports, batch, bulk.nanos / 1e9, bulkRps, bulkRps * perReport,
                    bulk.cpuNanos / 1e9, bulkCpuRps);
        }
        return rps;
    }

    /** Writes synthetic reports {@code from} to {@code to} (exclusive): in one transaction, or one report per transaction. */
    private static void write(JdbcEventStore store, SyntheticReports syn, long from, long to, boolean inBulk) {
        if (inBulk) {
            List<ReportDoc> docs = new ArrayList<>();
            for (long i = from; i < to; i++) {
                docs.add(syn.report(i));
            }
            store.saveAll(docs).stream().filter(r -> r.refused() != null).findFirst().ifPresent(r -> {
                throw new IllegalStateException("bench-store: a synthetic report was refused: " + r.refused());
            });
        } else {
            for (long i = from; i < to; i++) {
                store.save(syn.report(i));
            }
        }
    }

    /** Reports written one way, with the wall and writing-thread CPU time they took. */
    private static final class Rate {
        long reports;
        long nanos;
        long cpuNanos;
        long bytes;

        void add(long n, long wall, long cpu) {
            reports += n;
            nanos += wall;
            cpuNanos += cpu;
        }

        double perSecond() {
            return nanos == 0 ? 0 : reports / (nanos / 1e9);
        }

        double perCpuSecond() {
            return cpuNanos == 0 ? 0 : reports / (cpuNanos / 1e9);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private double cpuRps;
    private double bulkRps;
    private double bulkCpuRps;

    private static long processCpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double pct(List<Double> v, int p) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[Math.min(a.length - 1, (int) Math.ceil(p / 100.0 * a.length) - 1)];
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
