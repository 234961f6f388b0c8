package io.frontline.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of regular-expression rules read from a data file: {@code kind TAB id TAB regex} per line
 * (event triggers, modality cues, page furniture). Blank lines and {@code #} comments are skipped; patterns
 * are case-insensitive and multi-line ({@code ^} and {@code $} match at line breaks).
 */
public final class Lexicon {

    /** One rule of the lexicon. */
    public record Rule(String kind, String id, Pattern pattern) {
    }

    /** A rule's match in a text: offsets are into that text. */
    public record Hit(Rule rule, int start, int end, String text, String group) {
    }

    private final List<Rule> rules;
    /**
     * Per rule, literal strings (ASCII lower case) one of which begins every match of the rule, or null when the
     * pattern's start could not be read: a rule none of whose strings occurs in a text cannot match it, and its
     * regular expression is not run (see {@link Heads}).
     */
    private final String[][] heads;
    private final boolean anyHeads;
    /**
     * Per rule, literal strings (ASCII lower case) one of which every match begins with, or null: such a rule is
     * tried only at the offsets where one of them occurs (see {@link Heads#starts}), not at every offset of the text.
     */
    private final String[][] starts;
    /**
     * One pass over a text tells which requirements of the rules are met (see {@link Literals}): a requirement is a set
     * of strings one of which every match contains ({@link Heads#requirements}); a rule may match only when all of
     * its requirements are met. {@code required[i]}: the requirement numbers of rule i (none: the rule always runs).
     */
    private final Literals literals;
    private final int[][] required;
    /**
     * Per thread, the last text scanned, its requirement bits and its lowered copy: the frame builder asks several
     * kinds of cue in the same text one after another. Compared by identity (strings are immutable, so both stay right).
     */
    private final ThreadLocal<Scanned> lastScan = ThreadLocal.withInitial(Scanned::new);

    /** A text, its requirement bits, and the text ASCII-lowered (null until a rule needs it). */
    private static final class Scanned {
        String text;
        long[] bits;
        String lower;

        String lower() {
            if (lower == null) {
                lower = asciiLower(text);
            }
            return lower;
        }
    }

    private Lexicon(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.heads = new String[this.rules.size()][];
        this.starts = new String[this.rules.size()][];
        boolean any = false;
        for (int i = 0; i < heads.length; i++) {
            heads[i] = Heads.of(this.rules.get(i).pattern());
            starts[i] = Heads.starts(this.rules.get(i).pattern());
            any |= heads[i] != null || starts[i] != null;
        }
        this.anyHeads = any;
        List<String[]> sets = new ArrayList<>();
        this.required = new int[heads.length][];
        for (int i = 0; i < heads.length; i++) {
            String[][] req = heads[i] == null ? null : Heads.requirements(this.rules.get(i).pattern());
            if (req == null) {
                req = heads[i] == null ? new String[0][] : new String[][] {heads[i]};
            }
            required[i] = new int[req.length];
            for (int k = 0; k < req.length; k++) {
                required[i][k] = sets.size();
                sets.add(req[k]);
            }
        }
        this.literals = new Literals(sets.toArray(String[][]::new));
    }

    /** The text with A-Z lowered and nothing else changed (the case folding of CASE_INSENSITIVE without UNICODE_CASE). */
    static String asciiLower(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        char[] b = text.toCharArray();
        for (; i < n; i++) {
            char c = b[i];
            if (c >= 'A' && c <= 'Z') {
                b[i] = (char) (c + 32);
            }
        }
        return new String(b);
    }

    public static Lexicon parse(List<String> lines, String name) {
        List<Rule> rules = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            if (f.length != 3) {
                throw new IllegalArgumentException(name + " line " + n + ": expected kind, id and regex");
            }
            try {
                rules.add(new Rule(f[0], f[1], Pattern.compile(f[2], Pattern.CASE_INSENSITIVE | Pattern.MULTILINE)));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException(name + " line " + n + ": bad pattern: " + e.getDescription(), e);
            }
        }
        return new Lexicon(rules);
    }

    /** The text with its requirement bits, from the last scan on this thread when it was of the same string. */
    private Scanned scan(String text) {
        Scanned last = lastScan.get();
        if (last.text != text) {
            last.bits = literals.scan(text);
            last.text = text;
            last.lower = null;
        }
        return last;
    }

    /** True when every requirement of rule i is met in the scanned text. */
    private boolean met(long[] may, int rule) {
        for (int k : required[rule]) {
            if (!Literals.has(may, k)) {
                return false;
            }
        }
        return true;
    }

    /** The strings every match of a rule begins with (null where unknown), for tests. */
    String[] starts(int rule) {
        return starts[rule];
    }

    /**
     * The offsets, ascending, at which a match of the rule may begin: where one of its start strings occurs in the
     * lowered text. Null when the rule has none (it may begin anywhere).
     */
    private int[] startOffsets(int rule, String lower) {
        String[] st = starts[rule];
        if (st == null || lower == null) {
            return null;
        }
        int[] at = new int[8];
        int n = 0;
        for (String s : st) {
            for (int i = lower.indexOf(s); i >= 0; i = lower.indexOf(s, i + 1)) {
                if (n == at.length) {
                    at = java.util.Arrays.copyOf(at, 2 * n);
                }
                at[n++] = i;
            }
        }
        at = java.util.Arrays.copyOf(at, n);
        java.util.Arrays.sort(at);
        return at;
    }

    /**
     * The next match at or after {@code from} of a rule, as {@code Matcher.find(from)} finds it, trying only the
     * offsets of {@code at} (from index {@code k[0]}, advanced): with transparent, non-anchoring bounds a match
     * tried at an offset sees the text before it (lookbehinds, word boundaries) as {@code find} does.
     */
    private static boolean findFrom(Matcher m, int[] at, int[] k, int from) {
        int n = m.regionEnd();
        while (k[0] < at.length) {
            int p = at[k[0]++];
            if (p < from || (k[0] > 1 && p == at[k[0] - 2])) {
                continue;
            }
            m.region(p, n);
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** The literal heads read from each rule's pattern (null where unknown), for tests. */
    String[] heads(int rule) {
        return heads[rule];
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Every match of every rule of the given kind (all kinds when null). */
    public List<Hit> findAll(String text, String kind) {
        List<Hit> out = new ArrayList<>();
        Scanned scanned = null;
        long[] may = null;
        String lower = null;
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (kind != null && !r.kind().equals(kind)) {
                continue;
            }
            if (anyHeads) {
                if (may == null) {
                    scanned = scan(text);
                    may = scanned.bits;
                }
                if (!met(may, i)) {
                    continue; // none of the rule's heads occurs in the text
                }
                if (lower == null && starts[i] != null) {
                    lower = scanned.lower();
                }
            }
            Matcher m = r.pattern().matcher(text);
            int[] at = startOffsets(i, lower);
            if (at != null) {
                m.useTransparentBounds(true).useAnchoringBounds(false);
                int[] k = {0};
                int from = 0;
                while (findFrom(m, at, k, from)) {
                    if (m.end() > m.start()) {
                        out.add(new Hit(r, m.start(), m.end(), m.group(), m.groupCount() > 0 ? m.group(1) : null));
                    }
                    from = m.end() > m.start() ? m.end() : m.end() + 1;
                }
                continue;
            }
            while (m.find()) {
                if (m.end() > m.start()) {
                    out.add(new Hit(r, m.start(), m.end(), m.group(), m.groupCount() > 0 ? m.group(1) : null));
                }
            }
        }
        return out;
    }

    /** The first rule of the kind (any kind when null) that matches anywhere in the text. */
    public java.util.Optional<Hit> first(String text, String kind) {
        Scanned scanned = null;
        long[] may = null;
        String lower = null;
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (kind != null && !r.kind().equals(kind)) {
                continue;
            }
            if (anyHeads) {
                if (may == null) {
                    scanned = scan(text);
                    may = scanned.bits;
                }
                if (!met(may, i)) {
                    continue;
                }
                if (lower == null && starts[i] != null) {
                    lower = scanned.lower();
                }
            }
            Matcher m = r.pattern().matcher(text);
            int[] at = startOffsets(i, lower);
            boolean found;
            if (at != null) {
                m.useTransparentBounds(true).useAnchoringBounds(false);
                found = findFrom(m, at, new int[] {0}, 0);
            } else {
                found = m.find();
            }
            if (found) {
                return java.util.Optional.of(new Hit(r, m.start(), m.end(), m.group(), m.groupCount() > 0 ? m.group(1) : null));
            }
        }
        return java.util.Optional.empty();
    }
}
