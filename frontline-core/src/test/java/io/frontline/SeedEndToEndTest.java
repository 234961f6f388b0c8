package io.frontline;

import io.frontline.events.Claim;
import io.frontline.events.Event;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed end to end: exactly the expected events, each traceable to its words. */
class SeedEndToEndTest {

    private static String key(Event e) {
        return e.subEventType() + " | " + e.side1() + " > " + e.side2() + " @ " + e.location();
    }

    @Test
    void yieldsExactlyTheExpectedEvents() {
        Extraction x = TestData.extract(TestData.SEED);
        Set<String> got = x.events().stream().map(SeedEndToEndTest::key).collect(Collectors.toSet());
        Set<String> regains = Set.of("Um Rujm", "'Amudiyah", "Rasm Sawwanah", "Unq al-Hawa", "Khan", "Luwaybidah", "Darwishiyah",
                "Rouad mountain");
        Set<String> expected = new java.util.HashSet<>();
        for (String p : regains) {
            expected.add("Government regains territory | government > islamic_state @ " + p);
        }
        expected.add("Armed clash | government > islamic_state @ Jafrah");
        expected.add("Armed clash | government > islamic_state @ al-Mariiyah");
        expected.add("Armed clash | sdf > islamic_state @ al-Husayniyah");
        expected.add("Armed clash | islamic_state > sdf @ Raqqah");
        // the advance toward Baghiliyah may be coded as a clash too
        assertThat(got).containsAll(expected);
        assertThat(got).hasSize(expected.size() + (got.contains("Armed clash | government > islamic_state @ Baghiliyah") ? 1 : 0));
    }

    @Test
    void actorsAreNormalisedWithAssociatesAndInterCodes() {
        Event um = event("Um Rujm");
        assertThat(um.actor1()).isEqualTo("Military Forces of Syria (2000-)");
        assertThat(um.assocActor1()).contains("NDF: National Defence Forces").contains("Qalamoun Shield Forces");
        assertThat(um.actor2()).isEqualTo("Islamic State (Syria)");
        assertThat(um.inter1()).isEqualTo(1);
        assertThat(um.inter2()).isEqualTo(2);
        Event rouad = event("Rouad mountain");
        // ISIS is named only in the next sentence: the opponent comes from context, and says so
        assertThat(rouad.provenance().get("actor2").rule()).contains("context");
    }

    @Test
    void raqqaIsARepelledAttackWith33Dead() {
        Event raqqa = event("Raqqah");
        assertThat(raqqa.fatalities()).isEqualTo(33);
        assertThat(raqqa.provenance().get("fatalities").text()).contains("some 33 ISIS members");
        assertThat(raqqa.actor1()).isEqualTo("Islamic State (Syria)");
        assertThat(raqqa.actor2()).isEqualTo("QSD: Syrian Democratic Forces");
        assertThat(raqqa.geoPrecision()).isEqualTo(1);
        assertThat(raqqa.latitude()).isBetween(35.9, 36.0);
    }

    @Test
    void placesAreLocatedNearTheirContext() {
        Extraction x = TestData.extract(TestData.SEED);
        for (Event e : x.events()) {
            assertThat(e.latitude()).as(e.location()).isNotNull();
        }
        // gazetteer gaps are placed near their anchor at precision 2 and flagged
        Event um = event("Um Rujm");
        assertThat(um.locationStatus()).isEqualTo("gazetteer-gap");
        assertThat(um.geoPrecision()).isEqualTo(2);
        assertThat(um.longitude()).isGreaterThan(37.06); // east of Salamiyah (37.05)
        // the Homs-desert Baghiliyah and the Aleppo-area 'Amudiyah are rejected, not taken
        assertThat(event("'Amudiyah").rejectedPlaces()).anySatisfy(r -> assertThat(r).contains("Amudiyah"));
        Event husayniyah = event("al-Husayniyah");
        assertThat(husayniyah.latitude()).isBetween(35.2, 35.5);
        assertThat(husayniyah.longitude()).isBetween(40.0, 40.3);
        Event luwaybidah = event("Luwaybidah");
        assertThat(luwaybidah.geoPrecision()).isEqualTo(1);
        assertThat(luwaybidah.locationStatus()).isEqualTo("resolved");
    }

    @Test
    void predictionIsAClaimAttributedToItsSourceAndNeverAnEvent() {
        Extraction x = TestData.extract(TestData.SEED);
        assertThat(x.claims()).hasSize(1);
        Claim c = x.claims().get(0);
        assertThat(c.status()).isEqualTo("predicted");
        assertThat(c.attribution()).isEqualTo("pro-government sources");
        assertThat(c.text()).contains("will be liberated within a few weeks");
        assertThat(x.events()).noneMatch(e -> e.evidence().text().contains("will be liberated"));
    }

    @Test
    void notesAreNeutralAndLoadedWordsAreRecorded() {
        Extraction x = TestData.extract(TestData.SEED);
        for (Event e : x.events()) {
            assertThat(e.notes()).doesNotContainIgnoringCase("liberat").doesNotContainIgnoringCase("terrorist");
        }
        Event um = event("Um Rujm");
        assertThat(um.notes()).contains("regained control of Um Rujm");
        assertThat(um.loadedTerms()).anySatisfy(t -> assertThat(t.term()).isEqualTo("liberated"));
    }

    @Test
    void evidenceOffsetsAreCodePointsIntoTheFile() {
        String text = TestData.read(TestData.SEED);
        Extraction x = TestData.frontline().extract("seed", text);
        int[] cps = text.codePoints().toArray();
        for (Event e : x.events()) {
            assertThat(new String(cps, e.evidence().start(), e.evidence().end() - e.evidence().start())).isEqualTo(e.evidence().text());
            e.provenance().forEach((field, ev) -> assertThat(new String(cps, ev.start(), ev.end() - ev.start()))
                    .as(field).isEqualTo(ev.text()));
            assertThat(e.evidence().rule()).startsWith("trigger:");
            assertThat(e.confidence()).isBetween(0.0, 1.0);
        }
        // offsets stay code points when the file holds characters outside the BMP
        String shifted = "\uD83D\uDCF0 " + text;
        Extraction y = TestData.frontline().extract("seed", shifted);
        assertThat(y.events().get(0).evidence().start()).isEqualTo(x.events().get(0).evidence().start() + 2);
    }

    private static Event event(String location) {
        List<Event> es = TestData.extract(TestData.SEED).events().stream().filter(e -> e.location().equals(location)).toList();
        assertThat(es).as(location).hasSize(1);
        return es.get(0);
    }
}
