package io.frontline;

import io.frontline.events.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules hold beyond the seed: every corpus article is read without error, and events checked by hand
 * against the article text are found (date, sub-event type, acting side, place).
 */
class CorpusTest {

    @Test
    void everyArticleOfTheCorpusExtractsWithoutError() throws IOException {
        TestData.requireShared();
        List<Path> files;
        try (Stream<Path> s = Files.list(TestData.CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(28);
        int events = 0;
        for (Path f : files) {
            Extraction x = TestData.extract(f);
            for (Event e : x.events()) {
                assertThat(e.evidence().text()).isNotBlank();
                assertThat(e.subEventType()).isNotBlank();
                assertThat(e.eventDate()).as(f + " " + e.evidence().text()).matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat(e.eventDate().compareTo("2011-01-01")).as("dated before the war: " + e.evidence().text()).isPositive();
            }
            events += x.events().size();
        }
        assertThat(events).isGreaterThan(28 * 5);
    }

    @Test
    void armedGroupsMissingFromTheRegistryAreReportedForReview() {
        Extraction x = TestData.extract(TestData.corpus("2014_idlib_offensive.md"));
        assertThat(x.candidateActors()).anySatisfy(c -> assertThat(c.name()).isEqualTo("Hazzm Movement"));
        assertThat(x.candidateActors()).noneSatisfy(c -> assertThat(c.name()).contains("Operation"));
    }

    /** Events read off the articles by hand: file | date | sub-event type | side1 | side2 (- = not asserted) | location. */
    @ParameterizedTest(name = "{0}: {1} {2} {3} @ {5}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "palmyra_offensive_march_2016.md|2016-03-12|Armed clash|government|islamic_state|Al-Dawah",
            "palmyra_offensive_march_2016.md|2016-03-14|Government regains territory|government|islamic_state|Hill 800",
            "palmyra_offensive_march_2016.md|2016-03-14|Government regains territory|government|islamic_state|Hill 853",
            "palmyra_offensive_march_2016.md|2016-03-18|Government regains territory|government|islamic_state|Tal Mattar",
            "palmyra_offensive_march_2016.md|2016-03-26|Government regains territory|government|islamic_state|Al-Amiriya",
            "battle_of_al-bab.md|2016-11-19|Non-state actor overtakes territory|islamic_state|opposition|Qabasin",
            "battle_of_al-bab.md|2016-11-23|Non-state actor overtakes territory|sdf|-|Arima",
            "battle_of_al-bab.md|2017-01-08|Non-state actor overtakes territory|opposition|-|Um Adasa",
            "tell_abyad_offensive.md|2015-06-15|Non-state actor overtakes territory|sdf|islamic_state|Mashor Tahtani",
            "tell_abyad_offensive.md|2015-06-15|Non-state actor overtakes territory|sdf|islamic_state|Shunaynah",
            "tell_abyad_offensive.md|2015-06-23|Non-state actor overtakes territory|sdf|islamic_state|Ayn Issa",
            "maskanah_plains_offensive.md|2017-05-12|Government regains territory|government|islamic_state|Jirah airbase",
            "maskanah_plains_offensive.md|2017-06-03|Government regains territory|government|islamic_state|Maskanah",
            "al-shaddadi_offensive_2016.md|2015-11-13|Non-state actor overtakes territory|sdf|islamic_state|al-Hawl",
            "al-shaddadi_offensive_2016.md|2015-11-22|Non-state actor overtakes territory|sdf|islamic_state|Kama'il",
            "al-shaddadi_offensive_2016.md|2015-11-30|Non-state actor overtakes territory|sdf|islamic_state|Qana",
    })
    void handCheckedEventsAreFound(String file, String date, String sub, String side1, String side2, String location) {
        Extraction x = TestData.extract(TestData.corpus(file));
        assertThat(x.events()).as("events of " + file).anySatisfy(e -> {
            assertThat(e.eventDate()).isEqualTo(date);
            assertThat(e.subEventType()).isEqualTo(sub);
            assertThat(e.side1()).isEqualTo(side1);
            if (!side2.equals("-")) {
                assertThat(e.side2()).isEqualTo(side2);
            }
            assertThat(e.location()).isEqualTo(location);
        });
    }
}
