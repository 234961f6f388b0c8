package io.frontline.ingest;

import java.util.Arrays;

/**
 * Converts UTF-16 indices of a text into Unicode code point offsets in O(log n): it records where the
 * text holds surrogate pairs (characters outside the Basic Multilingual Plane, such as emoji).
 */
public final class CodePointIndex {
    private final int[] lowSurrogates;

    private CodePointIndex(int[] lowSurrogates) {
        this.lowSurrogates = lowSurrogates;
    }

    public static CodePointIndex of(String text) {
        int n = 0;
        int[] at = new int[16];
        for (int i = 1; i < text.length(); i++) {
            if (Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1))) {
                if (n == at.length) {
                    at = Arrays.copyOf(at, n * 2);
                }
                at[n++] = i;
            }
        }
        return new CodePointIndex(Arrays.copyOf(at, n));
    }

    /** The code point offset of a UTF-16 index. */
    public int codePointOffset(int utf16Index) {
        if (lowSurrogates.length == 0) {
            return utf16Index;
        }
        int pos = Arrays.binarySearch(lowSurrogates, utf16Index);
        int before = pos >= 0 ? pos : -pos - 1; // second halves of pairs strictly before the index
        return utf16Index - before;
    }
}
