package io.frontline.ingest;

import io.frontline.TestData;
import io.frontline.text.CalendarDates;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header lines of news copy as outlets write them, on reports written for this test: wire datelines without a comma,
 * bylines and datelines on consecutive lines, dates cut off by bars, numeric dates, a publisher on a line of its own.
 */
class NewsHeadersTest {

    private static Report read(String text) {
        return TestData.frontline().read("t.txt", text);
    }

    @Test
    void apDatelineOnItsOwnLineAfterTheBylineAndAgainInTheFirstParagraph() {
        Report r = read("""
                Rebels shell army post near Hama

                By JOHN DOE and RICHARD ROE, Associated Press
                DAMASCUS (AP) — Monday, Nov. 4, 2013

                DAMASCUS (AP) — Rebels shelled an army post near the town of Morek on Sunday, activists said.
                """);
        assertThat(r.published()).isEqualTo(LocalDate.of(2013, 11, 4));
        assertThat(r.publisher()).isEqualTo("AP");
        assertThat(r.authors()).contains("JOHN DOE", "RICHARD ROE");
        assertThat(r.body()).startsWith("Rebels shelled").doesNotContain("(AP)");
    }

    @Test
    void aBylineLineDoesNotSplitAWrappedParagraphThatOpensWithBy() {
        Report r = read("""
                Army retakes hill

                By late Sunday, government troops had retaken the hill
                overlooking the town, a monitor said.
                """);
        assertThat(r.paragraphs()).hasSize(1);
        assertThat(r.authors()).isEmpty();
    }

    @Test
    void datesBetweenBarsGiveTheDateAndThePublisherOrTheAuthors() {
        Report monitor = read("""
                Daily toll

                Syria Monitoring Network | 3 May 2019 | Idlib, Hama

                Shelling hit the town of Kafr Nabl, killing two civilians.
                """);
        assertThat(monitor.published()).isEqualTo(LocalDate.of(2019, 5, 3));
        assertThat(monitor.publisher()).isEqualTo("Syria Monitoring Network");
        Report agency = read("""
                Drone strike near Idlib

                Mehmet Demir and Aylin Kara |12.05.2019
                IDLIB, Syria

                A drone struck a convoy near Saraqib on Saturday.
                """);
        assertThat(agency.published()).isEqualTo(LocalDate.of(2019, 5, 12));
        assertThat(agency.authors()).contains("Mehmet Demir", "Aylin Kara");
    }

    @Test
    void aPlaceAndAKnownAgencyAloneAreADateline() {
        Report r = read("""
                Clashes in Manbij countryside

                MANBIJ - ANHA
                Hawar News Agency | 2 March 2019, Saturday

                Clashes broke out near the village of Arima on Friday.
                """);
        assertThat(r.publisher()).isEqualTo("ANHA");
        assertThat(r.published()).isEqualTo(LocalDate.of(2019, 3, 2));
        assertThat(r.body()).startsWith("Clashes broke out");
    }

    @Test
    void aPublisherOnALineOfItsOwnUnderADatedByline() {
        Report r = read("""
                Army advances in Latakia

                By Sami Haddad - 21/06/2017
                Levant Daily News

                The army advanced toward the village of Kabani on Tuesday.
                """);
        assertThat(r.published()).isEqualTo(LocalDate.of(2017, 6, 21));
        assertThat(r.publisher()).isEqualTo("Levant Daily News");
        assertThat(r.authors()).contains("Sami Haddad");
    }

    @Test
    void numericAndCapitalisedDates() {
        assertThat(CalendarDates.find("05.03.2018")).contains(LocalDate.of(2018, 3, 5));
        assertThat(CalendarDates.find("25/11/2019")).contains(LocalDate.of(2019, 11, 25));
        assertThat(CalendarDates.find("11/25/2019")).contains(LocalDate.of(2019, 11, 25));
        assertThat(CalendarDates.find("14 SEP 2016, 09:30")).contains(LocalDate.of(2016, 9, 14));
        assertThat(CalendarDates.find("version 1.2.2019x")).isEmpty();
        assertThat(CalendarDates.find("31/02/2019")).isEmpty();
    }
}
