package io.frontline.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FatalitiesTest {
    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', value = {
            "the SDF repelled an ISIS attack in the central part of the city killing some 33 ISIS members.|33",
            "heavy Russian airstrikes started hitting the Palmyra area, with 32 ISIL fighters reported killed by the next day.|32",
            "Over 120 ISIL fighters and 35 pro-government fighters were killed in the fighting.|155",
            "the Syrian Arab Air Force conducted an airstrike against Turkish Special Forces, killing three Turkish soldiers and injuring ten.|3",
            "Dozens of militants were killed in the assault.|12",
            "An ISIL suicide bomber blew himself up, leaving at least 14 people dead.|14",
            "The death toll rose to 40 by the evening.|40",
            "advancing rebel forces ran into hundreds of landmines, leaving 15–21 rebels dead and another 29–35 wounded.|15",
            "Between 20 and 25 soldiers were killed in the ambush.|20",
            "The rebels captured 36 villages, putting them within two kilometers of al-Bab.|0",
            "Ten soldiers were wounded and 4 fighters were captured.|0"})
    void countsDeathsConservatively(String sentence, int expected) {
        assertThat(Fatalities.total(Fatalities.find(sentence))).isEqualTo(expected);
    }

    @Test
    void anAppositionAboutTheVictimsDoesNotHideTheCount() {
        assertThat(Fatalities.total(Fatalities.find("Six civilians, including three children, were killed when a shell hit a school.")))
                .isEqualTo(6);
        assertThat(Fatalities.total(Fatalities.find("At least 11 people, most of them soldiers, were killed in the blast.")))
                .isEqualTo(11);
    }
}
