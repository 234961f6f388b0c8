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

    private Lexicon(List<Rule> rules) {
        this.rules = List.copyOf(rules);
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

    public List<Rule> rules() {
        return rules;
    }

    /** Every match of every rule of the given kind (all kinds when null). */
    public List<Hit> findAll(String text, String kind) {
        List<Hit> out = new ArrayList<>();
        for (Rule r : rules) {
            if (kind != null && !r.kind().equals(kind)) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
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
        for (Rule r : rules) {
            if (kind != null && !r.kind().equals(kind)) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
            if (m.find()) {
                return java.util.Optional.of(new Hit(r, m.start(), m.end(), m.group(), m.groupCount() > 0 ? m.group(1) : null));
            }
        }
        return java.util.Optional.empty();
    }
}
