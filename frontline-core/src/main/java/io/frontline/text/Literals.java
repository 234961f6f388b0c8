package io.frontline.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over the literal strings of a list of rules: one pass over a text (ASCII letters
 * lowered as it goes, the case folding of CASE_INSENSITIVE without UNICODE_CASE) tells which rules have one of their
 * strings in it, the same answer as {@code lower.indexOf(s) >= 0} for each string of each rule, without a scan per
 * string. Rules without strings (null) are always reported.
 */
final class Literals {
    private final int symbols;
    private final int[] ascii = new int[128];
    private final Map<Character, Integer> other = new HashMap<>();
    /** The automaton: next state = delta[state * symbols + symbol]. */
    private final int[] delta;
    /** Per state, the rules (a bit set) one of whose strings ends here, or null. */
    private final long[][] found;
    private final long[] always;
    private final int words;

    /** {@code strings[i]}: the ASCII-lowered strings of rule i, or null when the rule is always reported. */
    Literals(String[][] strings) {
        int rules = strings.length;
        this.words = (rules + 63) >>> 6;
        this.always = new long[words];
        int sym = 1; // 0: any character no string holds
        for (String[] ss : strings) {
            if (ss == null) {
                continue;
            }
            for (String s : ss) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c < 128) {
                        if (ascii[c] == 0) {
                            ascii[c] = sym++;
                        }
                    } else if (!other.containsKey(c)) {
                        other.put(c, sym++);
                    }
                }
            }
        }
        this.symbols = sym;
        // the trie
        List<int[]> next = new ArrayList<>();
        List<long[]> out = new ArrayList<>();
        next.add(new int[symbols]);
        out.add(null);
        for (int r = 0; r < rules; r++) {
            if (strings[r] == null) {
                always[r >>> 6] |= 1L << r;
                continue;
            }
            for (String s : strings[r]) {
                int state = 0;
                for (int i = 0; i < s.length(); i++) {
                    int c = symbol(s.charAt(i));
                    if (next.get(state)[c] == 0) {
                        next.get(state)[c] = next.size();
                        next.add(new int[symbols]);
                        out.add(null);
                    }
                    state = next.get(state)[c];
                }
                if (out.get(state) == null) {
                    out.set(state, new long[words]);
                }
                out.get(state)[r >>> 6] |= 1L << r;
            }
        }
        // failure links, breadth first; missing transitions filled in from the failure state
        int n = next.size();
        int[] fail = new int[n];
        this.delta = new int[n * symbols];
        this.found = new long[n][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < symbols; c++) {
            int t = next.get(0)[c];
            delta[c] = t;
            if (t != 0) {
                fail[t] = 0;
                queue.add(t);
            }
        }
        found[0] = out.get(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            long[] o = out.get(s);
            long[] f = found[fail[s]];
            if (f != null) {
                o = o == null ? f.clone() : o;
                if (o != f) {
                    for (int w = 0; w < words; w++) {
                        o[w] |= f[w];
                    }
                }
            }
            found[s] = o;
            for (int c = 0; c < symbols; c++) {
                int t = next.get(s)[c];
                if (t != 0) {
                    fail[t] = delta[fail[s] * symbols + c];
                    delta[s * symbols + c] = t;
                    queue.add(t);
                } else {
                    delta[s * symbols + c] = delta[fail[s] * symbols + c];
                }
            }
        }
        tables();
    }

    private int symbol(char c) {
        if (c < 128) {
            return ascii[c];
        }
        Integer s = other.get(c);
        return s == null ? 0 : s;
    }

    /** The rules (bit i for rule i) that have one of their strings in the text, or no strings at all. */
    long[] scan(String text) {
        if (next == null || words == 0 || words > 2) {
            return scanAnyWidth(text);
        }
        long h0 = always[0];
        long h1 = words > 1 ? always[1] : 0;
        int state = 0;
        int n = text.length();
        char[] next = this.next;
        int[] fold = this.folded;
        int shift = this.shift;
        long[] bits = this.bits;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            state = next[(state << shift) + (c < 128 ? fold[c] : symbol(c))];
            // no branch: rules end in about one state in five a text passes through, too often for a branch to be
            // predicted, so every state's bits are ORed in (zero in most states)
            h0 |= bits[2 * state];
            h1 |= bits[2 * state + 1];
        }
        return words > 1 ? new long[] {h0, h1} : new long[] {h0};
    }

    /** {@link #scan} for none or more than 128 rules, or more than {@link #STATE} states: on the int table. */
    private long[] scanAnyWidth(String text) {
        long[] hit = always.clone();
        int state = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            state = delta[state * symbols + (c < 128 ? folded[c] : symbol(c))];
            long[] f = found[state];
            if (f != null) {
                for (int w = 0; w < words; w++) {
                    hit[w] |= f[w];
                }
            }
        }
        return hit;
    }

    /**
     * The automaton for {@link #scan}, kept small because it is cold at each sentence (the rest of the extraction
     * runs between two scans, and a cache miss per state entered cost more than the rest of the scan):
     * {@code next[(state << shift) + symbol]} is the next state (at most {@link #STATE}), rows padded to a power of
     * two; {@code bits[2 * state]} and {@code bits[2 * state + 1]} the first two words of the state's {@link #found}
     * bits (zero where none); {@code folded}: the ASCII symbols with A-Z taking the symbols of a-z (the lowering of
     * the text done by the table). {@code next} is null when the automaton has more states than a char holds.
     */
    private static final int STATE = 0xffff;
    private int shift;
    private char[] next;
    private long[] bits;
    private int[] folded;

    private void tables() {
        folded = ascii.clone();
        for (char c = 'A'; c <= 'Z'; c++) {
            folded[c] = ascii[c + 32];
        }
        int states = found.length;
        if (states > STATE + 1) {
            return;
        }
        shift = 32 - Integer.numberOfLeadingZeros(Math.max(1, symbols - 1));
        next = new char[states << shift];
        bits = new long[2 * states];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < symbols; c++) {
                next[(s << shift) + c] = (char) delta[s * symbols + c];
            }
            if (found[s] != null) {
                bits[2 * s] = found[s][0];
                bits[2 * s + 1] = words > 1 ? found[s][1] : 0;
            }
        }
    }

    static boolean has(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }
}
