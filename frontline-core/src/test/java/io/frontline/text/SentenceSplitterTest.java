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
}
