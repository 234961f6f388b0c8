package io.frontline.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> split(String text) {
        return splitter.split(text, new Span(0, text.length()), 0, 0).stream().map(Sentence::text).toList();
    }

    @Test
    void splitsAtTerminalPunctuationBeforeACapital() {
        assertThat(split("On 23 November, the SDF captured Arima. In response, Turkish artillery shelled the villages."))
                .containsExactly("On 23 November, the SDF captured Arima.", "In response, Turkish artillery shelled the villages.");
    }

    @Test
    void keepsAbbreviationsAndInitialsInsideTheSentence() {
        assertThat(split("The U.S. forces and Gen. Smith met Brig. J. Doe near the base. They left."))
                .containsExactly("The U.S. forces and Gen. Smith met Brig. J. Doe near the base.", "They left.");
    }

    @Test
    void sentenceSpansIndexTheOriginalText() {
        String text = "  First one. Second \"quoted.\" Third";
        for (Sentence s : splitter.split(text, new Span(0, text.length()), 0, 0)) {
            assertThat(s.span().of(text)).isEqualTo(s.text());
        }
        assertThat(split(text)).containsExactly("First one.", "Second \"quoted.\"", "Third");
    }

    @Test
    void runOnTextIsCutIntoBoundedSentences() {
        String text = "the army captured the village of Tadef from ISIS, and rebels shelled Arima near al-Bab ".repeat(400);
        List<Sentence> ss = splitter.split(text, new Span(0, text.length()), 0, 0);
        assertThat(ss).hasSizeGreaterThan(30);
        for (Sentence s : ss) {
            assertThat(s.text().length()).isLessThanOrEqualTo(SentenceSplitter.MAX_SENTENCE_CHARS);
            assertThat(s.span().of(text)).isEqualTo(s.text());
        }
        assertThat(String.join(" ", ss.stream().map(Sentence::text).toList())).isEqualTo(text.strip());
    }
}
