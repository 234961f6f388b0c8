package io.frontline.gazetteer;

import io.frontline.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spellings used in the development corpus, each checked by hand against the gazetteer entry it means
 * (the entry's id, then the spelling the gazetteer holds). Every one must find that entry.
 */
class CorpusVariantsTest {
    private final Gazetteer g = TestData.knowledge().gazetteer();

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Al-Hasakah|wm:3492|Hasakah", "Al Hasakah|wm:3492|Hasakah", "Al-Tabqa|wm:5865|Tabqa",
            "Al Shaddadi|wm:3817|Al-Shaddadi", "Shaddadi|wm:3817|Al-Shaddadi", "Muhasan|wm:2944|Al-Muhasan",
            "Maaret al-Numan|wm:5055|Maarrat al-Nu'man", "Al-Mastuma|wm:5183|Mastuma", "Kafar-Sejna|wm:5031|Kafr Sajnah",
            "Al-Fu'ah|wm:4952|Fua", "Sehyan|wm:5058|Sahyan", "Baboulin|wm:4898|Babulin", "Khan Shaykhoun|wm:5041|Khan Shaykhun",
            "Kafr Bassin|wm:4989|Kafr Bissin", "Al Arba’in|wm:3676|Al-Arba'in", "'Amariyah|wm:4679|Ameriya",
            "Mushrifah|wm:1965|Mushayrifah", "Uwayshiyyah|wm:198|Uwayshiyah", "As-Safira|wm:2005|al-Safira",
            "Al-Mughayrat|wm:1836|Mughayrat", "Talat Al-Bayda|wm:974|Tallat al Baydah", "Jabboul|wm:793|Jabbul",
            "Mount Eiss|wm:1730|Jabal Al-Eis", "al-Qal'ajiyyeh|wm:1745|Qal`ajiyah", "Zeitan|wm:1744|Zaytan",
            "Zeitain|wm:1744|Zaytan", "Tal Rifaat|wm:2149|Tell Rifaat", "Tal Rifat|wm:2149|Tell Rifaat", "Kobani|wm:1012|Kobanî",
            "Tal Abyad|wm:3430|Tell Abyad", "Tall Abyad|wm:3430|Tell Abyad", "al-Raqqah|wm:5453|Raqqa", "Jarablus|wm:1768|Jarablos",
            "Tal Tamr|wm:4102|Tall Tamr", "Al-Darbasiyyah|wm:3579|Darbasiyah", "Dirbesiye|wm:3579|Dirbassiyeh",
            "Al-Yaarubiyah|wm:4191|Yaarubiyah", "Al-Tanf|wm:4695|At Tanf", "Ras al-Ain|wm:2054|Ra's al 'Ayn",
            "Ras Al Ayn|wm:2054|Ra's al 'Ayn", "Ain Issa|wm:5192|Ayn Issa", "Deir el-Zour|wm:2792|Deir ez-Zor",
            "Tal Al-ward|wm:4607|Tall al Ward", "Azizia|wm:1034|al-Aziziyah", "Jamiliyyeh|wm:1333|Al Jamiliyah",
            "Khirbet Jammu|wm:3880|Khirbat Jammu", "Arisha|wm:3819|Al-'Arishah", "Mabrukah|wm:3681|Mabrouka",
            "Anek al-Hawa|wm:4568|Unq al-Hawa", "Aneeq Al-Hawa|wm:4568|Unq al-Hawa"})
    void corpusSpellingFindsItsEntry(String spelling, String id, String gazetteerSpelling) {
        assertThat(g.byId(id)).isPresent();
        assertThat(g.candidates(spelling)).as(spelling + " (gazetteer: " + gazetteerSpelling + ")")
                .anySatisfy(c -> {
                    assertThat(c.place().id()).isEqualTo(id);
                    assertThat(c.score()).isGreaterThanOrEqualTo(0.8);
                });
    }

    @ParameterizedTest(name = "{0} finds nothing")
    @CsvSource({"Tal", "Tel", "Jabal", "Khirbet", "Al-Assad"})
    void genericWordsAndPersonalNamesAreNoPlace(String name) {
        assertThat(g.candidates(name)).noneMatch(c -> c.score() >= 0.9);
    }
}
