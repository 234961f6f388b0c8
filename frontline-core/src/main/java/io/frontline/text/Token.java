package io.frontline.text;

import java.util.Locale;

/**
 * One token of a sentence: a word, a number or a punctuation mark, with its span in the report text, and the text
 * lower-cased ({@link Locale#ROOT}) once, since the rules compare it many times.
 */
public record Token(int index, Span span, String text, Kind kind, String lower) {
    public enum Kind { WORD, NUMBER, PUNCT }

    public Token(int index, Span span, String text, Kind kind) {
        this(index, span, text, kind, text.toLowerCase(Locale.ROOT));
    }

    public boolean isWord() {
        return kind == Kind.WORD;
    }

    public boolean is(String s) {
        return text.equalsIgnoreCase(s);
    }

    /** True when the first letter is upper case (after a leading ayn/hamza apostrophe, as in 'Amudiyah). */
    public boolean isCapitalised() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                return Character.isUpperCase(c);
            }
        }
        return false;
    }

    public int start() {
        return span.start();
    }

    public int end() {
        return span.end();
    }
}
