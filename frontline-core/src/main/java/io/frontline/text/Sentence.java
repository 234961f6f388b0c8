package io.frontline.text;

import java.util.List;

/** A sentence of a report: its span in the original text, its tokens, and the paragraph it belongs to. */
public record Sentence(int index, int paragraph, Span span, String text, List<Token> tokens) {

    /** Index of the first token starting at or after {@code offset}, or {@code tokens.size()}. */
    public int tokenAt(int offset) {
        for (Token t : tokens) {
            if (t.start() >= offset) {
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
