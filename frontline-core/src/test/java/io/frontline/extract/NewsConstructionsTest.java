package io.frontline.extract;

import io.frontline.events.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constructions of news copy (wire stories, agency bulletins, military press releases), each on sentences written for
 * this test, wrapped in a minimal dated report. None of them is a sentence of the gold sets.
 */
class NewsConstructionsTest {

    private static final DatedReport REPORT = new DatedReport("Example Agency, 12 March 2019");

    private static List<Event> events(String text) {
        return REPORT.events(text);
    }

    private static Event only(String sentence) {
        return REPORT.only(sentence);
    }

    @Test
    void strikesCarriedOutOrConductedAreAirStrikes() {
        Event e = only("Russian warplanes carried out at least 15 strikes on the town of Kafr Zita on Monday.");
        assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        assertThat(e.side1()).isEqualTo("russia");
        assertThat(e.location()).isEqualTo("Kafr Zita");
        Event f = only("On 9 March, U.S. Central Command forces conducted a precision strike near Azaz, killing two senior ISIS leaders.");
        assertThat(f.subEventType()).isEqualTo("Air/drone strike");
        assertThat(f.side1()).isEqualTo("us_coalition");
        assertThat(f.side2()).isEqualTo("islamic_state");
        assertThat(f.fatalities()).isEqualTo(2);
        assertThat(f.geoPrecision()).isEqualTo(2);
        // artillery strikes are shelling, not air strikes
        assertThat(events("Turkish forces carried out artillery strikes on the village of Tal Tamr on Sunday."))
                .noneMatch(x -> x.subEventType().equals("Air/drone strike"));
    }

    @Test
    void anAttackOnATargetIsAnEvent() {
        Event e = only("An ISIS attack on an army checkpoint in the town of al-Sukhnah on Sunday killed five soldiers.");
        assertThat(e.side1()).isEqualTo("islamic_state");
        assertThat(e.side2()).isEqualTo("government");
        assertThat(e.location()).isEqualTo("al-Sukhnah");
        assertThat(e.fatalities()).isEqualTo(5);
        // the setting of an arrest is no attack of its own
        Event g = only("Police arrested seven people during a raid on the village of Khirbet Ghazaleh on Tuesday.");
        assertThat(g.subEventType()).isEqualTo("Arrests");
        assertThat(g.side2()).isEqualTo("civilians");
    }

    @Test
    void aircraftSubjectsMakeStrikesOfHitsAndFire() {
        Event e = only("Israeli jets struck targets near the town of Masyaf on Sunday night.");
        assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        assertThat(e.side1()).isEqualTo("israel");
        Event f = only("A fighter jet fired missiles at the village of Kafr Nabudah on Monday, killing four people.");
        assertThat(f.subEventType()).isEqualTo("Air/drone strike");
        assertThat(f.side2()).isEqualTo("civilians");
        Event g = only("Warplanes of the Turkish army bombed the village of Tal Tamr on Monday.");
        assertThat(g.side1()).isEqualTo("turkey");
        // "hit" with a ground subject is no air strike
        assertThat(events("Rebels hit an army checkpoint in the town of Morek with mortars on Monday."))
                .noneMatch(x -> x.subEventType().equals("Air/drone strike"));
    }

    @Test
    void theSpeakerActsInItsOwnReport() {
        Event e = only("The army said it had repelled an attack on the town of Suran on Sunday.");
        assertThat(e.subEventType()).isEqualTo("Armed clash");
        assertThat(e.side2()).isEqualTo("government");
        assertThat(e.provenance().get("actor2").text()).isEqualTo("The army"); // the speaker, also the defender
        Event f = only("The SDF said its fighters captured the village of al-Baghuz on Saturday.");
        assertThat(f.side1()).isEqualTo("sdf");
        assertThat(f.subEventType()).isEqualTo("Non-state actor overtakes territory");
    }

    @Test
    void newerActorsAreKnown() {
        Event e = only("A drone strike on a car near al-Mayadin killed three members of an Iran-backed militia on Friday.");
        assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        assertThat(e.side2()).isEqualTo("iran");
        assertThat(e.fatalities()).isEqualTo(3);
        Event f = only("The Military Operations Command captured the town of Khan Tuman on Friday.");
        assertThat(f.side1()).isEqualTo("hts");
    }

    @Test
    void aCityContainsThePlaceNamedAfterIt() {
        Event e = only("Gunmen kidnapped a doctor in the Damascus suburb of Jaramana on Monday.");
        assertThat(e.subEventType()).isEqualTo("Abduction/forced disappearance");
        assertThat(e.location()).isEqualTo("Jaramana");
        assertThat(e.side2()).isEqualTo("civilians");
        Event f = only("A car bomb exploded in Homs's al-Zahraa neighbourhood on Tuesday, killing three people.");
        assertThat(f.location()).startsWith("al-Zahraa");
        assertThat(f.latitude()).isBetween(34.5, 34.9); // in or at Homs, not another al-Zahraa
        List<Event> g = events("Rebels seized the eastern Aleppo districts of Sakhour and Haydariyah on Sunday.");
        assertThat(g).extracting(Event::location).contains("Sakhour").doesNotContain("Aleppo");
    }

    @Test
    void aNameGivenToAPersonIsNoPlace() {
        List<Event> es = events("Rebels overran a police post in the town of Ariha on Monday, said a fighter who gave his name as Abu Ali.");
        assertThat(es).extracting(Event::location).containsExactly("Ariha");
    }

    @Test
    void aCityOpeningTheSentenceHoldsThePlacesItNames() {
        Event e = only("In Damascus, a roadside bomb exploded in the Barzeh district on Monday, killing two soldiers.");
        assertThat(e.location()).startsWith("Barzeh");
        assertThat(e.latitude()).isBetween(33.3, 33.7);
    }

    @Test
    void theEndsOfARoadCutInAnotherClauseDoNotPlaceTheCapture() {
        Event e = only("Rebels seized the town of Kafranbel on Monday, cutting the road between Hama and Aleppo.");
        assertThat(e.location()).isEqualTo("Kafranbel");
        assertThat(e.geoPrecision()).isEqualTo(1);
        assertThat(e.latitude()).isBetween(35.5, 35.7);
    }

    @Test
    void aVaguePastPeriodOfANewsReportDoesNotDateTheParagraphsAfterIt() {
        List<Event> es = events("The fight for the city has dragged on since the rebels pushed into it in late January.\n\n"
                + "Rebels captured the village of Kafr Hamra after heavy clashes with the army.");
        assertThat(es).filteredOn(e -> e.location().equals("Kafr Hamra")).singleElement()
                .satisfies(e -> assertThat(e.eventDate()).isEqualTo("2019-03-12"));
    }

    @Test
    void theHolderOfAPlaceStruckIsTheEnemyTheReportNames() {
        List<Event> es = events("Jaysh al-Izza fighters attacked army positions near Morek on Sunday.\n\n"
                + "Government warplanes carried out dozens of strikes on the militant-held town of Latamneh on Monday.\n\n"
                + "Russian jets pounded the rebel stronghold of Kafr Zita on Monday.");
        assertThat(es).filteredOn(e -> e.location().equals("Latamneh")).singleElement()
                .satisfies(e -> assertThat(e.side2()).isEqualTo("opposition"));
        assertThat(es).filteredOn(e -> e.location().equals("Kafr Zita")).singleElement()
                .satisfies(e -> assertThat(e.side2()).isEqualTo("opposition"));
    }

    @Test
    void regimeForcesAndTakingControlOfIt() {
        Event e = only("Pro-regime forces entered the village of Kabani on Sunday and took control of it after the rebels withdrew.");
        assertThat(e.subEventType()).isEqualTo("Government regains territory");
        assertThat(e.side1()).isEqualTo("government");
        assertThat(e.location()).isEqualTo("Kabani");
    }

    @Test
    void aGroupClaimingResponsibilityIsThePerpetratorOfTheBombingJustReported() {
        Event e = only("A roadside bomb exploded near a bus in the town of Jableh on Monday, killing four people.\n\n"
                + "Islamic State claimed responsibility for the attack in a statement.");
        assertThat(e.side1()).isEqualTo("islamic_state");
        assertThat(e.side2()).isEqualTo("civilians");
        assertThat(e.provenance().get("actor1").rule()).contains("claimed-responsibility");
        // a bombing whose perpetrator the report names keeps it
        Event f = only("Rebels detonated a car bomb at an army checkpoint in the town of Morek on Monday, killing two soldiers. "
                + "Islamic State claimed responsibility.");
        assertThat(f.side1()).isEqualTo("opposition");
    }

    @Test
    void theSourceOfAnAttributionIsNoGuessedOpponent() {
        List<Event> es = events("The SDF captured the village of al-Baghuz on Saturday.\n\n"
                + "According to U.S. Central Command, ISIS fighters attacked the village of Hajin on Monday.");
        assertThat(es).filteredOn(e -> e.location().equals("Hajin")).singleElement().satisfies(e -> {
            assertThat(e.attribution()).isEqualTo("U.S. Central Command");
            assertThat(e.side2()).isEqualTo("sdf");
        });
    }

    @Test
    void anEntryWithoutFightingIsANonViolentTransfer() {
        Event e = only("Government troops entered the town of Tadef without resistance on Sunday, state media said.");
        assertThat(e.subEventType()).isEqualTo("Non-violent transfer of territory");
        assertThat(e.side1()).isEqualTo("government");
        assertThat(e.notes()).contains("took over Tadef").contains("without fighting");
        Event f = only("Army units entered the district of Khalidiyah on Monday after the last rebel fighters left it under a UN-supervised deal.");
        assertThat(f.subEventType()).isEqualTo("Non-violent transfer of territory");
        // fighting told in the same sentence makes it a capture
        Event g = only("Government troops entered the town of Tadef on Sunday after fierce clashes, once the last rebels had left.");
        assertThat(g.subEventType()).isNotEqualTo("Non-violent transfer of territory");
    }

    @Test
    void unnamedAirStrikesBeforeRussiasInterventionAreTheSyrianAirForces() {
        DatedReport y2013 = new DatedReport("Example Agency, 14 May 2013");
        Event e = y2013.only("Warplanes bombed the town of Kafr Nabl on Monday, killing six people, activists said.");
        assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        assertThat(e.side1()).isEqualTo("government");
        assertThat(e.provenance().get("actor1").rule()).isEqualTo("context:sole-air-force-before-2015-09-30");
        // after Russia's intervention an unnamed air strike may be either's
        DatedReport y2017 = new DatedReport("Example Agency, 14 May 2017");
        assertThat(y2017.only("Warplanes bombed the town of Kafr Nabl on Monday, killing six people, activists said.").side1())
                .isEqualTo("unknown");
        // in late 2014 strikes on the Islamic State may be the coalition's
        DatedReport y2014 = new DatedReport("Example Agency, 20 November 2014");
        assertThat(y2014.only("Air strikes hit Islamic State positions in the town of al-Shaddadi on Tuesday.").side1())
                .isEqualTo("unknown");
    }

    @Test
    void aWordDescribingATownIsNotItsName() {
        Event e = only("Rebels seized the ancient Christian town of Saidnaya on Monday after fighting with the army.");
        assertThat(e.location()).isEqualTo("Saidnaya");
        List<Event> es = events("At least nine soldiers were killed in Monday's fighting in the Alawite-majority district of Zahra in Homs.");
        assertThat(es).extracting(Event::location).doesNotContain("Monday", "Alawite-majority", "Alawite");
    }

    @Test
    void takingPeopleAwayIsNoCapture() {
        assertThat(events("Gunmen took 20 workers of a cement plant from the village of Tal Hasel to the town of Deir Hafer on Monday."))
                .noneMatch(e -> e.subEventType().contains("territory"));
        Event e = only("Rebels took the village of Tal Hasel on Monday after killing five soldiers.");
        assertThat(e.subEventType()).isEqualTo("Non-state actor overtakes territory");
    }

    @Test
    void thePlaceAnAttackCameFromIsNotWhereItStruck() {
        Event e = only("Rebels attacked army positions near Morek from Latamneh on Monday, activists said.");
        assertThat(e.location()).isEqualTo("Morek");
        // alone, the "from" place is still the place of the event
        Event f = only("Government forces shelled the town of Kafr Zita from the nearby village of Halfaya on Monday.");
        assertThat(f.location()).isEqualTo("Kafr Zita");
    }

    @Test
    void residentsOfAPlaceProtestThere() {
        Event e = only("Hundreds of residents of Saqba protested against the armed groups on Friday.");
        assertThat(e.subEventType()).isEqualTo("Peaceful protest");
        assertThat(e.location()).isEqualTo("Saqba");
    }

    @Test
    void artilleryThatStrikesShells() {
        Event e = only("Turkish artillery struck SDF positions in the village of Tal Tamr on Monday.");
        assertThat(e.subEventType()).isEqualTo("Shelling/artillery/missile attack");
        assertThat(e.side1()).isEqualTo("turkey");
    }

    @Test
    void anIndustrialDistrictIsAPlaceOfItsOwn() {
        Event e = only("Government forces took control of the Ramouseh industrial district on the edge of Aleppo on Monday.");
        assertThat(e.location()).startsWith("Ramouseh");
    }

    @Test
    void twoNamesBeforeOnePluralFeatureWordAreTwoPlaces() {
        List<Event> es = events("Air strikes hit the Bustan al-Qasr and al-Kallaseh neighbourhoods of Aleppo on Monday, killing nine civilians.");
        assertThat(es).extracting(Event::location).anyMatch(l -> l.startsWith("Bustan al-Qasr")).contains("al-Kallaseh");
        List<Event> cs = events("Rebels captured the Tal Sawwan and Tal Kurdi checkpoints on Monday.");
        assertThat(cs).extracting(Event::location).anyMatch(l -> l.startsWith("Tal Sawwan")).anyMatch(l -> l.startsWith("Tal Kurdi"));
    }

    @Test
    void aCemeteryIsAPlace() {
        Event e = only("Government forces recaptured the Najha Cemetery south of Damascus on Monday.");
        assertThat(e.location()).startsWith("Najha");
    }

    @Test
    void eachPlaceTakesTheDayWrittenAfterIt() {
        DatedReport r = new DatedReport("Example Agency, 30 June 2016");
        List<Event> es = r.events("Government forces retook Kinsabba on June 2, the Salma hills on June 9 and the Kabani military base on June 20.");
        assertThat(es).filteredOn(e -> e.location().equals("Kinsabba")).singleElement()
                .satisfies(e -> assertThat(e.eventDate()).isEqualTo("2016-06-02"));
        assertThat(es).filteredOn(e -> e.location().startsWith("Kabani")).singleElement()
                .satisfies(e -> assertThat(e.eventDate()).isEqualTo("2016-06-20"));
    }

    @Test
    void mayBeforeADayIsTheMonth() {
        DatedReport r = new DatedReport("Example Agency, 30 May 2016");
        assertThat(r.only("On May 12, rebels shelled the town of Mhardeh, killing three civilians.").eventDate()).isEqualTo("2016-05-12");
    }

    @Test
    void aMilitaryCampIsAPlaceNotTheMilitary() {
        Event e = only("Islamist rebels overran the Qarmid military camp on Monday.");
        assertThat(e.side1()).isEqualTo("opposition");
        assertThat(e.side2()).isNotEqualTo("government"); // nobody named as its defenders in the sentence
    }

    @Test
    void strikesNamedByTheirStateAreAirStrikes() {
        Event e = only("Russian strikes hit the village of Kansafra on Monday, killing four civilians.");
        assertThat(e.subEventType()).isEqualTo("Air/drone strike");
        assertThat(e.side1()).isEqualTo("russia");
        // a strike team is no strike
        assertThat(events("A Russian strike team was seen in the town of Tal Tamr on Monday.")).isEmpty();
    }

    @Test
    void generalSecurityIsTheState() {
        DatedReport r = new DatedReport("Example Agency, 3 March 2025");
        Event e = r.only("General Security forces arrested four men in the town of Sanamayn on Sunday.");
        assertThat(e.subEventType()).isEqualTo("Arrests");
        assertThat(e.side1()).isEqualTo("government");
    }

    @Test
    void aDayWithoutAYearInAnUndatedReportDatesNothing() {
        List<Event> es = io.frontline.TestData.frontline().extract("t.txt",
                "Rebels advance\n\nOn 12 March, rebels captured the village of Kafr Nabl.\n").events();
        assertThat(es).singleElement().satisfies(e -> assertThat(e.eventDate()).isNull()); // not this machine's year
    }

    @Test
    void crowdsThatMarchOrTakeToTheStreetsProtest() {
        Event e = only("Hundreds of people marched through the town of Kafr Nabl after Friday prayers on Friday.");
        assertThat(e.subEventType()).isEqualTo("Peaceful protest");
        // troops that march are no protest
        assertThat(events("Syrian troops marched into the town of Kafr Nabl on Monday."))
                .noneMatch(x -> x.subEventType().equals("Peaceful protest"));
    }

    @Test
    void aCityOfExactlyTheNameWinsOverASimilarVillageNearTheParagraphsPlaces() {
        List<Event> es = events("Hundreds of people protested in the town of Kafr Nabl on Friday. "
                + "Thousands of residents took to the streets of Suwayda on Sunday.");
        assertThat(es).filteredOn(x -> x.location().equals("Suwayda")).singleElement()
                .satisfies(x -> assertThat(x.latitude()).isLessThan(33.0)); // the city in the south, not Al-Suwaydah in Hama
    }

    @Test
    void bareTroopsAreTheStatesButNotTroopsSomeoneElseNames() {
        Event e = only("In Homs itself, troops shelled the rebel-held district of Khalidiyah on Thursday, activists said.");
        assertThat(e.side1()).isEqualTo("government");
        List<Event> es = events("Turkish and SNA forward troops attacked the town of Tal Abyad on Wednesday.");
        assertThat(es).noneMatch(x -> x.side1().equals("government") || x.side2().equals("government"));
        Event f = only("The Air Force Intelligence branch arrested two men in the town of Jasim on Tuesday.");
        assertThat(f.side1()).isEqualTo("government");
    }

    @Test
    void violenceAgainstCiviliansHasCiviliansAsItsSecondActor() {
        Event e = only("Unknown gunmen shot dead a local official in front of his house in the town of Jasim on Tuesday.");
        assertThat(e.subEventType()).isEqualTo("Attack");
        assertThat(e.side2()).isEqualTo("civilians");
        assertThat(e.provenance().get("actor2").rule()).isEqualTo("type:violence-against-civilians");
    }

    @Test
    void shellingThatDestroysHomesWithNoArmedTargetHitsCivilians() {
        Event e = only("Regime forces shelled the village of Kafr Zita on Sunday, destroying three houses and a school.");
        assertThat(e.side2()).isEqualTo("civilians");
        assertThat(e.provenance().get("actor2").rule()).isEqualTo("context:civilian-property-hit");
        // an armed target named stays the target
        Event f = only("Regime forces shelled rebel positions in the village of Kafr Zita on Sunday, damaging two houses.");
        assertThat(f.side2()).isEqualTo("opposition");
    }

    @Test
    void israelsStrikesWithNoTargetNamedAreOnTheState() {
        Event e = only("Israeli warplanes struck the vicinity of the town of Jableh overnight on Sunday, state media said.");
        assertThat(e.side1()).isEqualTo("israel");
        assertThat(e.side2()).isEqualTo("government");
        assertThat(e.provenance().get("actor2").rule()).isEqualTo("context:israel-strikes-the-state");
        // a named target stays
        Event f = only("Israeli warplanes struck Hezbollah positions near the town of Qusayr on Sunday.");
        assertThat(f.provenance().get("actor2").rule()).doesNotContain("israel-strikes-the-state");
    }

    @Test
    void aShortDenialNegatesAndCitizensAreCivilians() {
        assertThat(events("The army denied its jets had bombed the village of Kafr Nabl on Monday.")).isEmpty();
        Event e = only("Two citizens were killed when terrorists fired rocket shells on the town of Mhardeh on Saturday.");
        assertThat(e.side2()).isEqualTo("civilians");
    }

    @Test
    void aStruckThatIsNoAirStrikeDoesNotCutTheEventShort() {
        Event e = only("On Sunday, a suicide bomber driving a van struck an army checkpoint on the northern edge of Rastan, killing six soldiers.");
        assertThat(e.subEventType()).isEqualTo("Suicide bomb");
        assertThat(e.location()).isEqualTo("Rastan");
        assertThat(e.side2()).isEqualTo("government");
    }

    @Test
    void aClaimInTheSameSentenceNamesThePerpetrator() {
        Event e = only("On Sunday, a car bomb exploded at an army checkpoint in the town of Rastan, killing six soldiers, "
                + "a monitor said, adding that Islamic State had claimed the attack.");
        assertThat(e.side1()).isEqualTo("islamic_state");
        assertThat(e.provenance().get("actor1").rule()).contains("claimed-responsibility");
    }
}
