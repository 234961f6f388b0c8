package io.frontline.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a paragraph into sentences at terminal punctuation followed by a capital, digit or quote,
 * except after known abbreviations and single initials ("U.S.", "Gen.", "St.", "A.").
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "brig", "cpt", "adm", "st", "mt",
            "no", "nos", "vs", "etc", "approx", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "inc", "ltd", "co", "jr", "sr");

    private final Tokenizer tokenizer = new Tokenizer();

    public List<Sentence> split(String text, Span paragraph, int paragraphIndex, int firstSentenceIndex) {
        List<Sentence> out = new ArrayList<>();
        int start = skipSpace(text, paragraph.start(), paragraph.end());
        int i = start;
        int end = paragraph.end();
        while (i < end) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && isBoundary(text, i, end)) {
                int stop = i + 1;
                while (stop < end && (text.charAt(stop) == '"' || text.charAt(stop) == '\u201D' || text.charAt(stop) == ')')) {
                    stop++;
                }
                add(out, text, new Span(start, stop), paragraphIndex, firstSentenceIndex);
                start = skipSpace(text, stop, end);
                i = start;
                continue;
            }
            i++;
        }
        int tail = trimEnd(text, start, end);
        if (tail > start) {
            add(out, text, new Span(start, tail), paragraphIndex, firstSentenceIndex);
        }
        return out;
    }

    /** Longer runs without a sentence end (lists, run-on or hostile text) are cut, so work per sentence stays bounded. */
    static final int MAX_SENTENCE_CHARS = 1000;

    private void add(List<Sentence> out, String text, Span span, int paragraph, int first) {
        int start = span.start();
        while (span.end() - start > MAX_SENTENCE_CHARS) {
            int limit = start + MAX_SENTENCE_CHARS;
            int cut = Math.max(text.lastIndexOf(';', limit), text.lastIndexOf(", ", limit));
            if (cut <= start + MAX_SENTENCE_CHARS / 2) {
                cut = text.lastIndexOf(' ', limit);
            }
            if (cut <= start) {
                cut = limit;
            }
            Span piece = new Span(start, cut + 1 <= span.end() && !Character.isWhitespace(text.charAt(cut)) ? cut + 1 : cut);
            out.add(new Sentence(first + out.size(), paragraph, piece, piece.of(text), tokenizer.tokenize(text, piece)));
            start = skipSpace(text, piece.end(), span.end());
        }
        if (start < span.end()) {
            Span rest = new Span(start, span.end());
            out.add(new Sentence(first + out.size(), paragraph, rest, rest.of(text), tokenizer.tokenize(text, rest)));
        }
    }

    private static boolean isBoundary(String text, int i, int end) {
        int j = i + 1;
        while (j < end && (text.charAt(j) == '"' || text.charAt(j) == '\u201D' || text.charAt(j) == ')')) {
            j++;
        }
        if (j >= end) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(j))) {
            return false;
        }
        int k = skipSpace(text, j, end);
        if (k >= end) {
            return true;
        }
        char next = text.charAt(k);
        if (!(Character.isUpperCase(next) || Character.isDigit(next) || next == '"' || next == '\u201C' || next == '\'' || next == '(')) {
            return false;
        }
        if (text.charAt(i) != '.') {
            return true;
        }
        // the word before the period
        int w = i;
        while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, i).toLowerCase(java.util.Locale.ROOT);
        if (word.length() == 1 && Character.isUpperCase(text.charAt(w))) {
            return false; // an initial
        }
        return !ABBREVIATIONS.contains(word);
    }

    private static int skipSpace(String text, int i, int end) {
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
