package io.frontline.control;

import io.frontline.gazetteer.GeoPoint;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.frontline.control.Events.event;
import static io.frontline.control.Events.observations;
import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of the control model on a few events at one place. */
class ControlModelTest {
    private static final String REGAINS = ControlRules.REGAINS;
    private static final String OVERTAKES = ControlRules.OVERTAKES;
    private static final String CLASH = ControlRules.CLASH;

    private static ControlState on(ControlModel m, String date) {
        return m.timeline("wm:palmyra").orElseThrow().on(LocalDate.parse(date)).orElseThrow();
    }

    @Test
    void aCaptureFlipsControlFromItsDate() {
        ControlModel m = ControlModel.build(observations(
                event("e1", "2015-05-20", OVERTAKES, "islamic_state", "government", "Palmyra"),
                event("e2", "2016-03-27", REGAINS, "government", "islamic_state", "Palmyra")));
        assertThat(m.timeline("wm:palmyra").orElseThrow().on(LocalDate.parse("2015-05-19"))).isEmpty();
        ControlState s = on(m, "2015-06-01");
        assertThat(s.controller()).isEqualTo("islamic_state");
        assertThat(s.status()).isEqualTo(ControlState.HELD);
        assertThat(s.since()).isEqualTo(LocalDate.parse("2015-05-20"));
        assertThat(s.evidence()).extracting(ControlEvidence::eventId).containsExactly("e1");
        assertThat(s.evidence().get(0).text()).isEqualTo("text of e1");
        ControlState later = on(m, "2016-04-01");
        assertThat(later.controller()).isEqualTo("government");
        assertThat(later.since()).isEqualTo(LocalDate.parse("2016-03-27"));
        assertThat(later.evidence()).extracting(ControlEvidence::eventId).containsExactly("e2");
    }

    @Test
    void fightingMakesAPlaceContestedWithoutFlippingIt() {
        ControlModel m = ControlModel.build(observations(
                event("e1", "2015-05-20", OVERTAKES, "islamic_state", "government", "Palmyra"),
                event("e2", "2016-03-24", CLASH, "government", "islamic_state", "Palmyra", "fact", null, 0.8, "trigger:enter class:enter")));
        ControlState s = on(m, "2016-03-25");
        assertThat(s.controller()).isEqualTo("islamic_state");
        assertThat(s.status()).isEqualTo(ControlState.CONTESTED);
        assertThat(s.others()).containsExactly("government");
        assertThat(s.since()).isEqualTo(LocalDate.parse("2015-05-20"));
        assertThat(s.evidence()).extracting(ControlEvidence::eventId).containsExactly("e1", "e2");
    }

    @Test
    void anAttemptedCaptureContestsAndAFailedOneChangesNothing() {
        ControlModel m = ControlModel.build(observations(
                event("e1", "2016-01-01", REGAINS, "government", "", "Palmyra"),
                event("e2", "2016-02-01", OVERTAKES, "islamic_state", "government", "Palmyra", "failed", null, 0.8, "trigger:t class:take"),
                event("e3", "2016-03-01", OVERTAKES, "islamic_state", "government", "Palmyra", "attempted", null, 0.8, "trigger:t class:take")));
        assertThat(on(m, "2016-02-15").status()).isEqualTo(ControlState.HELD);
        assertThat(on(m, "2016-02-15").controller()).isEqualTo("government");
        assertThat(on(m, "2016-03-15").status()).isEqualTo(ControlState.CONTESTED);
    }

    @Test
    void aRepelledAttackLeavesControlUnchanged() {
        ControlModel m = ControlModel.build(observations(
                event("e1", "2016-03-27", REGAINS, "government", "islamic_state", "Palmyra"),
                event("e2", "2016-05-10", CLASH, "islamic_state", "government", "Palmyra", "fact", null, 0.8, "trigger:repelled class:repel")));
        ControlState s = on(m, "2016-05-11");
        assertThat(s.controller()).isEqualTo("government");
        assertThat(s.status()).isEqualTo(ControlState.HELD);
        assertThat(s.since()).isEqualTo(LocalDate.parse("2016-03-27"));
        assertThat(s.evidence()).extracting(ControlEvidence::effect).containsExactly(Effect.FLIP, Effect.REPELLED);
    }

    @Test
    void aRepelledAttackOnAPlaceOfUnknownHolderShowsTheDefenderHoldsIt() {
        ControlModel m = ControlModel.build(observations(
                event("e1", "2016-05-10", CLASH, "islamic_state", "government", "Palmyra", "fact", null, 0.8, "trigger:repelled class:repel")));
        assertThat(on(m, "2016-05-10").controller()).isEqualTo("government");
        assertThat(on(m, "2016-05-10").since()).isNull();
    }

    @Test
    void aCaptureClaimedOnlyByOneLowReliabilitySourceRaisesUncertainty() {
        var claim = event("e2", "2016-06-01", OVERTAKES, "islamic_state", "government", "Palmyra");
        List<Observation> obs = List.of(
                Observation.of(event("e1", "2016-03-27", REGAINS, "government", "islamic_state", "Palmyra"), 0),
                new Observation(claim, "low", 1, 0.63, 1));
        ControlState s = on(ControlModel.build(obs), "2016-06-02");
        assertThat(s.controller()).isEqualTo("government");
        assertThat(s.status()).isEqualTo(ControlState.UNCERTAIN);
        assertThat(s.others()).containsExactly("islamic_state");
        assertThat(s.evidence().get(1).effect()).isEqualTo(Effect.CLAIM);
        assertThat(s.evidence().get(1).reason()).contains("low reliability");

        // corroborated by another story, the same claim flips control
        ControlState corroborated = on(ControlModel.build(List.of(obs.get(0), new Observation(claim, "low", 2, 0.8, 1))), "2016-06-02");
        assertThat(corroborated.controller()).isEqualTo("islamic_state");
        assertThat(corroborated.status()).isEqualTo(ControlState.HELD);
    }

    @Test
    void anAttributedCaptureOfLowConfidenceRaisesUncertainty() {
        ControlModel m = ControlModel.build(observations(
                event("e1", "2016-03-27", REGAINS, "government", "islamic_state", "Palmyra"),
                event("e2", "2016-06-01", OVERTAKES, "islamic_state", "government", "Palmyra", "fact", "pro-opposition sources", 0.45,
                        "trigger:t class:take")));
        assertThat(on(m, "2016-06-02").status()).isEqualTo(ControlState.UNCERTAIN);
        assertThat(on(m, "2016-06-02").controller()).isEqualTo("government");
    }

    @Test
    void aLaterReportOverridesAnEarlierOne() {
        // two reports of the same day disagree: the later one in the input stands; a report of a later date overrides both
        ControlModel m = ControlModel.build(observations(
                event("e1", "2016-03-20", REGAINS, "government", "islamic_state", "Palmyra"),
                event("e2", "2016-03-20", OVERTAKES, "islamic_state", "government", "Palmyra"),
                event("e3", "2016-03-27", REGAINS, "government", "islamic_state", "Palmyra")));
        assertThat(on(m, "2016-03-21").controller()).isEqualTo("islamic_state");
        assertThat(on(m, "2016-03-21").evidence()).extracting(ControlEvidence::eventId).containsExactly("e2");
        assertThat(on(m, "2016-03-28").controller()).isEqualTo("government");
        // the input order of different dates does not matter
        ControlModel reversed = ControlModel.build(observations(
                event("e3", "2016-03-27", REGAINS, "government", "islamic_state", "Palmyra"),
                event("e1", "2016-03-10", OVERTAKES, "islamic_state", "government", "Palmyra")));
        assertThat(on(reversed, "2016-03-28").controller()).isEqualTo("government");
    }

    @Test
    void anEventDatedOnlyToAMonthYieldsToReportsDatedToTheDayInThatMonth() {
        // "the army recaptured the city in March 2016" (dated mid-March) must not end IS's hold before the fighting of the 24th
        ControlModel m = ControlModel.build(observations(
                event("e1", "2015-05-20", OVERTAKES, "islamic_state", "government", "Palmyra"),
                event("e2", "2016-03-15", 3, REGAINS, "government", "islamic_state", "Palmyra", "fact", null, 0.8, "trigger:t class:take"),
                event("e3", "2016-03-24", CLASH, "government", "islamic_state", "Palmyra", "fact", null, 0.8, "trigger:enter class:enter"),
                event("e4", "2016-03-27", REGAINS, "government", "islamic_state", "Palmyra")));
        assertThat(on(m, "2016-03-20").controller()).isEqualTo("islamic_state");
        assertThat(on(m, "2016-03-28").since()).isEqualTo(LocalDate.parse("2016-03-27"));
        // alone, it counts
        ControlModel alone = ControlModel.build(observations(
                event("e2", "2016-03-15", 3, REGAINS, "government", "islamic_state", "Palmyra", "fact", null, 0.8, "trigger:t class:take")));
        assertThat(on(alone, "2016-03-20").controller()).isEqualTo("government");
    }

    @Test
    void theMapSnapshotSeedsTheStateAndLaterEventsOverrideIt() {
        var seed = new ControlMarks.Seed(LocalDate.parse("2017-07-15"), List.of(
                new ControlMarks.SeedPlace("wm:palmyra", "Palmyra", new GeoPoint(34.55, 38.27), "gov"),
                new ControlMarks.SeedPlace("wm:idlib", "Idlib", new GeoPoint(35.93, 36.63), "stable_opp_JaN"),
                new ControlMarks.SeedPlace("wm:crossing", "Crossing", new GeoPoint(36.0, 36.0), "pass_N")));
        ControlModel m = ControlModel.build(seed, observations(
                event("e1", "2017-08-01", OVERTAKES, "islamic_state", "government", "Palmyra")));
        ControlState s = on(m, "2017-07-20");
        assertThat(s.controller()).isEqualTo("government");
        assertThat(s.since()).isEqualTo(LocalDate.parse("2017-07-15"));
        assertThat(s.evidence()).extracting(ControlEvidence::effect).containsExactly(Effect.SEED);
        assertThat(on(m, "2017-08-02").controller()).isEqualTo("islamic_state");
        assertThat(m.timeline("wm:palmyra").orElseThrow().on(LocalDate.parse("2017-07-01"))).isEmpty();
        ControlState idlib = m.timeline("wm:idlib").orElseThrow().on(LocalDate.parse("2017-07-15")).orElseThrow();
        assertThat(idlib.controller()).isEqualTo("opposition");
        assertThat(idlib.status()).isEqualTo(ControlState.SHARED);
        assertThat(idlib.others()).containsExactly("hts");
        assertThat(m.timeline("wm:crossing")).isEmpty();
    }

    @Test
    void remoteViolenceAndRegionWideEventsHaveNoBearingOnControl() {
        ControlModel m = ControlModel.build(observations(
                event("e1", "2016-03-27", "Air/drone strike", "russia", "islamic_state", "Palmyra")));
        assertThat(m.timeline("wm:palmyra")).isEmpty();
    }

    @Test
    void queriesByDateByNameAndForChangesInAWindow() {
        ControlModel m = ControlModel.build(observations(
                event("e1", "2015-05-20", OVERTAKES, "islamic_state", "government", "Palmyra"),
                event("e2", "2016-03-24", CLASH, "government", "islamic_state", "Palmyra", "fact", null, 0.8, "trigger:enter class:enter"),
                event("e3", "2016-03-27", REGAINS, "government", "islamic_state", "Palmyra"),
                event("e4", "2016-03-27", REGAINS, "government", "islamic_state", "Qaryatayn")));
        assertThat(m.on(LocalDate.parse("2016-03-28"))).extracting(ControlState::name).containsExactly("Palmyra", "Qaryatayn");
        assertThat(m.find("al-Qaryatayn")).extracting(PlaceTimeline::placeKey).containsExactly("wm:qaryatayn");
        assertThat(m.find("wm:palmyra")).hasSize(1);
        var gazetteer = new io.frontline.gazetteer.GazetteerIndex(List.of(new io.frontline.gazetteer.Place("wm:qaryatayn", "al-Qaryatayn",
                List.of("al-Qaryatayn", "Karyatein"), new GeoPoint(34.23, 37.24), "city", null, "gov", 0, List.of("test"))));
        assertThat(m.find("Karyatein", gazetteer)).extracting(PlaceTimeline::placeKey).containsExactly("wm:qaryatayn");
        assertThat(m.find("Palmyra", gazetteer)).extracting(PlaceTimeline::placeKey).containsExactly("wm:palmyra");
        var changes = m.changes(LocalDate.parse("2016-03-01"), LocalDate.parse("2016-03-31"));
        assertThat(changes).extracting(c -> c.after().name() + " " + c.after().status() + " " + c.after().controller())
                .containsExactly("Palmyra contested islamic_state", "Palmyra held government", "Qaryatayn held government");
        assertThat(changes.get(0).before().status()).isEqualTo(ControlState.HELD);
    }

    @Test
    void mapMarksBecomeCoalitionKeys() {
        assertThat(ControlMarks.parse("gov_hill").orElseThrow().controller()).isEqualTo("government");
        assertThat(ControlMarks.parse("JaN_base").orElseThrow().controller()).isEqualTo("hts");
        assertThat(ControlMarks.parse("Trk_base").orElseThrow().controller()).isEqualTo("turkey");
        assertThat(ControlMarks.parse("SDF_IS").orElseThrow().status()).isEqualTo(ControlState.CONTESTED);
        assertThat(ControlMarks.parse("stable_gov_SDF").orElseThrow().others()).containsExactly("sdf");
        assertThat(ControlMarks.parse("pass_NE")).isEmpty();
        assertThat(ControlMarks.parse("Rif_Aleppo2.svg")).isEmpty();
        assertThat(ControlMarks.parse("")).isEmpty();
    }
}
