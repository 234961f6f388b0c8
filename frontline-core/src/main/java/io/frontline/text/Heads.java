package io.frontline.text;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads from a lexicon pattern literal strings one of which every match must contain: a prefilter that lets
 * {@link Lexicon} skip a rule's regular expression on a text containing none of them (most rules on most
 * sentences). Conservative: whatever it does not understand gives null (always run the rule).
 *
 * <p>Understood: top-level and group alternatives ({@code a|b}, {@code (?:a|b)}, {@code (a|b)}), each a sequence
 * of elements of which the most selective mandatory one is used: a run of literal characters (without a last
 * character made optional by a quantifier) or a group that must match at least once. Zero-width assertions,
 * classes, escapes and elements that may match zero times are passed over. Patterns are
 * CASE_INSENSITIVE without UNICODE_CASE, so ASCII letters are lowered and other characters match as written;
 * inline flags other than i, m, s and d, and other group kinds, give null.
 */
final class Heads {
    private static final String META = "\\[](){}|.^$?*+";

    private Heads() {
    }

    static String[] of(Pattern pattern) {
        if (!readable(pattern)) {
            return null;
        }
        try {
            Set<String> h = alternatives(pattern.pattern(), 0, pattern.pattern().length());
            return h == null ? null : h.toArray(String[]::new);
        } catch (RuntimeException e) {
            return null; // a construct this reader mis-parsed: run the rule always
        }
    }

    /**
     * Literal strings (ASCII lower case) one of which every match of the pattern begins with, or null when they
     * cannot be read: the first element that consumes text after zero-width assertions ({@code \b}, lookarounds,
     * {@code ^}) is a literal run or a group (at least once) whose alternatives all begin so. A match can then start
     * only where one of the strings occurs in the ASCII-lowered text.
     */
    static String[] starts(Pattern pattern) {
        if (!readable(pattern) || pattern.pattern().contains("\\G")) {
            return null;
        }
        try {
            Set<String> h = startAlternatives(pattern.pattern(), 0, pattern.pattern().length());
            return h == null ? null : h.toArray(String[]::new);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Sets of literal strings such that every match of the pattern contains one string of each set: one set per
     * mandatory element of a pattern without top-level alternatives, else the set of {@link #of}; null when none.
     */
    static String[][] requirements(Pattern pattern) {
        String[] one = of(pattern);
        if (one == null) {
            return null;
        }
        String p = pattern.pattern();
        try {
            int depth = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    i = classEnd(p, i);
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    return new String[][] {one}; // alternatives at the top: one set
                }
            }
            java.util.List<Set<String>> all = new java.util.ArrayList<>();
            head(p, 0, p.length(), all);
            if (all.isEmpty()) {
                return new String[][] {one};
            }
            String[][] out = new String[all.size()][];
            for (int k = 0; k < out.length; k++) {
                out[k] = all.get(k).toArray(String[]::new);
            }
            return out;
        } catch (RuntimeException e) {
            return new String[][] {one};
        }
    }

    /** False for flags and constructs the readers do not understand. */
    private static boolean readable(Pattern pattern) {
        if ((pattern.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.MULTILINE)) != 0) {
            return false;
        }
        String p = pattern.pattern();
        for (int i = p.indexOf('\\'); i >= 0; i = p.indexOf('\\', i + 2)) {
            char e = i + 1 < p.length() ? p.charAt(i + 1) : 'x';
            if (Character.isLetterOrDigit(e) && "bBsSwWdDntrfeaAzZGhHvVRX".indexOf(e) < 0) {
                return false; // unicode and hex escapes, \p{..}, \Q..\E, back references: longer than two characters, not read
            }
        }
        for (int i = p.indexOf("(?"); i >= 0; i = p.indexOf("(?", i + 1)) {
            if (!(p.startsWith("(?:", i) || p.startsWith("(?=", i) || p.startsWith("(?!", i) || p.startsWith("(?<=", i)
                    || p.startsWith("(?<!", i) || harmlessFlags(p, i + 2))) {
                return false; // (?x) would change what a space means, (?u) the case of other letters; named or atomic groups
            }
        }
        return true;
    }

    /** Start strings of pattern[from, to), alternatives separated by top-level {@code |}: the union, null if one is unknown. */
    private static Set<String> startAlternatives(String p, int from, int to) {
        return union(p, from, to, Heads::startOfSequence);
    }

    /** What one sequence of alternatives yields: its start strings or its heads, null when unknown. */
    private interface OfSequence {
        Set<String> of(String p, int from, int to);
    }

    /** The union of {@code each} over the alternatives of pattern[from, to) (top-level {@code |}), null if one is null. */
    private static Set<String> union(String p, int from, int to, OfSequence each) {
        Set<String> out = new LinkedHashSet<>();
        int start = from;
        int depth = 0;
        for (int i = from; i <= to; i++) {
            if (i == to || (depth == 0 && p.charAt(i) == '|')) {
                Set<String> h = each.of(p, start, i);
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

    /** The strings the sequence pattern[i, to) begins with, or null. */
    private static Set<String> startOfSequence(String p, int i, int to) {
        while (i < to) {
            char c = p.charAt(i);
            if (p.startsWith("(?=", i) || p.startsWith("(?!", i) || p.startsWith("(?<=", i) || p.startsWith("(?<!", i)) {
                int next = groupEnd(p, i) + 1;
                if (next < to && "?*+{".indexOf(p.charAt(next)) >= 0) {
                    return null;
                }
                i = next; // zero-width
            } else if (c == '\\') {
                char e = i + 1 < to ? p.charAt(i + 1) : 'x';
                if ("bBAzZ".indexOf(e) < 0 || (i + 2 < to && "?*+{".indexOf(p.charAt(i + 2)) >= 0)) {
                    return null; // a class escape or an escaped character: not read
                }
                i += 2; // a word boundary or input anchor: zero-width
            } else if (c == '^' || c == '$') {
                if (i + 1 < to && "?*+{".indexOf(p.charAt(i + 1)) >= 0) {
                    return null;
                }
                i++;
            } else if (c == '(') {
                int close = groupEnd(p, i);
                int inner = p.startsWith("(?:", i) ? i + 3 : p.charAt(i + 1) == '?' ? skipFlags(p, i + 2) : i + 1;
                int[] q = quantifierEnd(p, close + 1, to);
                if (inner < 0 || q[1] == 0) {
                    return null; // an optional group first: not read
                }
                return startAlternatives(p, inner, close);
            } else if (META.indexOf(c) >= 0 || Character.isSurrogate(c)) {
                return null; // a class, a dot, a stray quantifier
            } else {
                StringBuilder sb = new StringBuilder();
                int j = i;
                while (j < to && META.indexOf(p.charAt(j)) < 0 && !Character.isSurrogate(p.charAt(j))) {
                    char ch = p.charAt(j);
                    sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
                    j++;
                }
                if (j < to && "?*+{".indexOf(p.charAt(j)) >= 0 && quantifierEnd(p, j, to)[1] == 0) {
                    sb.setLength(sb.length() - 1); // the last character may be absent
                }
                return sb.length() == 0 ? null : Set.of(sb.toString());
            }
        }
        return null; // nothing consumed: the match begins with what follows
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
        return union(p, from, to, Heads::head);
    }

    /**
     * Literals one of which every match of the sequence pattern[i, to) contains: those of its most selective
     * mandatory element (a literal run, or a group that must match once), elements that may match zero times,
     * zero-width assertions, classes and escapes being passed over; null when it has no such element.
     */
    private static Set<String> head(String p, int i, int to) {
        return head(p, i, to, null);
    }

    /** As {@link #head(String, int, int)}, adding every mandatory element's strings to {@code all} when given. */
    private static Set<String> head(String p, int i, int to, java.util.List<Set<String>> all) {
        Set<String> best = null;
        while (i < to) {
            char c = p.charAt(i);
            Set<String> found = null;
            int next;
            if (p.startsWith("(?=", i) || p.startsWith("(?!", i) || p.startsWith("(?<=", i) || p.startsWith("(?<!", i)) {
                next = groupEnd(p, i) + 1; // zero-width: not part of the match
                next = quantifierEnd(p, next, to)[0];
            } else if (c == '(') {
                int close = groupEnd(p, i);
                int inner = p.startsWith("(?:", i) ? i + 3 : p.charAt(i + 1) == '?' ? skipFlags(p, i + 2) : i + 1;
                int[] q = quantifierEnd(p, close + 1, to);
                next = q[0];
                if (q[1] > 0 && inner >= 0) {
                    found = alternatives(p, inner, close);
                }
            } else if (c == '[') {
                next = quantifierEnd(p, classEnd(p, i) + 1, to)[0];
            } else if (c == '\\') {
                next = quantifierEnd(p, i + 2, to)[0]; // \b, \s, \w, an escaped character: passed over
            } else if (META.indexOf(c) >= 0 || Character.isSurrogate(c)) {
                next = quantifierEnd(p, i + 1, to)[0]; // . ^ $ and the like
            } else {
                StringBuilder sb = new StringBuilder();
                int j = i;
                while (j < to && META.indexOf(p.charAt(j)) < 0 && !Character.isSurrogate(p.charAt(j))) {
                    char ch = p.charAt(j);
                    sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
                    j++;
                }
                next = j;
                if (j < to && "?*+{".indexOf(p.charAt(j)) >= 0) {
                    int[] q = quantifierEnd(p, j, to);
                    next = q[0];
                    if (q[1] == 0) {
                        sb.setLength(sb.length() - 1); // the quantifier applies to the last character alone
                    }
                }
                if (sb.length() > 0) {
                    found = Set.of(sb.toString());
                }
            }
            if (found != null && all != null) {
                all.add(found);
            }
            if (found != null && (best == null || shortest(found) > shortest(best))) {
                best = found;
            }
            i = next;
        }
        return best;
    }

    private static int shortest(Set<String> s) {
        int m = Integer.MAX_VALUE;
        for (String x : s) {
            m = Math.min(m, x.length());
        }
        return m;
    }

    /** After "(?": the index after "flags:" of a scoped flag group, -1 for other group kinds. */
    private static int skipFlags(String p, int i) {
        int j = i;
        while (j < p.length() && "imsd-".indexOf(p.charAt(j)) >= 0) {
            j++;
        }
        return j > i && j < p.length() && p.charAt(j) == ':' ? j + 1 : -1;
    }

    /**
     * The quantifier at pattern[i] if any: {end of it, minimum repetitions} ({i, 1} when there is none); a lazy or
     * possessive mark is included.
     */
    private static int[] quantifierEnd(String p, int i, int to) {
        if (i >= to) {
            return new int[] {i, 1};
        }
        char c = p.charAt(i);
        int min;
        int end;
        if (c == '?' || c == '*') {
            min = 0;
            end = i + 1;
        } else if (c == '+') {
            min = 1;
            end = i + 1;
        } else if (c == '{') {
            int close = p.indexOf('}', i);
            String body = p.substring(i + 1, close);
            int comma = body.indexOf(',');
            min = Integer.parseInt((comma < 0 ? body : body.substring(0, comma)).trim());
            end = close + 1;
        } else {
            return new int[] {i, 1};
        }
        if (end < to && (p.charAt(end) == '?' || p.charAt(end) == '+')) {
            end++;
        }
        return new int[] {end, min};
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
