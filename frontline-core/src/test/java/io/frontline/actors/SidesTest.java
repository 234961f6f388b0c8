package io.frontline.actors;

import io.frontline.TestData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SidesTest {

    @Test
    void anAllianceForAPeriodHoldsOnlyThen() {
        Sides s = Sides.parse(List.of("a\tA\tb@2014-01-01..2015-12-31", "b\tB\ta@2014-01-01..2015-12-31", "c\tC\t"));
        assertThat(s.opposed("a", "b", LocalDate.of(2015, 6, 1))).isFalse();
        assertThat(s.opposed("a", "b", LocalDate.of(2017, 6, 1))).isTrue();
        assertThat(s.opposed("a", "b", null)).as("undated: the period does not apply").isTrue();
        assertThat(s.opposed("a", "c", LocalDate.of(2015, 6, 1))).isTrue();
    }

    @Test
    void theBundledSidesAllyRebelsAndAlNusraInIdlibYearsOnly() {
        Sides s = TestData.knowledge().actors().sides();
        assertThat(s.opposed("opposition", "hts", LocalDate.of(2015, 9, 9))).isFalse();
        assertThat(s.opposed("opposition", "hts", LocalDate.of(2019, 1, 10))).isTrue();
        assertThat(s.opposed("opposition", "hts", LocalDate.of(2017, 2, 1))).isTrue();
        assertThat(s.opposed("opposition", "hts", LocalDate.of(2017, 3, 22))).isFalse(); // the Hama offensive
        assertThat(s.opposed("opposition", "hts", LocalDate.of(2021, 1, 1))).isTrue();
        assertThat(s.opposed("opposition", "government", LocalDate.of(2015, 9, 9))).isTrue();
        assertThat(s.opposed("sdf", "opposition", LocalDate.of(2015, 6, 15))).isFalse();
        assertThat(s.opposed("sdf", "opposition", LocalDate.of(2016, 10, 20))).isTrue();
    }
}
