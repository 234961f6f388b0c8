package io.frontline.text;

/** One token of a sentence: a word, a number or a punctuation mark, with its span in the report text. */
public record Token(int index, Span span, String text, Kind kind) {
    public enum Kind { WORD, NUMBER, PUNCT }

    public boolean isWord() {
        return kind == Kind.WORD;
    }

    public boolean is(String s) {
        return text.equalsIgnoreCase(s);
    }

    public String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
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
