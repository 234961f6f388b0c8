package io.frontline.bench;

import io.frontline.Frontline;
import io.frontline.extract.Fatalities;
import io.frontline.extract.TimeExpressions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * The sentence-level pattern stages over every corpus sentence (one operation = one pass over all sentences):
 * {@link Fatalities#find} and {@link TimeExpressions#find} as the pipeline calls them, and, for scale, the whole
 * extraction of every corpus report (one operation = the corpus once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PatternBenchmark {
    private String[] sentences;
    private String[] texts;
    private Frontline frontline;
    private final TimeExpressions.Context context =
            new TimeExpressions.Context(LocalDate.of(2016, 11, 24), LocalDate.of(2016, 11, 20), 2016);

    @Setup
    public void setup() {
        sentences = BenchData.sentences().toArray(String[]::new);
        texts = BenchData.texts().toArray(String[]::new);
        frontline = new Frontline(BenchData.knowledge());
    }

    @Benchmark
    public void fatalities(Blackhole bh) {
        for (String s : sentences) {
            bh.consume(Fatalities.find(s));
        }
    }

    @Benchmark
    public void timeExpressions(Blackhole bh) {
        for (String s : sentences) {
            bh.consume(TimeExpressions.find(s, context));
        }
    }

    @Benchmark
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public void extractCorpus(Blackhole bh) {
        for (int i = 0; i < texts.length; i++) {
            bh.consume(frontline.extract("r" + i + ".md", texts[i]));
        }
    }
}
