package io.frontline.cli;

import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.gazetteer.Gazetteer;
import io.frontline.gazetteer.GazetteerIndex;
import io.frontline.gazetteer.NameKey;
import io.frontline.gazetteer.Place;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.IngestResult;
import io.frontline.store.JdbcEventStore;
import io.frontline.store.ReportDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code frontline bench}: throughput and latency of extraction (on 1..N threads) and of gazetteer lookups.
 * Reports are streamed from disk through a bounded queue, so memory does not grow with the corpus; rates are
 * given per wall-clock second and per CPU-second of the measuring threads (the latter is steadier on a shared machine).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure extraction (reports/s, MB/s, latency p50/p99, heap) and gazetteer lookups.",
                "Reports are read from disk by one thread and extracted by --threads workers over a bounded queue.",
                "Warms up first; the last line is: reports/s=<n> p99_ms=<n> heap_mb=<n> (one thread)"})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "../shared/data/corpus/wikipedia-dev",
            description = "Reports to extract (default: ${DEFAULT-VALUE}).")
    String reports;

    @Option(names = "--repeat", defaultValue = "5", description = "Measured passes over the reports (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Also extract with 2..N worker threads and print the scaling against one thread (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--synthetic", paramLabel = "N", defaultValue = "0",
            description = "Extract N synthetic reports (paragraphs of the --reports recombined, place names drawn from the "
                    + "gazetteer, fixed seed), generated while they are extracted, instead of the reports themselves (one pass).")
    long synthetic;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the synthetic reports (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--store-reports", paramLabel = "N", defaultValue = "200",
            description = "Also extract and store N reports on one thread into an embedded H2 store in a temporary directory "
                    + "(0: skip; default: ${DEFAULT-VALUE}).")
    long storeReports;

    @Option(names = "--no-gazetteer", description = "Skip the gazetteer lookup and heap measurements.")
    boolean noGazetteer;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MAX_BYTES = 50_000_000;

    @Override
    public Integer call() throws Exception {
        List<Path> files = list(reports);
        if (files.isEmpty()) {
            System.err.println("frontline: bench: no reports read from " + reports);
            return 1;
        }
        if (threads < 1 || repeat < 1 || synthetic < 0 || storeReports < 0) {
            System.err.println("frontline: bench: --threads and --repeat must be at least 1, --synthetic and --store-reports not negative");
            return 2;
        }
        long t0 = System.nanoTime();
        KnowledgeBase kb = BundledKnowledge.load();
        System.out.printf(Locale.ROOT, "knowledge loaded in %.0f ms (%d places)%n", (System.nanoTime() - t0) / 1e6, kb.gazetteer().size());
        Inputs warm = new FileInputs(files.subList(0, Math.min(files.size(), 30)), 2);
        Inputs inputs;
        String what;
        if (synthetic > 0) {
            Synthetic syn = Synthetic.of(files, kb.gazetteer(), seed);
            inputs = syn.stream(synthetic);
            warm = syn.stream(Math.min(synthetic, 60));
            what = String.format(Locale.ROOT, "%d synthetic reports (from %d paragraphs of %d files, %d place names; seed %d)",
                    synthetic, syn.paragraphs.size(), files.size(), syn.places.length, seed);
        } else {
            inputs = new FileInputs(files, repeat);
            what = String.format(Locale.ROOT, "%d files x %d", files.size(), repeat);
        }
        run(kb, warm, 1); // warm-up
        Run one = run(kb, inputs, 1);
        long heap = usedAfterGc() / (1024 * 1024);
        System.out.printf(Locale.ROOT, "extraction: %s, %d reports, %.2f MB, %d events (one thread)%n",
                what, one.reports, one.bytes / 1e6, one.events);
        System.out.printf(Locale.ROOT, "  %.1f reports/s, %.2f MB/s wall; %.2f MB and %.0f reports per CPU-second; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms"
                        + " (CPU time: p50 %.2f ms, p99 %.2f ms)%n",
                one.reportsPerSec(), one.mbPerSec(), one.mbPerCpuSec(), one.reports / (one.cpuNanos / 1e9),
                one.latency.percentile(0.5) / 1e6, one.latency.percentile(0.99) / 1e6, one.latency.max / 1e6,
                one.cpuLatency.percentile(0.5) / 1e6, one.cpuLatency.percentile(0.99) / 1e6);
        Bare bare = bare(kb.gazetteer(), inputs);
        System.out.printf(Locale.ROOT, "bare single pass (decode UTF-8, split words, lower-case, hash-set lookup of %d gazetteer words; %d hits):%n"
                        + "  %.1f MB per CPU-second; extraction is %.0fx slower (target: within 12x)%n",
                bare.words, bare.hits, bare.mbPerCpuSec(), bare.mbPerCpuSec() / one.mbPerCpuSec());
        if (threads > 1) {
            System.out.printf(Locale.ROOT, "scaling (reader thread + N workers, queue of 2N reports):%n");
            System.out.printf(Locale.ROOT, "  threads=1 %.1f reports/s %.2f MB/s x1.00 (%.2f MB per CPU-second)%n", one.reportsPerSec(),
                    one.mbPerSec(), one.mbPerCpuSec());
            for (int t = 2; t <= threads; t++) {
                Run r = run(kb, inputs, t);
                System.out.printf(Locale.ROOT, "  threads=%d %.1f reports/s %.2f MB/s x%.2f (%.2f MB per CPU-second of the workers; p99 %.2f ms; "
                                + "heap after: %d MB)%n", t, r.reportsPerSec(), r.mbPerSec(), r.mbPerSec() / one.mbPerSec(), r.mbPerCpuSec(),
                        r.latency.percentile(0.99) / 1e6, usedAfterGc() / (1024 * 1024));
            }
        }
        if (storeReports > 0) {
            Inputs toStore = synthetic > 0 ? Synthetic.of(files, kb.gazetteer(), seed + 1).stream(storeReports) : new FileInputs(files, 1);
            Run st = store(kb, toStore, storeReports);
            System.out.printf(Locale.ROOT, "extraction + store (one thread, embedded H2 in a temporary directory, one transaction per report):%n"
                            + "  %d reports, %d events: %.1f reports/s wall, %.1f reports per CPU-second of the thread; p50 %.2f ms, p99 %.2f ms%n",
                    st.reports, st.events, st.reportsPerSec(), st.reports / (st.cpuNanos / 1e9), st.latency.percentile(0.5) / 1e6,
                    st.latency.percentile(0.99) / 1e6);
        }
        System.out.printf(Locale.ROOT, "heap after extraction: %d MB in use after full GC (knowledge base included)%n", heap);
        if (!noGazetteer) {
            gazetteer(kb.gazetteer());
        }
        System.out.printf(Locale.ROOT, "reports/s=%.1f p99_ms=%.2f heap_mb=%d%n", one.reportsPerSec(), one.latency.percentile(0.99) / 1e6, heap);
        return 0;
    }

    /** The report files of a file or directory argument, sorted; nothing is read yet. */
    private static List<Path> list(String arg) throws IOException {
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                return s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md"))
                        .sorted().toList();
            }
        }
        return Files.exists(p) ? List.of(p) : List.of();
    }

    record Work(String name, String text, io.frontline.ingest.Format format, long bytes) {
        static final Work END = new Work(null, null, null, 0);
    }

    /** A stream of reports to extract, produced on demand (never all held in memory). */
    interface Inputs {
        void feed(WorkSink sink) throws InterruptedException;
    }

    interface WorkSink {
        void accept(Work w) throws InterruptedException;
    }

    /** The files, read and decoded as {@code extract} reads them, pass after pass. */
    record FileInputs(List<Path> files, int passes) implements Inputs {
        @Override
        public void feed(WorkSink sink) throws InterruptedException {
            for (int p = 0; p < passes; p++) {
                for (Path file : files) {
                    ReportInputs in = new ReportInputs(MAX_BYTES);
                    in.add(file.toString(), System.in);
                    for (ReportInputs.Input i : in.inputs) {
                        sink.accept(new Work(i.name(), i.text(), i.format(), i.text().getBytes(StandardCharsets.UTF_8).length));
                    }
                }
            }
        }
    }

    private static final class Run {
        long reports;
        long bytes;
        long events;
        long wallNanos;
        long cpuNanos;
        final Histogram latency = new Histogram();
        final Histogram cpuLatency = new Histogram();

        double reportsPerSec() {
            return reports / (wallNanos / 1e9);
        }

        double mbPerSec() {
            return bytes / 1e6 / (wallNanos / 1e9);
        }

        double mbPerCpuSec() {
            return bytes / 1e6 / (cpuNanos / 1e9);
        }
    }

    /**
     * Extracts the inputs on {@code n} worker threads. One reader thread reads and decodes (or generates) the reports
     * into a bounded queue; each worker has its own {@link Frontline} over the shared knowledge base.
     */
    private static Run run(KnowledgeBase kb, Inputs inputs, int n) throws InterruptedException {
        BlockingQueue<Work> queue = new ArrayBlockingQueue<>(2 * n);
        Run total = new Run();
        Run[] parts = new Run[n];
        Thread[] workers = new Thread[n];
        for (int w = 0; w < n; w++) {
            Run part = parts[w] = new Run();
            Frontline f = new Frontline(kb);
            workers[w] = new Thread(() -> {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                try {
                    for (Work work = queue.take(); work != Work.END; work = queue.take()) {
                        long s = System.nanoTime();
                        long c = THREADS.getCurrentThreadCpuTime();
                        // a page, feed or JSON lines file holds one or more reports, read as extract reads them
                        for (var report : f.read(work.name, work.text, work.format).reports()) {
                            part.events += f.extract(report).events().size();
                        }
                        part.cpuLatency.add(THREADS.getCurrentThreadCpuTime() - c);
                        part.latency.add(System.nanoTime() - s);
                        part.reports++;
                        part.bytes += work.bytes;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                part.cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu0;
            }, "bench-worker-" + w);
        }
        long start = System.nanoTime();
        for (Thread t : workers) {
            t.start();
        }
        inputs.feed(queue::put);
        for (int w = 0; w < n; w++) {
            queue.put(Work.END);
        }
        for (Thread t : workers) {
            t.join();
        }
        total.wallNanos = System.nanoTime() - start;
        for (Run part : parts) {
            total.reports += part.reports;
            total.bytes += part.bytes;
            total.events += part.events;
            total.cpuNanos += part.cpuNanos;
            total.latency.addAll(part.latency);
            total.cpuLatency.addAll(part.cpuLatency);
        }
        return total;
    }

    /** Extraction and storing on this thread: at most {@code max} reports, each written in its own transaction. */
    private static Run store(KnowledgeBase kb, Inputs inputs, long max) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("frontline-bench");
        Run run = new Run();
        Frontline f = new Frontline(kb);
        try (JdbcEventStore store = JdbcEventStore.embedded(dir)) {
            long start = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            inputs.feed(work -> {
                if (run.reports >= max) {
                    return;
                }
                long s = System.nanoTime();
                for (var report : f.read(work.name, work.text, work.format).reports()) {
                    IngestResult r = store.save(ReportDoc.of(f.extract(report), work.text));
                    run.events += r.events();
                }
                run.latency.add(System.nanoTime() - s);
                run.reports++;
                run.bytes += work.bytes;
            });
            run.cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu0;
            run.wallNanos = System.nanoTime() - start;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return run;
    }

    /** The bare single pass's figures. */
    record Bare(long bytes, long cpuNanos, long hits, int words) {
        double mbPerCpuSec() {
            return bytes / 1e6 / (cpuNanos / 1e9);
        }
    }

    /**
     * The least any extractor must do, for scale: the UTF-8 bytes of each report decoded, split into words of letters,
     * each word lower-cased and looked up in a hash set (the words of the gazetteer's names). Timed on this thread's
     * CPU clock around the pass alone (reading or generating the reports and encoding them are not counted); the
     * inputs are taken in batches so that memory stays bounded.
     */
    static Bare bare(Gazetteer g, Inputs inputs) throws InterruptedException {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (int i = 0; i < g.size(); i++) {
            g.byId("wm:" + i).ifPresent(p -> {
                for (String w : p.name().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
            });
        }
        long[] acc = new long[3]; // bytes, cpu nanos, hits
        List<byte[]> batch = new ArrayList<>();
        // warm-up rounds (not counted) until the JIT has seen 20 MB, then one counted round
        for (long warmed = 0; ; ) {
            acc[0] = acc[1] = acc[2] = 0;
            inputs.feed(w -> {
                batch.add(w.text.getBytes(StandardCharsets.UTF_8));
                if (batch.size() == 256) {
                    barePass(batch, words, acc);
                    batch.clear();
                }
            });
            barePass(batch, words, acc);
            batch.clear();
            if (warmed >= 20_000_000) {
                break;
            }
            warmed += acc[0];
        }
        return new Bare(acc[0], acc[1], acc[2], words.size());
    }

    private static void barePass(List<byte[]> batch, java.util.Set<String> words, long[] acc) {
        long c = THREADS.getCurrentThreadCpuTime();
        long hits = 0;
        long bytes = 0;
        for (byte[] b : batch) {
            String text = new String(b, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            bytes += b.length;
            int n = text.length();
            int start = -1;
            for (int i = 0; i <= n; i++) {
                if (i < n && Character.isLetter(text.charAt(i))) {
                    if (start < 0) {
                        start = i;
                    }
                } else if (start >= 0) {
                    hits += words.contains(text.substring(start, i)) ? 1 : 0;
                    start = -1;
                }
            }
        }
        acc[1] += THREADS.getCurrentThreadCpuTime() - c;
        acc[0] += bytes;
        acc[2] += hits;
    }

    /** Latencies in logarithmic buckets (within 3%), so memory stays fixed however many reports run. */
    static final class Histogram {
        private static final int SUB = 5;
        private final long[] counts = new long[64 << SUB];
        long n;
        long max;

        void add(long nanos) {
            long v = Math.max(1, nanos);
            counts[bucket(v)]++;
            n++;
            max = Math.max(max, v);
        }

        void addAll(Histogram h) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += h.counts[i];
            }
            n += h.n;
            max = Math.max(max, h.max);
        }

        private static int bucket(long v) {
            int e = 63 - Long.numberOfLeadingZeros(v);
            if (e < SUB) {
                return (int) v;
            }
            return ((e - SUB + 1) << SUB) + (int) ((v >>> (e - SUB)) & ((1 << SUB) - 1));
        }

        private static long upper(int b) {
            if (b < (1 << SUB)) {
                return b;
            }
            int e = (b >>> SUB) + SUB - 1;
            long sub = b & ((1 << SUB) - 1);
            return ((1L << SUB) + sub + 1) << (e - SUB);
        }

        /** The value at or below which the fraction {@code q} of the latencies lie (bucket's upper bound, capped at max). */
        long percentile(double q) {
            long rank = (long) Math.ceil(q * n);
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank && seen > 0) {
                    return Math.min(upper(i), max);
                }
            }
            return max;
        }
    }

    /**
     * The gazetteer's retained heap: heap in use after full collections, before and after building a second,
     * separate copy of the bundled gazetteer (its places included), which is kept reachable while measuring.
     */
    static long gazetteerHeapBytes() {
        long before = usedAfterGc();
        GazetteerIndex g = BundledKnowledge.gazetteer(List.of());
        long after = usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(g);
        return after - before;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /** Rates of {@code op} over the names in rounds of about 0.5 s: sorted per wall second, sorted per CPU-second, and hits. */
    private static double[][] rounds(int rounds, String[] names, java.util.function.ToIntFunction<String> op) {
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        long hits = 0;
        for (int r = 0; r < rounds; r++) {
            long s = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            long n = 0;
            while (System.nanoTime() - s < 500_000_000L) {
                for (String k : names) {
                    hits += op.applyAsInt(k);
                }
                n += names.length;
            }
            wall[r] = n / ((System.nanoTime() - s) / 1e9);
            cpu[r] = n / ((THREADS.getCurrentThreadCpuTime() - c) / 1e9);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[][] {wall, cpu, {hits}};
    }

    private static void gazetteer(Gazetteer g) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < g.size() && names.size() < 5000; i++) {
            g.byId("wm:" + i).map(Place::name).ifPresent(names::add);
        }
        String[] keys = names.toArray(String[]::new);
        String[] phon = Arrays.stream(keys).map(NameKey::phonetic).toArray(String[]::new);
        // fuzzy: misspell every name (drop a vowel, double a consonant) and resolve it
        String[] typos = Arrays.stream(keys).map(k -> k.replaceFirst("[aeiou]", "").replaceFirst("([bdfklmnrst])", "$1$1")).toArray(String[]::new);
        int hits = 0;
        for (int w = 0; w < 20; w++) { // warm-up, so that the JIT has compiled both paths
            for (String k : keys) {
                hits += g.knowsUncached(k) ? 1 : 0;
            }
            for (int i = 0; i < typos.length; i += 10) {
                hits += g.candidatesUncached(typos[i]).size();
            }
        }
        // rounds of half a second each; the median round is reported, and the best (least disturbed by other
        // processes) per CPU-second of this thread
        double[][] exact = rounds(8, keys, k -> g.knowsUncached(k) ? 1 : 0);
        double[][] fuzzy = rounds(8, typos, k -> g.candidatesUncached(k).size());
        System.out.printf(Locale.ROOT, "gazetteer: %.0f exact-name lookups/s (normalise + hash), %.0f fuzzy resolutions/s (%d distinct keys, %s)%n",
                exact[0][exact[0].length / 2], fuzzy[0][fuzzy[0].length / 2], phon.length, hits + exact[2][0] + fuzzy[2][0] > 0 ? "ok" : "no hits");
        System.out.printf(Locale.ROOT, "  per CPU-second of the measuring thread: %.0f exact-name lookups (best round %.0f), %.0f fuzzy resolutions (best %.0f)%n",
                exact[1][exact[1].length / 2], exact[1][exact[1].length - 1], fuzzy[1][fuzzy[1].length / 2], fuzzy[1][fuzzy[1].length - 1]);
        System.out.printf(Locale.ROOT, "gazetteer heap: %.1f MB retained by %d places and their indexes (heap after full GC, before and after loading a copy)%n",
                gazetteerHeapBytes() / 1e6, g.size());
    }
}
