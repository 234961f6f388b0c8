package io.frontline.bench;

import io.frontline.text.Lexicon;
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

import java.util.concurrent.TimeUnit;

/**
 * Trigger-lexicon matching as the frame builder does it ({@code triggers.findAll(sentence, null)}), and the
 * modality cues' attribution rules, over every corpus sentence (one operation = one pass over all sentences).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LexiconBenchmark {
    private String[] sentences;
    private Lexicon triggers;
    private Lexicon cues;

    @Setup
    public void setup() {
        sentences = BenchData.sentences().toArray(String[]::new);
        triggers = BenchData.knowledge().triggers();
        cues = BenchData.knowledge().cues();
    }

    @Benchmark
    public void triggers(Blackhole bh) {
        for (String s : sentences) {
            bh.consume(triggers.findAll(s, null));
        }
    }

    @Benchmark
    public void attributionCues(Blackhole bh) {
        for (String s : sentences) {
            bh.consume(cues.findAll(s, "attribution"));
        }
    }
}
