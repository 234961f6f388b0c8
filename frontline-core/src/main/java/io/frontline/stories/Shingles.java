package io.frontline.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The word shingles of a text: every run of {@link #WIDTH} consecutive words (lower case, letters and digits
 * only), hashed to 64 bits. Two copies of one article share nearly all their shingles whatever their page
 * furniture; two articles on the same fighting share few, because five-word runs repeat only when copied.
 */
public final class Shingles {
    public static final int WIDTH = 5;

    private Shingles() {
    }

    /** The distinct shingle hashes of a text, sorted. Texts shorter than one shingle give their words as one shingle. */
    public static long[] of(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new long[0];
        }
        int n = Math.max(1, words.size() - WIDTH + 1);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0xcbf29ce484222325L; // FNV-1a over the shingle's words
            for (int j = i; j < Math.min(words.size(), i + WIDTH); j++) {
                String w = words.get(j);
                for (int k = 0; k < w.length(); k++) {
                    h ^= w.charAt(k);
                    h *= 0x100000001b3L;
                }
                h ^= ' ';
                h *= 0x100000001b3L;
            }
            out[i] = h;
        }
        return Arrays.stream(out).sorted().distinct().toArray();
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                w.appendCodePoint(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        });
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /** Exact Jaccard similarity of two sorted shingle sets. */
    public static double jaccard(long[] a, long[] b) {
        int common = common(a, b);
        int union = a.length + b.length - common;
        return union == 0 ? 0 : (double) common / union;
    }

    /** Share of the smaller set found in the larger one: an excerpt or a copy with a paragraph cut still scores high. */
    public static double containment(long[] a, long[] b) {
        int min = Math.min(a.length, b.length);
        return min == 0 ? 0 : (double) common(a, b) / min;
    }

    private static int common(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }
}
