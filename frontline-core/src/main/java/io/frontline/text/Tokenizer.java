package io.frontline.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words, numbers and punctuation. Words keep their inner hyphens and apostrophes
 * ("al-Hawa", "Mari'iyah", "Homs-Palmyra") and a leading ayn or hamza mark ("'Amudiyah").
 */
public final class Tokenizer {

    public List<Token> tokenize(String text, Span range) {
        List<Token> out = new ArrayList<>();
        int i = range.start();
        int end = range.end();
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Token.Kind kind;
            if (Character.isDigit(c)) {
                i = scanNumber(text, i, end);
                // "3km", "10th": a number glued to letters stays one word-like token
                if (i < end && Character.isLetter(text.charAt(i))) {
                    while (i < end && Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                    kind = Token.Kind.WORD;
                } else {
                    kind = Token.Kind.NUMBER;
                }
            } else if (Character.isLetter(c) || (isMark(c) && i + 1 < end && Character.isLetter(text.charAt(i + 1))
                    && (i == range.start() || !Character.isLetterOrDigit(text.charAt(i - 1))))) {
                i = scanWord(text, i + 1, end);
                kind = Token.Kind.WORD;
            } else {
                i++;
                kind = Token.Kind.PUNCT;
            }
            out.add(new Token(out.size(), new Span(start, i), text.substring(start, i), kind));
        }
        return out;
    }

    private static int scanWord(String text, int i, int end) {
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((c == '-' || isMark(c)) && i + 1 < end && Character.isLetterOrDigit(text.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static int scanNumber(String text, int i, int end) {
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                i++;
            } else if ((c == ',' || c == '.') && i + 1 < end && Character.isDigit(text.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** Apostrophes and the transliteration marks for ayn and hamza. */
    public static boolean isMark(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BF' || c == '\u02BE' || c == '`';
    }
}
