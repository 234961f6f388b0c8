package io.frontline.gazetteer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeyTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Deir Ezzor|Deir ez-Zor", "Dayr az Zawr|Deir ez-Zor", "Deir al-Zour|Dayr az-Zawr",
            "Um Rujm|Umm Rujm", "'Amudiyah|Amudiyah", "Al-Mari'iyah|al-Mariiyah", "Raqqah|Ar Raqqah", "Raqqa|Ar-Raqqah",
            "Tell Abyad|Tal Abyad", "Tall Abyad|Tel Abyad", "Jabal Hayyan|Jebel Hayyan", "Salamiyah|Salamiyeh",
            "Tadmur|Tadmor", "Al-Bab|al-Bab", "Qabasin|Qabaseen", "Khirbet Ghazaleh|Khirbat Ghazala", "Ayn Issa|Ain Issa",
            "Kafr Nabl|Kfar Nabl", "Abu al-Duhur|Abu ad-Duhur", "Sheikh Maqsoud|Shaykh Maqsud", "Darwishiyah|Darwishiya"})
    void variantsShareAPhoneticKey(String a, String b) {
        assertThat(NameKey.phonetic(a)).isEqualTo(NameKey.phonetic(b));
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"Raqqa|Rasm", "Tadef|Tadmur", "al-Bab|Bza'a", "Khan|Khanasir", "Manbij|Mambaa"})
    void differentPlacesStayApart(String a, String b) {
        assertThat(NameKey.phonetic(a)).isNotEqualTo(NameKey.phonetic(b));
    }
}
