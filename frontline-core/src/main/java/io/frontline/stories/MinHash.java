package io.frontline.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MinHash signatures with locality-sensitive hashing by bands: {@link #BANDS} bands of {@link #ROWS} rows.
 * Two texts become candidates when one band of their signatures agrees, which happens with probability
 * {@code 1 - (1 - J^ROWS)^BANDS} for Jaccard similarity J: about 0.99 at J = 0.6 and 0.03 at J = 0.15.
 */
public final class MinHash {
    public static final int BANDS = 32;
    public static final int ROWS = 4;
    public static final int SIZE = BANDS * ROWS;
    private static final long[] SEEDS = new long[SIZE];

    static {
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SIZE; i++) {
            s = mix(s + i);
            SEEDS[i] = s;
        }
    }

    private MinHash() {
    }

    /** The signature of a shingle set: per hash function, the least hash of any shingle. */
    public static long[] signature(long[] shingles) {
        long[] sig = new long[SIZE];
        Arrays.fill(sig, Long.MAX_VALUE);
        for (long sh : shingles) {
            for (int i = 0; i < SIZE; i++) {
                long h = mix(sh ^ SEEDS[i]);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** The share of agreeing positions: an estimate of the Jaccard similarity. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    /** Pairs {i, j} (i < j) of signatures that agree on at least one band. */
    public static List<int[]> candidatePairs(List<long[]> signatures) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < BANDS; b++) {
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < signatures.size(); i++) {
                long[] sig = signatures.get(i);
                if (sig[0] == Long.MAX_VALUE) {
                    continue; // an empty text is nobody's duplicate
                }
                buckets.computeIfAbsent(band(sig, b), k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int x = 0; x < bucket.size(); x++) {
                    for (int y = x + 1; y < bucket.size(); y++) {
                        int i = bucket.get(x);
                        int j = bucket.get(y);
                        if (seen.add((long) i << 32 | j)) {
                            out.add(new int[]{i, j});
                        }
                    }
                }
            }
        }
        out.sort((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(p[1], q[1]));
        return out;
    }

    /**
     * The bucket keys of a signature, one per band (two signatures are candidates when any key agrees); empty for
     * the signature of an empty text, which is nobody's duplicate.
     */
    public static long[] bandKeys(long[] sig) {
        if (sig[0] == Long.MAX_VALUE) {
            return new long[0];
        }
        long[] out = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            out[b] = band(sig, b);
        }
        return out;
    }

    private static long band(long[] sig, int b) {
        long h = b;
        for (int r = 0; r < ROWS; r++) {
            h = mix(h * 31 + sig[b * ROWS + r]);
        }
        return h;
    }

    /** SplitMix64's finaliser: a good 64-bit mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
