package io.frontline.bench;

import io.frontline.text.SentenceSplitter;
import io.frontline.text.Span;
import io.frontline.text.Token;
import io.frontline.text.Tokenizer;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Tokenising and sentence splitting of the whole corpus (one operation = one pass over every paragraph). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextBenchmark {
    private String[] paragraphs;
    private final Tokenizer tokenizer = new Tokenizer();
    private final SentenceSplitter splitter = new SentenceSplitter();

    @Setup
    public void setup() {
        paragraphs = BenchData.paragraphs().toArray(String[]::new);
    }

    @Benchmark
    public void tokenize(Blackhole bh) {
        for (String p : paragraphs) {
            List<Token> t = tokenizer.tokenize(p, new Span(0, p.length()));
            bh.consume(t);
        }
    }

    @Benchmark
    public void splitSentences(Blackhole bh) {
        for (String p : paragraphs) {
            bh.consume(splitter.split(p, new Span(0, p.length()), 0, 0));
        }
    }
}
