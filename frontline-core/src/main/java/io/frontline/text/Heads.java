package io.frontline.text;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads from a lexicon pattern the literal strings one of which every match must begin with: a prefilter that
 * lets {@link Lexicon} skip a rule's regular expression on a text containing none of them (most rules on most
 * sentences). Conservative: whatever it does not understand gives null (always run the rule).
 *
 * <p>Understood: top-level and group alternatives ({@code a|b}, {@code (?:a|b)}, {@code (a|b)}); zero-width
 * assertions at the start ({@code ^}, {@code \b}, {@code \B}, lookahead and lookbehind groups), which are skipped;
 * a run of literal characters, cut before a character made optional by {@code ? * {}; an optional group
 * ({@code (?:hand )?grenade}: the group's heads and those of what follows). Patterns are
 * CASE_INSENSITIVE without UNICODE_CASE, so ASCII letters are lowered and other characters match as written;
 * inline flags other than i, m, s and d, and other group kinds, give null.
 */
final class Heads {
    private static final String META = "\\[](){}|.^$?*+";

    private Heads() {
    }

    static String[] of(Pattern pattern) {
        if ((pattern.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.MULTILINE)) != 0) {
            return null;
        }
        String p = pattern.pattern();
        if (p.contains("\\Q")) {
            return null; // quoted sections: not read
        }
        for (int i = p.indexOf("(?"); i >= 0; i = p.indexOf("(?", i + 1)) {
            if (!(p.startsWith("(?:", i) || p.startsWith("(?=", i) || p.startsWith("(?!", i) || p.startsWith("(?<=", i)
                    || p.startsWith("(?<!", i) || harmlessFlags(p, i + 2))) {
                return null; // (?x) would change what a space means, (?u) the case of other letters; named or atomic groups
            }
        }
        try {
            Set<String> h = alternatives(p, 0, p.length());
            return h == null ? null : h.toArray(String[]::new);
        } catch (RuntimeException e) {
            return null; // a construct this reader mis-parsed: run the rule always
        }
    }

    /**
     * Inline flags that cannot make a text match a literal it does not contain once both are ASCII-lowered:
     * case (i), lines (m, d) and dot (s), on or off, e.g. the scoped {@code (?-i:[A-Z])}.
     */
    private static boolean harmlessFlags(String p, int i) {
        int j = i;
        while (j < p.length() && "imsd-".indexOf(p.charAt(j)) >= 0) {
            j++;
        }
        return j > i && j < p.length() && (p.charAt(j) == ':' || p.charAt(j) == ')');
    }

    /** Heads of pattern[from, to), a sequence of alternatives separated by top-level {@code |}. */
    private static Set<String> alternatives(String p, int from, int to) {
        Set<String> out = new LinkedHashSet<>();
        int start = from;
        int depth = 0;
        for (int i = from; i <= to; i++) {
            if (i == to || (depth == 0 && p.charAt(i) == '|')) {
                Set<String> h = head(p, start, i);
                if (h == null) {
                    return null;
                }
                out.addAll(h);
                start = i + 1;
                continue;
            }
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(p, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return out;
    }

    /** Heads of one alternative pattern[i, to). */
    private static Set<String> head(String p, int i, int to) {
        while (i < to) { // zero-width assertions at the start
            if (p.startsWith("\\b", i) || p.startsWith("\\B", i)) {
                i += 2;
            } else if (p.charAt(i) == '^') {
                i++;
            } else if (p.startsWith("(?=", i) || p.startsWith("(?!", i) || p.startsWith("(?<=", i) || p.startsWith("(?<!", i)) {
                i = groupEnd(p, i) + 1;
                if (i < to && "?*+{".indexOf(p.charAt(i)) >= 0) {
                    return null;
                }
            } else {
                break;
            }
        }
        if (i >= to) {
            return null; // may match the empty string
        }
        char c = p.charAt(i);
        if (c == '(') {
            int close = groupEnd(p, i);
            int inner = p.startsWith("(?:", i) ? i + 3 : p.charAt(i + 1) == '?' ? -1 : i + 1;
            if (inner < 0) {
                return null;
            }
            Set<String> group = alternatives(p, inner, close);
            if (close + 1 < to && (p.charAt(close + 1) == '?' || p.charAt(close + 1) == '*')) {
                // an optional group: the match begins with the group or with what follows it
                int after = close + 2;
                if (after < to && (p.charAt(after) == '?' || p.charAt(after) == '+')) {
                    after++; // lazy or possessive
                }
                Set<String> rest = head(p, after, to);
                if (group == null || rest == null) {
                    return null;
                }
                Set<String> both = new LinkedHashSet<>(group);
                both.addAll(rest);
                return both;
            }
            if (close + 1 < to && p.charAt(close + 1) == '{') {
                return null; // may repeat zero times
            }
            return group;
        }
        StringBuilder sb = new StringBuilder();
        int j = i;
        while (j < to) {
            char ch = p.charAt(j);
            if (META.indexOf(ch) >= 0 || Character.isSurrogate(ch)) {
                break;
            }
            sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
            j++;
        }
        if (j < to && "?*{".indexOf(p.charAt(j)) >= 0 && sb.length() > 0) {
            sb.setLength(sb.length() - 1); // "missiles?": the s is optional
        }
        return sb.length() == 0 ? null : Set.of(sb.toString());
    }

    /** The index of the ')' closing the group opened at {@code open}. */
    private static int groupEnd(String p, int open) {
        int depth = 0;
        for (int i = open; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(p, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced group in " + p);
    }

    /** The index of the ']' closing the character class opened at {@code open} (nested classes included). */
    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++; // a ']' first in a class is literal
        }
        int depth = 1;
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed class in " + p);
    }
}
