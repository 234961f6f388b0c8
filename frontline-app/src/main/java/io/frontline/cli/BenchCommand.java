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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code frontline bench}: throughput and latency of extraction and of gazetteer lookups, single-threaded. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure extraction (reports/s, MB/s, latency p50/p99, heap) and gazetteer lookups on one thread.",
                "Warms up first; the last line is: reports/s=<n> p99_ms=<n> heap_mb=<n>"})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "../shared/data/corpus/wikipedia-dev",
            description = "Reports to extract (default: ${DEFAULT-VALUE}).")
    String reports;

    @Option(names = "--repeat", defaultValue = "5", description = "Measured passes over the reports (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() {
        ReportInputs in = new ReportInputs(50_000_000);
        in.add(reports, System.in);
        if (in.inputs.isEmpty()) {
            System.err.println("frontline: bench: no reports read from " + reports);
            return 1;
        }
        long t0 = System.nanoTime();
        KnowledgeBase kb = BundledKnowledge.load();
        Frontline f = new Frontline(kb);
        System.out.printf(Locale.ROOT, "knowledge loaded in %.0f ms (%d places)%n", (System.nanoTime() - t0) / 1e6, kb.gazetteer().size());
        long bytes = in.inputs.stream().mapToLong(i -> i.text().getBytes(StandardCharsets.UTF_8).length).sum();
        for (int w = 0; w < 3; w++) {
            in.inputs.forEach(i -> f.extract(i.name(), i.text()));
        }
        List<Long> lat = new ArrayList<>();
        long start = System.nanoTime();
        long events = 0;
        for (int r = 0; r < repeat; r++) {
            for (ReportInputs.Input i : in.inputs) {
                long s = System.nanoTime();
                events += f.extract(i.name(), i.text()).events().size();
                lat.add(System.nanoTime() - s);
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long[] l = lat.stream().mapToLong(Long::longValue).sorted().toArray();
        double rps = lat.size() / secs;
        double mbps = bytes * (double) repeat / secs / 1e6;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf(Locale.ROOT, "extraction: %d reports x %d, %.2f MB each pass, %d events%n", in.inputs.size(), repeat, bytes / 1e6, events / repeat);
        System.out.printf(Locale.ROOT, "  %.1f reports/s, %.2f MB/s, latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", rps, mbps,
                l[l.length / 2] / 1e6, l[Math.min(l.length - 1, (int) (l.length * 0.99))] / 1e6, l[l.length - 1] / 1e6);
        gazetteer(kb.gazetteer());
        System.out.printf(Locale.ROOT, "reports/s=%.1f p99_ms=%.2f heap_mb=%d%n", rps, l[Math.min(l.length - 1, (int) (l.length * 0.99))] / 1e6, heap);
        return 0;
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

    private static void gazetteer(Gazetteer g) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < g.size() && names.size() < 5000; i++) {
            g.byId("wm:" + i).map(Place::name).ifPresent(names::add);
        }
        String[] keys = names.toArray(String[]::new);
        String[] phon = Arrays.stream(keys).map(NameKey::phonetic).toArray(String[]::new);
        int hits = 0;
        for (int w = 0; w < 3; w++) {
            for (String k : keys) {
                hits += g.knows(k) ? 1 : 0;
            }
        }
        long s = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - s < 1_000_000_000L) {
            for (String k : keys) {
                hits += g.knows(k) ? 1 : 0;
                n++;
            }
        }
        double exact = n / ((System.nanoTime() - s) / 1e9);
        // fuzzy: misspell every name (drop a vowel, double a consonant) and resolve it
        String[] typos = Arrays.stream(keys).map(k -> k.replaceFirst("[aeiou]", "").replaceFirst("([bdfklmnrst])", "$1$1")).toArray(String[]::new);
        s = System.nanoTime();
        int m = 0;
        while (System.nanoTime() - s < 1_000_000_000L) {
            for (String k : typos) {
                hits += g.candidates(k).size();
                m++;
            }
        }
        double fuzzy = m / ((System.nanoTime() - s) / 1e9);
        System.out.printf(Locale.ROOT, "gazetteer: %.0f exact-name lookups/s (normalise + hash), %.0f fuzzy resolutions/s (%d distinct keys, %s)%n",
                exact, fuzzy, phon.length, hits > 0 ? "ok" : "no hits");
        System.out.printf(Locale.ROOT, "gazetteer heap: %.1f MB retained by %d places and their indexes (heap after full GC, before and after loading a copy)%n",
                gazetteerHeapBytes() / 1e6, g.size());
    }
}
