package io.frontline.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A literal prefilter over a fixed list of case-insensitive patterns: for each pattern the literal strings one of
 * which every match must contain (read by {@link Heads}), so that a pattern none of whose strings occurs in a text
 * need not be run on it. Patterns whose strings could not be read always run. Patterns with the same strings (the
 * month names of several date patterns) are checked once per text.
 *
 * <p>Use: {@code Prefilter.Check c = filter.check(text)}, then {@code c.mayMatch(i)} before running pattern i.
 */
public final class Prefilter {
    /** Per distinct set of strings: the strings; per pattern: the index of its set, -1 for "always run". */
    private final String[][] sets;
    private final int[] setOf;

    private Prefilter(String[][] sets, int[] setOf) {
        this.sets = sets;
        this.setOf = setOf;
    }

    /** A prefilter for the patterns, in order (pattern i is index i of {@link Check#mayMatch}). */
    public static Prefilter of(List<Pattern> patterns) {
        Map<Set<String>, Integer> ids = new HashMap<>();
        List<String[]> sets = new ArrayList<>();
        int[] setOf = new int[patterns.size()];
        for (int i = 0; i < setOf.length; i++) {
            String[] h = Heads.of(patterns.get(i));
            if (h == null) {
                setOf[i] = -1;
                continue;
            }
            Set<String> key = new LinkedHashSet<>(Arrays.asList(h));
            Integer id = ids.get(key);
            if (id == null) {
                id = sets.size();
                ids.put(key, id);
                sets.add(h);
            }
            setOf[i] = id;
        }
        return new Prefilter(sets.toArray(String[][]::new), setOf);
    }

    /** The literal strings read from pattern i (ASCII lower case), null when it always runs; for tests. */
    public String[] strings(int pattern) {
        return setOf[pattern] < 0 ? null : sets[setOf[pattern]].clone();
    }

    /** The checks for one text: the text is lowered once, each distinct set of strings looked up at most once. */
    public Check check(String text) {
        return new Check(asciiLower(text));
    }

    /** The prefilter's answers for one text. */
    public final class Check {
        private final String lower;
        private final byte[] known = new byte[sets.length]; // 0 unknown, 1 present, 2 absent

        private Check(String lower) {
            this.lower = lower;
        }

        /** The text the check was made for, ASCII-lowered. */
        public String lower() {
            return lower;
        }

        /** False when pattern i certainly does not match the text. */
        public boolean mayMatch(int pattern) {
            int s = setOf[pattern];
            if (s < 0) {
                return true;
            }
            if (known[s] == 0) {
                known[s] = 2;
                for (String h : sets[s]) {
                    if (lower.indexOf(h) >= 0) {
                        known[s] = 1;
                        break;
                    }
                }
            }
            return known[s] == 1;
        }
    }

    /**
     * Literal strings (ASCII lower case) one of which every match of the case-insensitive pattern begins with, or null
     * when its start cannot be read (see {@link Heads#starts}).
     */
    public static String[] starts(Pattern pattern) {
        return Heads.starts(pattern);
    }

    /**
     * The first match of {@code pattern} in {@code text}, as {@code find()} finds it, trying only the offsets where one
     * of {@code starts} occurs in {@code lower} (the ASCII-lowered text): with transparent, non-anchoring bounds a match
     * tried at an offset sees the text before it as {@code find()} does. The matcher holds the match; null when none.
     * With {@code starts} null, {@code find()} over the whole text.
     */
    public static java.util.regex.Matcher first(Pattern pattern, String text, String lower, String[] starts) {
        java.util.regex.Matcher m = pattern.matcher(text);
        if (starts == null) {
            return m.find() ? m : null;
        }
        int[] at = new int[8];
        int n = 0;
        for (String s : starts) {
            for (int i = lower.indexOf(s); i >= 0; i = lower.indexOf(s, i + 1)) {
                if (n == at.length) {
                    at = Arrays.copyOf(at, 2 * n);
                }
                at[n++] = i;
            }
        }
        Arrays.sort(at, 0, n);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        for (int k = 0; k < n; k++) {
            if (k > 0 && at[k] == at[k - 1]) {
                continue;
            }
            m.region(at[k], text.length());
            if (m.lookingAt()) {
                return m;
            }
        }
        return null;
    }

    /** The text with A-Z lowered and nothing else changed (the case folding of CASE_INSENSITIVE without UNICODE_CASE). */
    public static String asciiLower(String text) {
        return Lexicon.asciiLower(text);
    }
}
