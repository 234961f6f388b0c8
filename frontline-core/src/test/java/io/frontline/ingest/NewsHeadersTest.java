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

    @Test
    void anUpdateDateStandsForAPublicationDateThePageDoesNotGive() {
        Report r = read("""
                Army shells rebel-held suburb

                Last updated: 14 Feb 2016 09:05 GMT

                Artillery hit the town of Harasta on Saturday, activists said.
                """);
        assertThat(r.published()).isEqualTo(LocalDate.of(2016, 2, 14));
        Report both = read("""
                Army shells rebel-held suburb

                Published: 12 February 2016
                Last updated: 14 February 2016

                Artillery hit the town of Harasta on Thursday, activists said.
                """);
        assertThat(both.published()).isEqualTo(LocalDate.of(2016, 2, 12));
    }

    @Test
    void statePressDatesWithAnArabicCommaAndBulletinDatesBeforeAMiddleDot() {
        Report r = read("""
                Army restores security to villages in Hama countryside

                3 March، 2017

                Hama, SANA – Army units restored security to the village of Maardes on Friday.
                """);
        assertThat(r.published()).isEqualTo(LocalDate.of(2017, 3, 3));
        Report bulletin = read("""
                NORTH DAILY — evening digest
                Friday 07.02.2020 · compiled 20:10 local time

                Shelling hit the town of Saraqib on Thursday.
                """);
        assertThat(bulletin.published()).isEqualTo(LocalDate.of(2020, 2, 7));
        assertThat(bulletin.body()).doesNotContain("compiled");
    }

    @Test
    void aPublisherAboveTheHeadlineAndABarredBylineWithAnAddressAfterTheDate() {
        Report r = read("""
                Gulf Daily Herald

                Rebels seize hilltop overlooking highway

                By Sara Example | April 2, 2014 | sara@example.org | @saraexample

                Rebels seized Tal Sheikh Hamad on Tuesday, a monitor said.
                """);
        assertThat(r.publisher()).isEqualTo("Gulf Daily Herald");
        assertThat(r.title()).isEqualTo("Rebels seize hilltop overlooking highway");
        assertThat(r.published()).isEqualTo(LocalDate.of(2014, 4, 2));
        assertThat(r.authors()).containsExactly("Sara Example");
        // a headline of few words with an organisation's word in it stays the headline
        Report headline = read("""
                Defence Ministry denies strike

                The ministry denied on Monday that its jets had struck the town.
                """);
        assertThat(headline.title()).isEqualTo("Defence Ministry denies strike");
    }

    @Test
    void aWireDatelineWithTheCityBeforeAnAbbreviatedWeekdayAndATime() {
        Report r = read("""
                Rebels overrun air defence base

                By Jane Example

                AMMAN | Mon Oct 14, 2013 6:02am EDT

                Rebels overran an air defence base near the town of Nawa on Sunday, activists said.
                """);
        assertThat(r.published()).isEqualTo(LocalDate.of(2013, 10, 14));
        assertThat(r.authors()).containsExactly("Jane Example");
    }

    @Test
    void moreDateLinesOfNewsPages() {
        String[][] cases = {
                {"ISTANBUL AUG 25, 2016 - 12:00 AM GMT+3", "2016-08-25"},
                {"2022-01-22T10:15:00+03:00", "2022-01-22"},
                {"Posted on 06/09/2017 by admin", "2017-09-06"},
                {"Last Modified: August 23, 2019 10:30 AM", "2019-08-23"},
                {"Sun 5 Apr 2015 13.22 BST", "2015-04-05"},
                {"Wed Sep 6, 2017 07:43AM", "2017-09-06"},
                {"5 April 2015 \u2022 11 min read", "2015-04-05"},
                {"27-10-2013", "2013-10-27"},
                {"August 7, 2014 by Jane Example", "2014-08-07"},
                {"Last update: 23.08.2019", "2019-08-23"},
                {"25th August 2016", "2016-08-25"}};
        for (String[] c : cases) {
            Report r = read("Army shells rebel-held suburb\n\n" + c[0] + "\n\nArtillery hit the town of Harasta on Saturday.\n");
            assertThat(r.published()).as(c[0]).isEqualTo(LocalDate.parse(c[1]));
            assertThat(r.body()).as(c[0]).startsWith("Artillery");
        }
        assertThat(read("Army shells suburb\n\nPosted on 06/09/2017 by Jane Example\n\nArtillery hit Harasta.\n").authors())
                .containsExactly("Jane Example");
    }
}
