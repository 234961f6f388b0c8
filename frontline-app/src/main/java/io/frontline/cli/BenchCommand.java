package io.frontline.cli;

import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.gazetteer.Gazetteer;
import io.frontline.gazetteer.GazetteerIndex;
import io.frontline.gazetteer.NameKey;
import io.frontline.gazetteer.Place;
import io.frontline.knowledge.BundledKnowledge;
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

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MAX_BYTES = 50_000_000;

    @Override
    public Integer call() throws Exception {
        List<Path> files = list(reports);
        if (files.isEmpty()) {
            System.err.println("frontline: bench: no reports read from " + reports);
            return 1;
        }
        if (threads < 1 || repeat < 1) {
            System.err.println("frontline: bench: --threads and --repeat must be at least 1");
            return 2;
        }
        long t0 = System.nanoTime();
        KnowledgeBase kb = BundledKnowledge.load();
        System.out.printf(Locale.ROOT, "knowledge loaded in %.0f ms (%d places)%n", (System.nanoTime() - t0) / 1e6, kb.gazetteer().size());
        run(kb, files.subList(0, Math.min(files.size(), 30)), 1, 2); // warm-up: at most 30 reports, twice
        Run one = run(kb, files, 1, repeat);
        long heap = usedAfterGc() / (1024 * 1024);
        System.out.printf(Locale.ROOT, "extraction: %d reports x %d, %.2f MB each pass, %d events per pass (one thread)%n",
                one.reports / repeat, repeat, one.bytes / (double) repeat / 1e6, one.events / repeat);
        System.out.printf(Locale.ROOT, "  %.1f reports/s, %.2f MB/s wall; %.2f MB per CPU-second; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                one.reportsPerSec(), one.mbPerSec(), one.mbPerCpuSec(), one.latency.percentile(0.5) / 1e6,
                one.latency.percentile(0.99) / 1e6, one.latency.max / 1e6);
        if (threads > 1) {
            System.out.printf(Locale.ROOT, "scaling (reader thread + N workers, queue of %d reports):%n", 2 * threads);
            System.out.printf(Locale.ROOT, "  threads=1 %.1f reports/s %.2f MB/s x1.00%n", one.reportsPerSec(), one.mbPerSec());
            for (int t = 2; t <= threads; t++) {
                Run r = run(kb, files, t, repeat);
                System.out.printf(Locale.ROOT, "  threads=%d %.1f reports/s %.2f MB/s x%.2f (p99 %.2f ms)%n", t, r.reportsPerSec(),
                        r.mbPerSec(), r.mbPerSec() / one.mbPerSec(), r.latency.percentile(0.99) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "heap after extraction: %d MB in use after full GC (knowledge base included)%n", heap);
        gazetteer(kb.gazetteer());
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

    private record Work(String name, String text, io.frontline.ingest.Format format, long bytes) {
        static final Work END = new Work(null, null, null, 0);
    }

    private static final class Run {
        long reports;
        long bytes;
        long events;
        long wallNanos;
        long cpuNanos;
        final Histogram latency = new Histogram();

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
     * Extracts every report {@code passes} times on {@code n} worker threads. One reader thread reads and decodes
     * the files into a bounded queue; each worker has its own {@link Frontline} over the shared knowledge base.
     */
    private static Run run(KnowledgeBase kb, List<Path> files, int n, int passes) throws InterruptedException {
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
                        // a page, feed or JSON lines file holds one or more reports, read as extract reads them
                        for (var report : f.read(work.name, work.text, work.format).reports()) {
                            part.events += f.extract(report).events().size();
                        }
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
        for (int p = 0; p < passes; p++) {
            for (Path file : files) {
                ReportInputs in = new ReportInputs(MAX_BYTES);
                in.add(file.toString(), System.in);
                for (ReportInputs.Input i : in.inputs) {
                    queue.put(new Work(i.name(), i.text(), i.format(), i.text().getBytes(StandardCharsets.UTF_8).length));
                }
            }
        }
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
        }
        return total;
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
                hits += g.knows(k) ? 1 : 0;
            }
            for (int i = 0; i < typos.length; i += 10) {
                hits += g.candidates(typos[i]).size();
            }
        }
        // rounds of half a second each; the median round is reported, and the best (least disturbed by other
        // processes) per CPU-second of this thread
        double[][] exact = rounds(8, keys, k -> g.knows(k) ? 1 : 0);
        double[][] fuzzy = rounds(8, typos, k -> g.candidates(k).size());
        System.out.printf(Locale.ROOT, "gazetteer: %.0f exact-name lookups/s (normalise + hash), %.0f fuzzy resolutions/s (%d distinct keys, %s)%n",
                exact[0][exact[0].length / 2], fuzzy[0][fuzzy[0].length / 2], phon.length, hits + exact[2][0] + fuzzy[2][0] > 0 ? "ok" : "no hits");
        System.out.printf(Locale.ROOT, "  per CPU-second of the measuring thread: %.0f exact-name lookups (best round %.0f), %.0f fuzzy resolutions (best %.0f)%n",
                exact[1][exact[1].length / 2], exact[1][exact[1].length - 1], fuzzy[1][fuzzy[1].length / 2], fuzzy[1][fuzzy[1].length - 1]);
        System.out.printf(Locale.ROOT, "gazetteer heap: %.1f MB retained by %d places and their indexes (heap after full GC, before and after loading a copy)%n",
                gazetteerHeapBytes() / 1e6, g.size());
    }
}
