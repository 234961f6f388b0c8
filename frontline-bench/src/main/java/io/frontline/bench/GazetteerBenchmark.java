package io.frontline.bench;

import io.frontline.gazetteer.Gazetteer;
import io.frontline.gazetteer.NameKey;
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

import java.util.concurrent.TimeUnit;

/** Gazetteer lookups, one name per operation, cycling over 5,000 gazetteer names (exact) or their misspellings (fuzzy). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GazetteerBenchmark {
    private Gazetteer gazetteer;
    private String[] names;
    private String[] typos;
    private int i;

    @Setup
    public void setup() {
        gazetteer = BenchData.knowledge().gazetteer();
        names = BenchData.gazetteerNames();
        typos = BenchData.typos();
    }

    private int next() {
        int k = i;
        i = k + 1 == names.length ? 0 : k + 1;
        return k;
    }

    /** Normalise the name and look its phonetic key up: {@code Gazetteer.knows}. */
    @Benchmark
    public boolean exactLookup() {
        return gazetteer.knowsUncached(names[next()]);
    }

    /** Name normalisation alone: {@code NameKey.phonetic}. */
    @Benchmark
    public String phoneticKey() {
        return NameKey.phonetic(names[next()]);
    }

    /** Every candidate of a misspelt name, fuzzy matches included: {@code Gazetteer.candidates}. */
    @Benchmark
    public int fuzzyResolution() {
        return gazetteer.candidatesUncached(typos[next()]).size();
    }
}
