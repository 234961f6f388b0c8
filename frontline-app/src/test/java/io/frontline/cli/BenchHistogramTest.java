package io.frontline.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchHistogramTest {

    @Test
    void percentilesAreWithinThreePercent() {
        BenchCommand.Histogram h = new BenchCommand.Histogram();
        for (long v = 1; v <= 100_000; v++) {
            h.add(v * 1000);
        }
        assertThat((double) h.percentile(0.5)).isCloseTo(50_000_000, within(1_600_000.0));
        assertThat((double) h.percentile(0.99)).isCloseTo(99_000_000, within(3_100_000.0));
        assertThat(h.percentile(1.0)).isEqualTo(100_000_000);
        assertThat(h.percentile(0.99)).isGreaterThanOrEqualTo(99_000_000);
    }

    @Test
    void smallValuesAreExact() {
        BenchCommand.Histogram h = new BenchCommand.Histogram();
        h.add(3);
        h.add(7);
        assertThat(h.percentile(0.5)).isEqualTo(3);
        assertThat(h.percentile(1.0)).isEqualTo(7);
    }
}
