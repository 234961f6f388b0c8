package io.frontline.text;

import java.util.List;

/** A sentence of a report: its span in the original text, its tokens, and the paragraph it belongs to. */
public record Sentence(int index, int paragraph, Span span, String text, List<Token> tokens) {

    /** Index of the first token starting at or after {@code offset}, or {@code tokens.size()}. */
    /** The token that contains the offset, or else the first token after it (tokens.size() when none). */
    public int tokenAt(int offset) {
        for (Token t : tokens) {
            if (t.end() > offset) {
                return t.index();
            }
        }
        return tokens.size();
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public int size() {
        return tokens.size();
    }
}
