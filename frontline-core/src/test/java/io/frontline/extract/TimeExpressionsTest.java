package io.frontline.extract;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TimeExpressionsTest {
    private static final LocalDate PUB = LocalDate.of(2017, 9, 14);

    private TimeExpressions.When when(String s, LocalDate narrative, int year) {
        return TimeExpressions.find(s, new TimeExpressions.Context(PUB, narrative, year)).orElseThrow();
    }

    @Test
    void calendarDatesWithAndWithoutYear() {
        assertThat(when("On 9 March 2016, heavy airstrikes started.", null, 0).date()).isEqualTo(LocalDate.of(2016, 3, 9));
        assertThat(when("On 13 September, the army advanced.", null, 0).date()).isEqualTo(LocalDate.of(2017, 9, 13));
        // a date after publication belongs to the year before
        assertThat(when("On 28 December, the army advanced.", null, 0).date()).isEqualTo(LocalDate.of(2016, 12, 28));
        assertThat(when("The town fell on March 27, 2016.", null, 0).precision()).isEqualTo(1);
    }

    @Test
    void narrativeCrossesIntoTheNextYear() {
        assertThat(when("On 8 January, Turkish-backed rebels captured Um Adasa.", LocalDate.of(2016, 12, 31), 2016).date())
                .isEqualTo(LocalDate.of(2017, 1, 8));
    }

    @Test
    void partsOfMonthsBoundsAndRanges() {
        var late = when("The operation was slowed down in late August.", null, 0);
        assertThat(late.date()).isEqualTo(LocalDate.of(2017, 8, 26));
        assertThat(late.precision()).isEqualTo(3);
        var by = when("By 31 August, the army had reached the river.", null, 0);
        assertThat(by.date()).isEqualTo(LocalDate.of(2017, 8, 31));
        assertThat(by.precision()).isEqualTo(2);
        var range = when("Between 6 and 14 November 2016, the rebels captured 36 villages.", null, 0);
        assertThat(range.date()).isEqualTo(LocalDate.of(2016, 11, 6));
        assertThat(range.precision()).isEqualTo(2);
    }

    @Test
    void relativeDaysFollowTheNarrativeAndWeekdaysThePublication() {
        LocalDate n = LocalDate.of(2016, 11, 14);
        assertThat(when("However, the next day, the rebels were forced to withdraw.", n, 2016).date()).isEqualTo(n.plusDays(1));
        assertThat(when("Later that day, the castle itself was captured.", n, 2016).date()).isEqualTo(n);
        assertThat(when("Two days later, the minister spoke.", n, 2016).date()).isEqualTo(n.plusDays(2));
        // 14 Sep 2017 was a Thursday; "on Tuesday" is the 12th
        assertThat(when("Troops entered the village on Tuesday.", null, 0).date()).isEqualTo(LocalDate.of(2017, 9, 12));
    }

    @Test
    void afterAFlashbackAYearlessDateFallsInTheReportsPeriod() {
        // a campaign of 3 July - 24 August 2014 recalls 25 November 2013, then goes on with "On 8 August"
        var ctx = new TimeExpressions.Context(PUB, LocalDate.of(2013, 11, 25), 2014, LocalDate.of(2014, 7, 3), LocalDate.of(2014, 8, 24));
        assertThat(TimeExpressions.find("On 8 August, ISIS repelled the attack.", ctx).orElseThrow().date())
                .isEqualTo(LocalDate.of(2014, 8, 8));
        // outside the period the narrative decides: an aftermath in the next spring stays after the campaign
        var after = new TimeExpressions.Context(PUB, LocalDate.of(2016, 2, 29), 2016, LocalDate.of(2016, 2, 21), LocalDate.of(2016, 2, 29));
        assertThat(TimeExpressions.find("On 14 April, ISIL launched another offensive.", after).orElseThrow().date())
                .isEqualTo(LocalDate.of(2016, 4, 14));
    }

    @Test
    void laterPointsOfOneSentenceCountFromTheOneBefore() {
        String s = "On 8 April, rebels detonated two suicide cars, three days later took a checkpoint, but the army took it back the next day.";
        var ups = TimeExpressions.followUps(s, s.indexOf(","), LocalDate.of(2014, 4, 8));
        assertThat(ups).extracting(TimeExpressions.When::date)
                .containsExactly(LocalDate.of(2014, 4, 11), LocalDate.of(2014, 4, 12));
        assertThat(TimeExpressions.followUps("On 9 May, the army advanced.", 9, LocalDate.of(2014, 5, 9))).isEmpty();
    }

    @Test
    void periodsOfMonthsAreDatedInTheirFirstMonthWithMonthPrecision() {
        var w = when("From March to May 2015, the militants took dozens of villages.", null, 0);
        assertThat(w.date()).isEqualTo(LocalDate.of(2015, 3, 15));
        assertThat(w.precision()).isEqualTo(3);
        assertThat(w.rule()).isEqualTo("month-range");
        // a period across the new year starts in the year before the one written
        assertThat(when("Between November and February 2016, the front hardly moved.", null, 0).date())
                .isEqualTo(LocalDate.of(2015, 11, 15));
        // "may" as a verb is no month
        assertThat(TimeExpressions.find("Fighters from June to the end may return.", new TimeExpressions.Context(PUB, null, 0))
                .map(TimeExpressions.When::rule)).isNotEqualTo(java.util.Optional.of("month-range"));
    }

    @Test
    void aYearlessDateInANarrativeDoesNotFallAfterPublication() {
        // the narrative stands in June 2017, the report appeared on 14 September 2017: "3 October" is last year's
        assertThat(when("On 3 October, the rebels ran into a minefield.", LocalDate.of(2017, 6, 20), 2017).date())
                .isEqualTo(LocalDate.of(2016, 10, 3));
        assertThat(when("On 3 September, the rebels ran into a minefield.", LocalDate.of(2017, 6, 20), 2017).date())
                .isEqualTo(LocalDate.of(2017, 9, 3));
    }

    @Test
    void mayWithItsCapitalAfterAPrepositionIsTheMonth() {
        var w = when("The rebels lost the town in May 2015 and never took it back.", null, 0);
        assertThat(w.date().getMonthValue()).isEqualTo(5);
        assertThat(w.date().getYear()).isEqualTo(2015);
        assertThat(TimeExpressions.find("The army said it may advance soon.", new TimeExpressions.Context(PUB, null, 0))).isEmpty();
    }

    @Test
    void aRangeAcrossMonthsTakesTheYearWrittenAtItsEnd() {
        var r = when("Between 26 January and 12 February 2015, fighting raged near the town.", LocalDate.of(2014, 6, 1), 2014);
        assertThat(r.date()).isEqualTo(LocalDate.of(2015, 1, 26));
        assertThat(r.precision()).isEqualTo(2);
        assertThat(when("From 20 December to 5 January 2016, the siege went on.", null, 0).date()).isEqualTo(LocalDate.of(2015, 12, 20));
    }
}
