package io.frontline.peer;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.ingest.Report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Frontline beside a Stanford CoreNLP pipeline ({@code tokenize,ssplit,pos,lemma,ner} by default) on the same reports:
 * each report is read as Frontline reads it, then Frontline extracts it (whole pipeline: reading included) and CoreNLP
 * annotates its body. Both run on this one thread after a warm-up; rates are per CPU-second of the thread (the machine
 * may be shared) and per wall-clock second. Tokens are CoreNLP's tokens of the bodies, for both.
 *
 * <p>Usage: {@code PeerBench [--reports DIR] [--limit N] [--annotators LIST] [--frontline-passes N]}
 */
public final class PeerBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PeerBench() {
    }

    public static void main(String[] args) throws IOException {
        String reports = "../shared/data/corpus/wikipedia-dev";
        int limit = 10;
        int passes = 5;
        String annotators = "tokenize,ssplit,pos,lemma,ner";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reports" -> reports = args[++i];
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--annotators" -> annotators = args[++i];
                case "--frontline-passes" -> passes = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: PeerBench [--reports DIR] [--limit N] [--annotators LIST] [--frontline-passes N]");
                    System.exit(2);
                }
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(reports))) {
            files = s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".txt"))
                    .sorted().limit(limit).toList();
        }
        if (files.isEmpty()) {
            System.err.println("no reports in " + reports);
            System.exit(1);
        }
        KnowledgeBase kb = KnowledgeBase.of(PeerBench::resource, List.of());
        Frontline frontline = new Frontline(kb);
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Report r = frontline.read(f.getFileName().toString(), text);
            names.add(f.getFileName().toString());
            texts.add(text);
            bodies.add(r.body());
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf(Locale.ROOT, "%d reports from %s, %.2f MB (bodies %.2f MB)%n", files.size(), reports, bytes / 1e6,
                bodies.stream().mapToLong(b -> b.getBytes(StandardCharsets.UTF_8).length).sum() / 1e6);

        // Frontline: warm-up passes, then timed passes
        long events = 0;
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < texts.size(); i++) {
                events += frontline.extract(names.get(i), texts.get(i)).events().size();
            }
        }
        long w0 = System.nanoTime();
        long c0 = THREADS.getCurrentThreadCpuTime();
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < texts.size(); i++) {
                events += frontline.extract(names.get(i), texts.get(i)).events().size();
            }
        }
        double fCpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9 / passes;
        double fWall = (System.nanoTime() - w0) / 1e9 / passes;

        // CoreNLP: load, warm up on the first report, then one timed pass
        Properties props = new Properties();
        props.setProperty("annotators", annotators);
        props.setProperty("threads", "1");
        long l0 = System.nanoTime();
        StanfordCoreNLP nlp = new StanfordCoreNLP(props);
        double load = (System.nanoTime() - l0) / 1e9;
        nlp.annotate(new Annotation(bodies.get(0)));
        long tokens = 0;
        w0 = System.nanoTime();
        c0 = THREADS.getCurrentThreadCpuTime();
        for (String body : bodies) {
            Annotation a = new Annotation(body);
            nlp.annotate(a);
            tokens += a.get(CoreAnnotations.TokensAnnotation.class).size();
        }
        double nCpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        double nWall = (System.nanoTime() - w0) / 1e9;
        int n = texts.size();
        System.out.printf(Locale.ROOT, "CoreNLP %s (%s; models loaded in %.1f s)%n", annotators, StanfordCoreNLP.class.getPackage().getImplementationVersion(), load);
        System.out.printf(Locale.ROOT, "  %.2f reports/s, %.0f tokens/s per CPU-second; %.2f reports/s, %.0f tokens/s wall%n",
                n / nCpu, tokens / nCpu, n / nWall, tokens / nWall);
        System.out.printf(Locale.ROOT, "Frontline extract (read, extract, code; %d passes, %d events per pass)%n", passes, events / (passes + 3));
        System.out.printf(Locale.ROOT, "  %.2f reports/s, %.0f tokens/s per CPU-second; %.2f reports/s, %.0f tokens/s wall%n",
                n / fCpu, tokens / fCpu, n / fWall, tokens / fWall);
        System.out.printf(Locale.ROOT, "ratio Frontline/CoreNLP: x%.0f per CPU-second, x%.0f wall (target: x300)%n", nCpu / fCpu, nWall / fWall);
        System.out.printf(Locale.ROOT, "peer_reports/s=%.2f frontline_reports/s=%.2f ratio=%.0f%n", n / nCpu, n / fCpu, nCpu / fCpu);
    }

    private static List<String> resource(String file) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/io/frontline/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
