package io.frontline.events;

import io.frontline.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports written in ACLED's own style, one event a paragraph, composed for this project and covering ACLED's
 * sub-event types. The first file was written while the rules were extended; the second, phrased differently
 * (other verbs, other actors, other places), was written before the last round of fixes and guards against
 * rules fitted to the first. Each event is checked for date, sub-event type, both sides, place and deaths.
 */
class AcledTaxonomyTest {

    private static List<String> coded(String resource) throws IOException {
        return TestData.frontline().extract(resource, read(resource)).events().stream()
                .map(e -> e.eventDate() + " " + e.subEventType() + " " + e.side1() + ">" + e.side2() + " @ " + e.location()
                        + " f=" + e.fatalities())
                .toList();
    }

    @Test
    void everySubEventTypeOfTheComposedReportIsCoded() throws IOException {
        List<String> got = coded("acled-style-taxonomy.txt");
        assertThat(got).contains(
                "2021-06-01 Armed clash government>hts @ Kabana f=4",
                "2021-06-02 Non-state actor overtakes territory sdf>islamic_state @ Al-Kasra f=0",
                "2021-06-02 Government regains territory government>hts @ Khan Shaykhun f=0",
                "2021-06-03 Air/drone strike russia> @ Kansafra f=0",
                "2021-06-03 Air/drone strike turkey>sdf @ Qamishli f=2",
                "2021-06-04 Suicide bomb unknown>opposition @ Al-Bab f=5",
                "2021-06-04 Remote explosive/landmine/IED unknown>civilians @ Maadan f=2",
                "2021-06-05 Grenade unknown>civilians @ Azaz f=0",
                "2021-06-05 Chemical weapon government> @ Kabana f=0",
                "2021-06-06 Attack islamic_state>civilians @ Al-Shuhayl f=1",
                "2021-06-06 Abduction/forced disappearance unknown>civilians @ Tafas f=0",
                "2021-06-07 Sexual violence opposition>civilians @ Afrin f=0",
                "2021-06-07 Peaceful protest civilians> @ Al-Suwayda f=0",
                "2021-06-08 Protest with intervention civilians>government @ Jasim f=0",
                "2021-06-08 Excessive force against protesters civilians>government @ Daraa f=2",
                "2021-06-09 Violent demonstration civilians> @ Al-Suwayda f=0",
                "2021-06-09 Mob violence civilians>civilians @ Manbij f=0",
                "2021-06-10 Arrests government>civilians @ Al-Sanamayn f=0",
                "2021-06-11 Headquarters or base established turkey> @ Atarib f=0",
                "2021-06-11 Looting/property destruction opposition> @ Ras al-Ayn f=0",
                "2021-06-12 Non-violent transfer of territory government>sdf @ Manbij f=0",
                "2021-06-12 Shelling/artillery/missile attack government> @ Kafr Nabl f=0",
                "2021-06-13 Disrupted weapons use government> @ Damascus f=0",
                "2021-06-13 Change to group/activity opposition> @ Idleb f=0");
        Set<String> types = TestData.frontline().extract("t.txt", read("acled-style-taxonomy.txt")).events().stream()
                .map(Event::subEventType).collect(Collectors.toSet());
        assertThat(types).hasSizeGreaterThanOrEqualTo(21);
    }

    @Test
    void theSameEventsPhrasedDifferentlyCodeTheSame() throws IOException {
        assertThat(coded("acled-style-heldout.txt")).contains(
                "2020-03-02 Grenade unknown>sdf @ Al-Hasakah f=0",
                "2020-03-03 Protest with intervention civilians>government @ Jaramana f=0",
                "2020-03-04 Excessive force against protesters civilians>government @ Nawa f=3",
                "2020-03-05 Violent demonstration civilians>government @ Shahba f=0",
                "2020-03-06 Disrupted weapons use turkey> @ Azaz f=0",
                "2020-03-07 Disrupted weapons use sdf> @ Al-Shaddadi f=0",
                "2020-03-08 Abduction/forced disappearance hts>civilians @ Sarmada f=0",
                "2020-03-10 Attack islamic_state>civilians @ Al-Sukhnah f=9",
                "2020-03-11 Non-violent transfer of territory government>russia @ Kafr Halab f=0",
                "2020-03-12 Looting/property destruction opposition>civilians @ Tal Abyad f=0",
                "2020-03-13 Sexual violence sdf>civilians @ Raqqa f=0",
                "2020-03-14 Shelling/artillery/missile attack government>hts @ Saraqib f=0",
                "2020-03-16 Peaceful protest civilians> @ Idlib f=0");
    }

    @Test
    void protestersAreTheFirstActorWhoeverIsTheSubject() {
        var x = TestData.frontline().extract("p.txt", "Protest\n\nExample Monitor, 3 March 2020\n\n"
                + "On 2 March 2020, police broke up a demonstration of students in Jaramana city.\n");
        assertThat(x.events()).singleElement().satisfies(e -> {
            assertThat(e.subEventType()).isEqualTo("Protest with intervention");
            assertThat(e.actor1()).isEqualTo("Protesters (Syria)");
            assertThat(e.inter1()).isEqualTo(6);
            assertThat(e.actor2()).startsWith("Military Forces of Syria");
            assertThat(e.notes()).doesNotContain("police broke up");
        });
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = AcledTaxonomyTest.class.getResourceAsStream("/io/frontline/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
