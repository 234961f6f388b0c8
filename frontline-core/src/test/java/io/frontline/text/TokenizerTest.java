package io.frontline.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {
    @Test
    void keepsTransliterationMarksAndHyphensInsideNames() {
        String s = "villages of 'Amudiyah, Unq al-Hawa and Al-Mari'iyah within about 3km of the Homs-Palmyra highway";
        var words = new Tokenizer().tokenize(s, new Span(0, s.length())).stream().map(Token::text).toList();
        assertThat(words).contains("'Amudiyah", "al-Hawa", "Al-Mari'iyah", "3km", "Homs-Palmyra");
    }

    @Test
    void numbersWithSeparatorsAreOneToken() {
        String s = "numbering at least 4,000 fighters, and 1.5 million people";
        var toks = new Tokenizer().tokenize(s, new Span(0, s.length()));
        assertThat(toks.stream().filter(t -> t.kind() == Token.Kind.NUMBER).map(Token::text)).containsExactly("4,000", "1.5");
    }
}
