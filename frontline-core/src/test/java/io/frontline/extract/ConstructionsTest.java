package io.frontline.extract;

import io.frontline.Extraction;
import io.frontline.TestData;
import io.frontline.events.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constructions that decide roles and modality, each on sentences taken from different corpus articles
 * (none of them the seed), wrapped in a minimal dated report.
 */
class ConstructionsTest {

    private static final DatedReport REPORT = new DatedReport("Example News, 1 December 2016");

    private static List<Event> events(String text) {
        return REPORT.events(text);
    }

    private static Event only(String sentence) {
        return REPORT.only(sentence);
    }

    @Test
    void passiveVoiceTakesTheActorFromBy() {
        Event e = only("The town of Akhtarin was captured by the rebels on 6 October.");
        assertThat(e.subEventType()).isEqualTo("Non-state actor overtakes territory");
        assertThat(e.side1()).isEqualTo("opposition");
        assertThat(e.location()).isEqualTo("Akhtarin");
        assertThat(e.eventDate()).isEqualTo("2016-10-06");
        assertThat(e.provenance().get("actor1").rule()).contains("passive-by");
    }

    @Test
    void fromNamesTheLoser() {
        Event e = only("On 23 November 2016, the SDF captured the village of Arima from ISIL.");
        assertThat(e.side1()).isEqualTo("sdf");
        assertThat(e.side2()).isEqualTo("islamic_state");
        assertThat(e.provenance().get("actor2").rule()).contains("role:from");
    }

    @Test
    void alongsideNamesAnAssociatedActor() {
        Event e = only("On 27 May 2017, the Tiger Forces, alongside the National Defense Forces, captured the village of Al-Mahdoum from ISIL.");
        assertThat(e.subEventType()).isEqualTo("Government regains territory");
        assertThat(e.assocActor1()).contains("NDF: National Defence Forces");
    }

    @Test
    void repelledAttackMakesTheAttackerActor1AndLeavesTerritory() {
        Event e = only("On the same day, the SDF repelled a pro-Assad militia attack on their positions in the town of Tell Abyad.");
        assertThat(e.subEventType()).isEqualTo("Armed clash");
        Event f = only("On 22 February 2016, ISIL launched another counterattack on Al-Shaddadi's southern outskirts, before they were repelled by the SDF once again.");
        assertThat(f.subEventType()).isEqualTo("Armed clash");
        assertThat(f.side1()).isEqualTo("islamic_state");
        assertThat(f.side2()).isEqualTo("sdf");
        assertThat(e.location()).isEqualTo("Tell Abyad");
    }

    @Test
    void fellToNamesTheWinner() {
        Event e = only("On 8 October 2016, Hanajak fell to the rebels with little resistance.");
        assertThat(e.subEventType()).isEqualTo("Non-state actor overtakes territory");
        assertThat(e.side1()).isEqualTo("opposition");
        assertThat(e.location()).isEqualTo("Hanajak");
    }

    @Test
    void clashesBetweenNameBothSides() {
        Event e = only("On 30 October 2019, the SOHR confirmed clashes between the SDF and the Syrian National Army near Tal Tamr.");
        assertThat(e.subEventType()).isEqualTo("Armed clash");
        assertThat(List.of(e.side1(), e.side2())).containsExactlyInAnyOrder("sdf", "opposition");
        assertThat(e.attribution()).isEqualTo("SOHR");
    }

    @Test
    void predictionsAndIntentionsAreNoEvents() {
        assertThat(events("Officials said government troops would capture Maskanah within days.")).isEmpty();
        assertThat(events("The rebels launched an offensive to capture al-Bab in December.")).allSatisfy(
                e -> assertThat(e.subEventType()).isNotEqualTo("Non-state actor overtakes territory"));
        assertThat(events("The offensive was halted just short of capturing the Jirah Airbase.")).isEmpty();
    }

    @Test
    void attributionIsKept() {
        Event e = only("According to SOHR, the Syrian Army captured the village of Tadef on 26 February.");
        assertThat(e.attribution()).isEqualTo("SOHR");
        assertThat(e.subEventType()).isEqualTo("Government regains territory");
    }

    @Test
    void airAndArtilleryStrikesAreRemoteViolence() {
        Event a = only("On 14 June 2015, coalition warplanes bombed ISIL positions in Tell Abyad.");
        assertThat(a.subEventType()).isEqualTo("Air/drone strike");
        assertThat(a.side1()).isEqualTo("us_coalition");
        Event b = only("On 24 November 2016, Turkish artillery shelled the village of Arima.");
        assertThat(b.subEventType()).isEqualTo("Shelling/artillery/missile attack");
        assertThat(b.side1()).isEqualTo("turkey");
    }

    @Test
    void notesWrittenInAcledsOwnStyleCodeAsAcledWould() throws Exception {
        String text;
        try (var in = ConstructionsTest.class.getResourceAsStream("/io/frontline/acled-style-notes.txt")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> got = TestData.frontline().extract("acled.txt", text).events().stream()
                .map(e -> e.eventDate() + " " + e.subEventType() + " " + e.side1() + " @ " + e.location() + " f=" + e.fatalities())
                .toList();
        assertThat(got).containsExactly(
                "2022-05-23 Shelling/artillery/missile attack government @ Kafr Nabl f=0",
                "2022-05-24 Air/drone strike russia @ Maarrat Misrin f=2",
                "2022-05-25 Attack unknown @ Tafas f=1",
                "2022-05-26 Remote explosive/landmine/IED unknown @ Al-Sanamayn f=3",
                "2022-05-27 Arrests sdf @ Al-Busayrah f=0",
                "2022-05-28 Peaceful protest civilians @ Al-Suwayda f=0",
                "2022-05-29 Shelling/artillery/missile attack turkey @ Tal Rifaat f=0");
    }

    @Test
    void aPurposeInfinitiveNamesTheAimNotThePlaceOfTheAttack() {
        // battle of Tabqa, al-Shaddadi offensive, al-Bab: the offensive is an event only where it happened
        assertThat(events("On 22 March, the SDF began an assault to capture the Tabqa Dam, al-Thawrah city, and the Tabqa Airbase."))
                .noneSatisfy(e -> assertThat(e.subEventType()).isEqualTo("Non-state actor overtakes territory"));
        assertThat(events("On 16 February 2016, the SDF launched an offensive to capture the strategic city of al-Shaddadi."))
                .noneSatisfy(e -> assertThat(e.location()).isEqualTo("al-Shaddadi"));
        // a catenative verb is not a purpose: "began to storm" is the storming
        assertThat(events("On 15 August 2016, rebels began to storm the al-Rai grain silos and captured the silos."))
                .anySatisfy(e -> assertThat(e.side1()).isEqualTo("opposition"));
    }

    @Test
    void aStatedGoalIsNoEvent() {
        assertThat(events("On 5 September 2016, the rebels announced their goal of capturing al-Bab.")).isEmpty();
    }

    @Test
    void takingWeaponsOrVehiclesIsNoCaptureOfTerritory() {
        assertThat(events("On 27 July 2014, YPG units seized weaponry from the SAA in Hasakah city."))
                .noneSatisfy(e -> assertThat(e.subEventType()).contains("territory"));
    }

    @Test
    void aTriggerInsideAHyphenatedWordStillHasItsPlaceAfterIt() {
        Event e = only("On 24 February 2016, the Syrian Army re-entered Khanasir.");
        assertThat(e.location()).isEqualTo("Khanasir");
        assertThat(e.side1()).isEqualTo("government");
    }

    @Test
    void aRepelledAttemptIsAClashWhereItsGoalLay() {
        // eastern Syria offensive 2014; the second sentence is composed with other actors and another place
        Event e = only("On 8 August 2014, ISIS repelled an attempt by pro-government forces to recapture the Geweran neighbourhood.");
        assertThat(e.subEventType()).isEqualTo("Armed clash");
        assertThat(e.side1()).isEqualTo("government");
        assertThat(e.side2()).isEqualTo("islamic_state");
        Event f = only("On 10 June 2015, ISIL repelled an attempt by the YPG to storm the village of Suluk.");
        assertThat(f.subEventType()).isEqualTo("Armed clash");
        assertThat(f.location()).isEqualTo("Suluk");
        assertThat(f.side1()).isEqualTo("sdf");
    }

    @Test
    void aNewSubjectAfterAndOpensItsOwnClause() {
        // southern Aleppo campaign 2016: the rebels withdrew, the military did not
        List<Event> es = events("On 5 February 2016, the military recaptured Khalidiyah and the rebels withdrew from Zaytan, "
                + "Birnah and other positions they had taken during the previous 24 hours.");
        assertThat(es).anySatisfy(e -> {
            assertThat(e.location()).isEqualTo("Khalidiyah");
            assertThat(e.side1()).isEqualTo("government");
        });
        assertThat(es).filteredOn(e -> e.location().equals("Zaytan"))
                .allSatisfy(e -> assertThat(e.side2()).isEqualTo("opposition"));
    }

    @Test
    void reachingAPlaceIsNoEventByItself() {
        assertThat(events("On 27 July 2014, dozens of government soldiers, fleeing from the north, reached the Al-Thawrah air base.")).isEmpty();
    }

    @Test
    void aNounTakesItsAgentFromByAfterIt() {
        // Dabiq offensive 2016
        Event e = only("On 11 October 2016, activists reported that shelling carried out by the rebels on ISIL-held Duwaybiq village "
                + "killed at least 10 civilians.");
        assertThat(e.subEventType()).isEqualTo("Shelling/artillery/missile attack");
        assertThat(e.side1()).isEqualTo("opposition");
        assertThat(e.provenance().get("actor1").rule()).contains("noun-by");
        assertThat(e.fatalities()).isEqualTo(10);
    }

    @Test
    void aCeasefireNamedInPassingIsNoAgreement() {
        // battle of Ras al-Ayn 2019: the ceasefire is background to the fighting
        assertThat(events("On 20 October 2019, despite the ceasefire, the town of Ras al-Ayn was still sporadically shelled by Turkish forces."))
                .noneSatisfy(e -> assertThat(e.subEventType()).isEqualTo("Agreement"));
        assertThat(events("On 22 October 2019, the SDF and government forces reached an agreement on Manbij."))
                .anySatisfy(e -> assertThat(e.subEventType()).isEqualTo("Agreement"));
    }

    @Test
    void theAirbaseIsTheLastAirbaseTheReportNamedEvenParagraphsBefore() {
        // composed: the reference sits two paragraphs after the base is named, with a village named in between
        Extraction x = TestData.frontline().extract("t.txt", "Test report\n\nExample News, 1 October 2015\n\n"
                + "In January 2015, the rebels turned their attention to the Kuweires airbase.\n\n"
                + "On 3 February 2015, the rebels captured the village of Tal Salmo.\n\n"
                + "On 9 September 2015, the rebels captured the entire airbase.\n");
        assertThat(x.events()).anySatisfy(e -> {
            assertThat(e.eventDate()).isEqualTo("2015-09-09");
            assertThat(e.location()).startsWith("Kuweires");
            assertThat(e.provenance().get("location").rule()).contains("coreference 'the airbase'");
        });
    }

    @Test
    void anAdjectiveCoordinatedWithAGroupNounIsAGroupOfItsOwn() {
        // Dabiq offensive 2016 and battle of Ras al-Ayn 2019: the first-named group leads
        Event a = only("On 28 September 2016, rebel and Turkish forces seized Ziadiyah.");
        assertThat(a.side1()).isEqualTo("opposition");
        assertThat(a.assocActor1()).contains("Turkey");
        Event b = only("On 17 October 2019, Turkish and TFSA forces captured half of Ras al-Ayn.");
        assertThat(b.side1()).isEqualTo("turkey");
        assertThat(b.latitude()).isGreaterThan(36.5); // the border town, not the village of the same name near Damascus
    }

    @Test
    void aParticipleClauseSharesTheMainSubject() {
        // battle of al-Rai 2016: IS is the target of the shelling, not the subject of "re-entering"
        List<Event> es = events("On 17 August 2016, FSA fighters launched a second assault after targeting IS positions with rocket "
                + "artillery, breaking through the first lines of defense and re-entering the town of al-Rai.");
        assertThat(es).isNotEmpty().allSatisfy(e -> assertThat(e.side1()).isEqualTo("opposition"));
    }

    @Test
    void aSentenceDefiningTheCampaignIsNoEvent() {
        // the first sentence of a campaign article summarises it
        assertThat(events("The Battle of al-Rai was a battle fought in August 2016 between the Free Syrian Army and ISIL in the "
                + "border town of al-Rai, which resulted in the FSA capturing the town.")).isEmpty();
    }

    @Test
    void anEventAfterALaterPointOfTheSentenceTakesThatDate() {
        // 2014 Idlib offensive: the seizure is 13 days after the date the sentence opens with
        List<Event> es = events("On 12 March 2014, pro-opposition sources claimed the rebels cut the M-5 highway at Khan Shaykhun; "
                + "13 days later it was reported that the rebels seized 15 Syrian Army checkpoints in Khan Shaykhun after days of fighting.");
        assertThat(es).anySatisfy(e -> {
            assertThat(e.eventDate()).isEqualTo("2014-03-25");
            assertThat(e.provenance().get("event_date").rule()).contains("days-later-in-sentence");
        });
    }

    @Test
    void anAttackByAircraftIsAnAirStrikeAndAnAbbreviationBeforeHqIsAName() {
        // eastern Syria offensive 2014
        Event e = only("On 28 August 2014, Syrian fighter jets launched a precise attack on an ISIL HQ in the city of Muhasan.");
        assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        assertThat(e.side1()).isEqualTo("government");
        assertThat(e.side2()).isEqualTo("islamic_state");
    }

    @Test
    void aBombingThatNamesNoPlaceHappenedWhereTheAttackBeforeItDid() {
        // eastern Syria offensive 2014
        List<Event> es = events("On 23 July 2014, an Islamic State assault force launched an attack on the Division 17 base, north of "
                + "Raqqa. The attack began with two suicide attacks.");
        assertThat(es).anySatisfy(e -> {
            assertThat(e.subEventType()).isEqualTo("Suicide bomb");
            assertThat(e.location()).startsWith("Division 17");
            assertThat(e.provenance().get("location").rule()).contains("the place of the event of the sentence before");
        });
    }

    @Test
    void whatAPlaceWasUsedForIsNoCaptureOfItsTarget() {
        // siege of Kobanî: Siftek was taken, Kobanî was only the aim of later attacks
        List<Event> es = events("On 30 September 2014, ISIL fighters also captured the village of Siftek, to the west, and used it "
                + "to stage attacks on Kobanî itself.");
        assertThat(es).extracting(Event::location).containsExactly("Siftek");
    }

    @Test
    void unitsOfAnActorAreTheActor() {
        // battle of Ras al-Ayn 2019
        Event e = only("On 20 October 2019, Turkish and TFSA units officially captured the town of Ras al-Ayn later in the day.");
        assertThat(e.side1()).isEqualTo("turkey");
        assertThat(e.subEventType()).isEqualTo("Government regains territory");
    }

    @Test
    void placeNamesKeepTitleWordsTheGazetteerKnowsAndNumberedUnits() {
        // "Sheikh" is a title before a person's name, but part of a village name the gazetteer has
        Event e = only("On 4 November 2016, Turkish artillery shelled Sheikh Issa.");
        assertThat(e.location()).isEqualTo("Sheikh Issa");
        assertThat(e.subEventType()).isEqualTo("Shelling/artillery/missile attack");
        // a unit word with its number continues the name before it
        Event b = only("On 2 August 2014, ISIL captured the Infantry Brigade 93 base after a week of fighting.");
        assertThat(b.location()).startsWith("Infantry Brigade 93");
    }

    @Test
    void progressiveVerbsAreNotPassiveAndItsPartReferToThePlaceJustNamed() {
        Event e = only("On 12 May 2017, the SDF had reached the Baath Dam and were fighting ISIL at its gates.");
        assertThat(e.location()).startsWith("Baath");
        assertThat(e.side1()).isEqualTo("sdf");
        assertThat(e.side2()).isEqualTo("islamic_state");
        assertThat(e.provenance().get("actor1").rule()).doesNotContain("passive");
    }

    @Test
    void restoringSecurityToPlacesIsATakeover() {
        Event e = only("On 30 November 2016, army units restored security and stability to the village of Kafr Nabudah after clashes with Jabhat al-Nusra.");
        assertThat(e.subEventType()).isEqualTo("Government regains territory");
        assertThat(e.location()).isEqualTo("Kafr Nabudah");
        assertThat(e.side2()).isEqualTo("hts");
    }

    @Test
    void minesThatWereDismantledAreNoBombing() {
        List<Event> es = events("On 30 November 2016, Syrian army engineers dismantled explosive devices and landmines left by ISIS in the town of al-Qaryatayn.");
        assertThat(es).extracting(Event::subEventType).doesNotContain("Remote explosive/landmine/IED");
    }

    @Test
    void theGoalOfARepelledAttemptIsWhereTheyFoughtNotACapture() {
        Event e = only("On 30 November 2016, rebels repelled an attempt by government forces and allied Iraqi militias to storm and retake the village of Mork.");
        assertThat(e.subEventType()).isEqualTo("Armed clash");
        assertThat(e.side1()).isEqualTo("government");
        assertThat(e.side2()).isEqualTo("opposition");
    }

    @Test
    void aHeldCompoundOfAPluralNameNamesTheHolder() {
        List<Event> es = events("On 30 November 2016, Syrian warplanes carried out air strikes on the rebel-held town of Kafr Zita.");
        assertThat(es).hasSize(1);
        assertThat(es.get(0).subEventType()).isEqualTo("Air/drone strike");
        assertThat(es.get(0).side2()).isEqualTo("opposition");
    }

    @Test
    void deathsInTheFightingOfTheNextParagraphBelongToTheEventBefore() {
        List<Event> x = events(
                "On 30 November 2016, ISIS attacked army positions in the town of Maheen.\n\n"
                + "A monitoring group said at least 14 soldiers and 9 militants were killed in the fighting.");
        assertThat(x).hasSize(1);
        assertThat(x.get(0).fatalities()).isEqualTo(23);
    }

    @Test
    void witnessesAndResidentsAreSpeakersNotTargets() {
        Event e = only("On 30 November 2016, government helicopters dropped barrel bombs on the town of Kafr Zita, residents said.");
        assertThat(e.side2()).isNotEqualTo("civilians");
        assertThat(e.attribution()).isEqualToIgnoringCase("residents");
    }

    @Test
    void aNationalityBeforeAWeaponOrUnitNamesThatStatesForces() {
        Event e = only("On 30 November 2016, Russian helicopter gunships struck the town of Kafr Zita.");
        assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        assertThat(e.side1()).isEqualTo("russia");
        Event f = only("On 30 November 2016, Turkish howitzers shelled the village of Tell Rifaat.");
        assertThat(f.subEventType()).isEqualTo("Shelling/artillery/missile attack");
        assertThat(f.side1()).isEqualTo("turkey");
    }

    @Test
    void aGroupNamedBeforeOneOfItsMembersIsNotTheSubject() {
        Event e = only("On 30 November 2016, Russian jets killed a senior Nusra commander in air-strikes on the town of Kafr Zita.");
        assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        assertThat(e.side1()).isEqualTo("russia");
        assertThat(e.side2()).isEqualTo("hts");
    }

    @Test
    void nearAAndBPlacesTheEventNearEach() {
        List<Event> es = events("On 30 November 2016, Syrian warplanes bombed rebel positions near Kafr Zita and Latamneh.");
        assertThat(es).extracting(Event::location).containsExactlyInAnyOrder("Kafr Zita", "Latamneh");
    }

    @Test
    void itAfterATakeVerbIsThePlaceNamedBefore() {
        List<Event> es = events("On 30 November 2016, ISIS overran the village of Tal Arn, but the rebels recaptured it hours later.");
        assertThat(es).extracting(e -> e.side1() + "@" + e.location())
                .containsExactlyInAnyOrder("islamic_state@Tal Arn", "opposition@Tal Arn");
    }

    @Test
    void aSubordinateClauseHasItsOwnSubject() {
        List<Event> es = events("On 30 November 2016, the rebels entered the town of Morek after government troops withdrew from it.");
        assertThat(es).extracting(Event::side1).doesNotContain("government");
    }

    @Test
    void aPlaceAsSubjectOfAPassiveVerbIsWhereItHappened() {
        Event e = only("On 30 November 2016, Kafr Zita was hit by Russian air strikes.");
        assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        assertThat(e.location()).isEqualTo("Kafr Zita");
        assertThat(e.side1()).isEqualTo("russia");
        assertThat(events("The air base had been besieged by the rebels since September 2012.")).isEmpty();
    }

    @Test
    void aSiteWordAfterAKindWordMakesANamedSite() {
        Event e = only("On 30 November 2016, rebels overran the Zaidan grain silos.");
        assertThat(e.subEventType()).isEqualTo("Non-state actor overtakes territory");
        assertThat(e.location()).startsWith("Zaidan");
    }

    @Test
    void theWholeOfAPartNamedBeforeIsWhatALaterReferenceMeans() {
        List<Event> es = events("On 29 November 2016, the army seized parts of the Brigade 80 base, and by the next day "
                + "had taken full control of the base.");
        assertThat(es).extracting(e -> e.eventDate() + " " + e.location())
                .containsExactlyInAnyOrder("2016-11-29 Brigade 80 base", "2016-11-30 Brigade 80 base");
    }

    @Test
    void aShareOrASiteOfAPlaceTakenIsFightingThereNotACapture() {
        Event e = only("On 30 November 2016, government forces captured 40% of the town of Kafr Zita.");
        assertThat(e.subEventType()).isEqualTo("Armed clash");
        Event f = only("On 30 November 2016, the rebels captured the main bakery in the town of Latamneh.");
        assertThat(f.subEventType()).isEqualTo("Armed clash");
        Event g = only("On 30 November 2016, the SDF had nearly captured the village of Arima.");
        assertThat(g.subEventType()).isEqualTo("Armed clash");
    }

    @Test
    void civiliansHitByShellingAreItsTargetWhenNoArmedTargetIsNamed() {
        Event e = only("On 30 November 2016, government shelling on the rebel-held town of Kafr Zita caused the deaths of 7 civilians.");
        assertThat(e.subEventType()).isEqualTo("Shelling/artillery/missile attack");
        assertThat(e.side2()).isEqualTo("civilians");
        assertThat(e.fatalities()).isEqualTo(7);
    }

    @Test
    void beingCloseToTakingAPlaceIsNoCapture() {
        List<Event> es = events("On 30 November 2016, the Syrian Army said it was very close to recapturing the town of Morek.");
        assertThat(es).extracting(Event::subEventType).doesNotContain("Government regains territory");
    }

    @Test
    void aBombAtABaseIsAimedAtTheEnemyTheReportNames() {
        List<Event> x = events(
                "On 28 November 2016, rebels attacked government troops near Morek.\n\n"
                + "On 30 November 2016, rebels detonated two tunnel bombs under the Kafr Nabudah checkpoint.");
        assertThat(x).filteredOn(e -> e.subEventType().equals("Remote explosive/landmine/IED"))
                .extracting(Event::side2).containsExactly("government");
    }

    @Test
    void withAttacksNearPlacesTellsWhereTheAssaultWas() {
        List<Event> x = events(
                "On 30 November 2016, the Islamic State attacked army positions east of Homs.\n\n"
                + "The group launched a second assault later that day, with attacks on the villages of Maheen and Huwwarin.");
        assertThat(x).extracting(e -> e.side1() + "@" + e.location())
                .contains("islamic_state@Maheen", "islamic_state@Huwwarin");
    }

    @Test
    void aParticipleAfterAnArticleDescribesAndWhatAnEventOpensTheWayForHasNotHappened() {
        assertThat(events("On 30 November 2016, a cargo plane landed at the besieged Kuweires airbase.")).isEmpty();
        assertThat(events("On 30 November 2016, the fall of the hill paved the way for the army to storm the town of Morek."))
                .extracting(Event::location).doesNotContain("Morek");
    }

    @Test
    void aDefinitionWithAnAbbreviationIsNoEvent() {
        assertThat(events("The Battle of Morek was a Syrian Arab Army (SAA) offensive against the rebels to capture the town of Morek.")).isEmpty();
    }

    @Test
    void theCityNamedAsAReferencePointInTheSameSentenceIsTheOneMeant() {
        List<Event> es = events("On 30 November 2016, rebels massed west of Maarat al-Numan as government artillery shelled "
                + "their positions near the city.");
        assertThat(es).extracting(Event::location).contains("Maarat al-Numan");
        assertThat(events("On 30 November 2016, the army attacked the village of Kafr Nabudah, nearly encircling the town of Morek."))
                .extracting(Event::location).doesNotContain("Morek");
    }

    @Test
    void whoWasKilledDueToMinesWasHitNotTheOneWhoLaidThem() {
        List<Event> x = events(
                "On 29 November 2016, the rebels attacked Islamic State positions near al-Bab.\n\n"
                + "On 30 November 2016, 12 rebels were killed in the village of Qabasin, mostly due to landmines.");
        assertThat(x).filteredOn(e -> e.subEventType().equals("Remote explosive/landmine/IED"))
                .extracting(e -> e.side1() + ">" + e.side2() + "@" + e.location())
                .containsExactly("islamic_state>opposition@Qabasin");
    }

    @Test
    void aListGoesOnAfterAnArticle() {
        assertThat(events("On 3 May 2016, rebels seized the National Hospital, the Officers Club and the al-Qusour district."))
                .extracting(Event::location).hasSize(3).anyMatch(l -> l.startsWith("Officers Club"));
        assertThat(events("On 9 March 2016, the army recaptured the Tal Sheer hill, the Sawamea checkpoint and the al-Jura neighbourhood."))
                .extracting(Event::location).containsExactly("Tal Sheer hill", "Sawamea checkpoint", "al-Jura neighbourhood");
    }

    @Test
    void shellingAPlaceHitsTheEnemyTheReportShowedThere() {
        Extraction held = TestData.frontline().extract("t.txt", "Test report\n\nExample News, 1 December 2016\n\n"
                + "On 2 March 2016, the SDF captured Tal Rifaat from the rebels.\n\n"
                + "On 4 March, Turkish artillery shelled Tal Rifaat.\n");
        assertThat(held.events()).filteredOn(e -> e.subEventType().startsWith("Shelling"))
                .extracting(e -> e.side2() + ":" + e.provenance().get("actor2").rule())
                .containsExactly("sdf:actor-abbreviation:SDF; role:context:enemy-at-place");
        // the place held by the shelling side's own allies says nothing about whom the shells hit
        Extraction own = TestData.frontline().extract("t.txt", "Test report\n\nExample News, 1 December 2016\n\n"
                + "On 2 March 2016, the Turkish-backed rebels captured Tal Rifaat from the SDF.\n\n"
                + "On 4 March, Turkish artillery shelled Tal Rifaat.\n");
        assertThat(own.events()).filteredOn(e -> e.subEventType().startsWith("Shelling")).extracting(Event::side2).containsExactly("");
    }

    @Test
    void aBombardmentBeforeAnAssaultHitTheEnemyOfTheAssault() {
        List<Event> x = events(
                "ISIL held the villages around Manbij for two years.\n\n"
                + "On 15 August, after intense mortar fire, the SDF stormed Kherbet Rouz and captured the hill.");
        assertThat(x).filteredOn(e -> e.subEventType().startsWith("Shelling"))
                .extracting(e -> e.side1() + ">" + e.side2()).containsExactly("sdf>islamic_state");
    }

    @Test
    void whereARetreatWentIsNotWhatWasLost() {
        assertThat(events("On 3 June 2016, the rebels withdrew from Kafr Nabl to Maarat al-Numan."))
                .extracting(Event::location).containsExactly("Kafr Nabl");
        assertThat(events("On 2 May 2016, government troops pulled back from Tal Hamis toward Qamishli."))
                .extracting(Event::location).containsExactly("Tal Hamis");
    }

    @Test
    void theEndsOfARoadThatWasCutAreReferencePoints() {
        assertThat(events("On 4 March 2016, the army seized Tal Hadiya, cutting the road to Zahraa."))
                .extracting(Event::location).containsExactly("Tal Hadiya");
        assertThat(events("On 2 April 2016, the rebels seized Kafr Amma, cutting off the supply line to the Zarbah and Hader bases from Aleppo."))
                .extracting(Event::location).containsExactly("Kafr Amma");
    }

    @Test
    void whoAttackersPretendedToBeIsNotWhoActed() {
        List<Event> x = events(
                "ISIL fighters have besieged the city since June.\n\n"
                + "On 3 May, gunmen disguised as SDF fighters attacked a checkpoint in Qamishli.");
        assertThat(x).extracting(Event::location).contains("Qamishli");
        assertThat(x).extracting(Event::side1).doesNotContain("sdf");
    }

    @Test
    void aNameThatQualifiesPeopleIsNoPlace() {
        assertThat(events("On 3 May 2016, gunmen attacked the Ba'ath party office in Deir Hafer, killing a Ba'ath political leader."))
                .extracting(Event::location).containsExactly("Deir Hafer");
    }

    @Test
    void rocketsFiredOnATownHitIt() {
        Event e = only("On 20 November 2016, ISIL fired two rockets on Kilis in Turkey, leaving eight civilians injured.");
        assertThat(e.subEventType()).isEqualTo("Shelling/artillery/missile attack");
        assertThat(e.location()).isEqualTo("Kilis");
        assertThat(e.side2()).isEqualTo("civilians");
    }

    @Test
    void shootingDownAHelicopterOrPlaneIsAClashAndADroneIsDisruptedWeaponsUse() {
        Event heli = only("On 17 February 2015, al-Nusra Front reportedly shot down a helicopter above the airbase of Abu al-Duhur.");
        assertThat(heli.subEventType()).isEqualTo("Armed clash");
        assertThat(heli.side1()).isEqualTo("hts");
        Event jet = only("On 3 May 2016, rebels shot down a government jet over Kafr Nabl.");
        assertThat(jet.subEventType()).isEqualTo("Armed clash");
        assertThat(jet.location()).isEqualTo("Kafr Nabl");
        assertThat(only("On 3 May 2016, the SDF shot down a Turkish drone over Kobani.").subEventType()).isEqualTo("Disrupted weapons use");
    }

    @Test
    void warPlanesWrittenAsTwoWordsAreAnAirForce() {
        Event e = only("On 13 October 2019, Turkish war planes attacked a convoy near Tell Tamer, killing 14 people.");
        assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        assertThat(e.actor1()).contains("Turkey").contains("Air Force");
    }

    @Test
    void blowingSomethingUpIsAnExplosionUnlessTheBomberBlewHimselfUp() {
        assertThat(only("On 16 September 2014, army engineers blew up the Political Bridge in Deir ez-Zor.").subEventType())
                .isEqualTo("Remote explosive/landmine/IED");
        assertThat(only("On 2 May 2016, a bomber blew himself up at a checkpoint in Azaz.").subEventType()).isEqualTo("Suicide bomb");
    }

    @Test
    void aSiteReferredToWithItsKindWordIsTheSiteNamedBefore() {
        List<Event> x = events(
                "On 2 May 2016, the SDF captured the Tishrin grain silos.\n\n"
                + "ISIL recaptured the grain silos on 4 May.");
        assertThat(x).extracting(e -> e.eventDate() + " " + e.side1() + " " + e.location())
                .containsExactly("2016-05-02 sdf Tishrin silos", "2016-05-04 islamic_state Tishrin silos");
    }

    @Test
    void theTownTakenAlongWithNamedVillagesIsTakenToo() {
        List<Event> x = events(
                "On 6 October 2016, the rebels captured the town of Qabasin.\n\n"
                + "Two days later, an ISIL counter-attack recaptured the town, along with three other villages, including Sosyan.");
        assertThat(x).filteredOn(e -> e.eventDate().equals("2016-10-08"))
                .extracting(e -> e.side1() + " " + e.location()).containsExactlyInAnyOrder("islamic_state Qabasin", "islamic_state Sosyan");
    }

    @Test
    void whoDiedInAnAmbushOrAttackWasItsTarget() {
        Event died = only("On 4 May 2016, three SDF fighters died in an ambush near Tal Tamr.");
        assertThat(died.subEventType()).isEqualTo("Armed clash");
        assertThat(died.side2()).isEqualTo("sdf");
        assertThat(died.fatalities()).isEqualTo(3);
        Event killed = only("On 9 June 2016, five soldiers were killed in an attack by ISIL west of Deir Hafer.");
        assertThat(killed.side1() + ">" + killed.side2()).isEqualTo("islamic_state>government");
        assertThat(killed.fatalities()).isEqualTo(5);
    }

    @Test
    void aLaterPeriodWithItsYearMovesTheStoryIntoThatYear() {
        Extraction x = TestData.frontline().extract("t.txt", "Test report\n\nExample News, 1 December 2017\n\n"
                + "On 14 April 2016, ISIL launched another offensive on Deir Hafer.\n\n"
                + "Between 26 January and 12 February 2017, heavy fighting took place near the town. "
                + "On 12 February, 20 soldiers were killed in an attack by ISIL east of Deir Hafer.\n");
        assertThat(x.events()).filteredOn(e -> e.fatalities() == 20).extracting(Event::eventDate).containsExactly("2017-02-12");
    }

    @Test
    void aRoadOrRouteTakenOrLostIsNoPlaceChangingHands() {
        assertThat(events("On 5 May 2016, ISIL lost the only land route into the city of Deir ez-Zor.")).isEmpty();
        assertThat(events("On 6 May 2016, the army recaptured the road between Morek and Kafr Zita.")).isEmpty();
        assertThat(events("On 6 May 2016, the army recaptured the highway and the town of Kafr Zita."))
                .extracting(Event::location).containsExactly("Kafr Zita");
    }

    @Test
    void aCaptureToldAgainAsBackgroundIsNotAnotherCapture() {
        List<Event> x = events(
                "On 3 May 2016, rebels captured Kafr Nabl from the army. "
                + "After Kafr Nabl was captured, the rebels shelled Hass.");
        assertThat(x).filteredOn(e -> e.location().equals("Kafr Nabl"))
                .extracting(e -> e.side1() + ">" + e.side2()).containsExactly("opposition>government");
    }

    @Test
    void theGroupWrittenISIsNoPassiveAuxiliary() {
        Event e = only("However, it was reported that on 27 August 2016, IS recaptured Dabiq.");
        assertThat(e.side1()).isEqualTo("islamic_state");
        assertThat(e.subEventType()).isEqualTo("Non-state actor overtakes territory");
    }

    @Test
    void aCountedSubjectAfterAfterOpensItsOwnClause() {
        List<Event> x = events(
                "On 7 September 2016, rebels attacked the Kuweires airbase after at least two ISIL fighters blew themselves up at its gate.");
        assertThat(x).filteredOn(e -> e.subEventType().equals("Suicide bomb")).extracting(Event::side1)
                .containsExactly("islamic_state");
    }

    @Test
    void startingOrContinuingToAttackIsAnAttack() {
        Event e = only("Around 10 August 2016, ISIL began to repeatedly attack the Kuweires airbase.");
        assertThat(e.subEventType()).isEqualTo("Armed clash");
        assertThat(e.side1()).isEqualTo("islamic_state");
        assertThat(events("The attack on Morek began at dawn on 3 May 2016.")).isEmpty();
    }

    @Test
    void whatPeopleWillNotBeAllowedToDoIsNoEvent() {
        assertThat(events("On 3 May 2016, the council in Azaz ruled that civilians would not be allowed to enter the town.")).isEmpty();
    }

    @Test
    void aBombThatHitSoldiersWasSetByTheirEnemy() {
        List<Event> x = events(
                "ISIL attacked the army in Hasakah for weeks. "
                + "On 25 July 2016, a car bomb was detonated at a checkpoint in Hasakah, killing five soldiers.");
        assertThat(x).filteredOn(e -> e.eventDate().equals("2016-07-25"))
                .extracting(e -> e.side1() + ">" + e.side2()).containsExactly("islamic_state>government");
    }

    @Test
    void aCommanderOfAGroupKilledIsOfThatGroup() {
        Event e = only("On 8 March 2016, a commander of an FSA battalion was assassinated by unknown gunmen between the villages of Kafr Nabl and Hass.");
        assertThat(e.side2()).isEqualTo("opposition");
        assertThat(e.location()).isEqualTo("Kafr Nabl");
    }

    @Test
    void villagesNamedInBracketsAreEachTaken() {
        assertThat(events("On 19 March 2016, rebel forces captured two villages (Tuqlix and Mruglex), north of Azaz, from ISIL."))
                .extracting(e -> e.subEventType() + " " + e.location())
                .containsExactly("Non-state actor overtakes territory Tuqlix", "Non-state actor overtakes territory Mruglex");
    }

    @Test
    void reachingAPlaceIsFightingThereNotTakingIt() {
        assertThat(events("On 20 September 2016, ISIL seized six villages in a counter-attack near Dabiq, reaching the village of Ihtemlat."))
                .filteredOn(e -> e.location().equals("Ihtemlat")).extracting(Event::subEventType).containsExactly("Armed clash");
        // soldiers who fled and reached a base of their own did not fight there
        assertThat(events("On 27 July 2016, dozens of soldiers, fleeing from Division 17, reached the Tabqa air base.")).isEmpty();
    }

    @Test
    void fightingAlongARoadIsPlacedNearItsFirstEndEvenAfterABackgroundCapture() {
        List<Event> x = events(
                "On 3 April 2016, Kafr Zita was captured by the rebels, thus cutting off the supply route to the army bases at Hama. "
                + "After Kafr Zita was captured, clashes took place along the highway between Morek and Suran.");
        assertThat(x).extracting(e -> e.subEventType() + " " + e.location())
                .containsExactlyInAnyOrder("Non-state actor overtakes territory Kafr Zita", "Armed clash Morek");
    }

    @Test
    void villagesTakenWithinADistanceOfAStrongholdAreNearIt() {
        Event e = only("Between 21 and 24 May 2016, the army captured another 11 villages, reaching within 6 km from ISIL's stronghold of Deir Hafer.");
        assertThat(e.location()).isEqualTo("Deir Hafer");
        assertThat(e.locationStatus()).isEqualTo("region");
    }

    @Test
    void aVillageWestOfTheTownIsNearTheTownNotInIt() {
        List<Event> x = events(
                "On 20 September 2016, ISIL attacked Dabiq. "
                + "The next day, the rebels captured a village west of the town.");
        assertThat(x).filteredOn(e -> e.subEventType().startsWith("Non-state"))
                .extracting(e -> e.location() + " " + e.locationStatus()).containsExactly("Dabiq region");
    }

    @Test
    void managingToControlMovingCloseAndConfrontingAreEvents() {
        assertThat(only("On 23 January 2015, the rebels managed to control Tal Salmo village.").subEventType())
                .isEqualTo("Non-state actor overtakes territory");
        Event moving = only("On 9 October 2019, Turkish troops crossed the border, moving close to Tell Abyad.");
        assertThat(moving.subEventType()).isEqualTo("Armed clash");
        assertThat(moving.location()).isEqualTo("Tell Abyad");
        Event met = only("On 18 October 2019, Syrian Army units confronted Turkish troops near Tal Tamr.");
        assertThat(met.side1() + ">" + met.side2()).isEqualTo("government>turkey");
        assertThat(events("On 9 October 2019, thousands of civilians moved towards Hasakah.")).isEmpty();
    }

    @Test
    void whatARelativeClauseRecallsIsNoNewEvent() {
        Event e = only("On 14 December 2016, the army was trying to regain areas it previously lost around Morek.");
        assertThat(e.subEventType()).isEqualTo("Armed clash");
        assertThat(e.side1()).isEqualTo("government");
        assertThat(events("By 30 May 2016, the rebels held five of the villages that they had lost near Azaz."))
                .extracting(Event::subEventType).doesNotContain("Non-state actor overtakes territory", "Government regains territory");
        // a complement clause is no relative clause
        assertThat(only("On 1 May 2017, the SDF stated that it had captured Mansoura.").subEventType())
                .isEqualTo("Non-state actor overtakes territory");
    }

    @Test
    void theTownContainingADistrictTakenIsNotTakenItself() {
        assertThat(events("On 3 May 2016, the rebels recaptured the Al Jalaa residential area of Kafr Nabl."))
                .extracting(Event::location).containsExactly("Al Jalaa");
        assertThat(events("On 4 May 2016, the army took the Masakin district of Morek."))
                .extracting(Event::location).containsExactly("Masakin");
    }

    @Test
    void theEndsOfAHighwayLinkingTwoCitiesAndAnEvaluativeClauseAreNoPlacesOfTheEvent() {
        // cutting a road is placed near its first end at most, never in the cities it links
        assertThat(events("On 22 March 2017, the rebels cut off the highway linking Raqqa and Aleppo."))
                .allMatch(e -> e.locationStatus().equals("region")).extracting(Event::location).doesNotContain("Aleppo");
        assertThat(events("On 22 March 2017, two villages were seized by the SDF and it was believed that the Tishrin dam was held by ISIL."))
                .extracting(Event::location).doesNotContain("Tishrin dam", "Tishrin");
    }

    @Test
    void deathsInTheNextSentenceBelongToItsOwnActorsEventNotTheOneBefore() {
        List<Event> x = events(
                "On 22 September 2016, ISIL fired two rockets on Kilis, leaving eight civilians injured. "
                + "The Turkish military later carried out airstrikes against the positions the rockets were fired from, resulting in the deaths of 40 militants.");
        assertThat(x).filteredOn(e -> e.location().equals("Kilis")).extracting(Event::fatalities).containsOnly(0);
        // with no new actor, the next sentence's toll is the event's own
        List<Event> y = events("On 22 September 2016, the rebels attacked Dabiq. Twelve rebels were killed.");
        assertThat(y).extracting(Event::fatalities).containsExactly(12);
    }

    @Test
    void anAsideInBracketsDoesNotHideTheToll() {
        assertThat(only("On 15 April 2016, 21 rebels (including a defected officer and a battalion commander) and a number of "
                + "Army soldiers were reportedly killed in clashes around Kafr Nabl town.").fatalities()).isEqualTo(21);
        // deaths in a contrasting clause belong to another place
        assertThat(events("On 25 July 2016, clashes near Hasakah killed three YPG fighters, while 11 soldiers (including an officer) died defending a base."))
                .filteredOn(e -> e.location().equals("Hasakah")).extracting(Event::fatalities).containsExactly(3);
    }

    @Test
    void anAsClauseWithItsOwnSubjectIsNoPlaceOfTheFighting() {
        assertThat(events("The rebels attacked Dabiq on 16 August 2016. On 17 August, fighting continued in the outskirts of Dabiq "
                + "as ISIL retained its headquarters in nearby Akhtarin.")).extracting(Event::location).doesNotContain("Akhtarin");
        assertThat(events("On 18 August 2016, the rebels captured Sawran as well as Akhtarin."))
                .extracting(Event::location).containsExactly("Sawran", "Akhtarin");
    }

    @Test
    void anArabicArticleWrittenApartJoinsANameOnlyBeforeItsOwnLetter() {
        assertThat(events("On 18 August 2016, the rebels captured Tall as Sawda and Ras an Nabi."))
                .extracting(Event::location).containsExactly("Tall as Sawda", "Ras an Nabi");
        assertThat(events("On 18 August 2016, the rebels attacked Dabiq as ISIL fighters fled."))
                .extracting(Event::location).containsExactly("Dabiq");
    }
}
