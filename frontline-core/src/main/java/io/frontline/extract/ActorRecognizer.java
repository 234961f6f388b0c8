package io.frontline.extract;

import io.frontline.actors.Actor;
import io.frontline.actors.ActorRegistry;
import io.frontline.text.Sentence;
import io.frontline.text.Span;
import io.frontline.text.Token;
import io.frontline.text.Tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds actor names in a sentence by longest match over tokens: aliases ignoring case, abbreviations
 * ("SAA", "IS") case-sensitively, generic references ("the militants") left for context resolution, and
 * names inside compounds ("ISIS-held", "SDF-led", "ISIL's").
 */
public final class ActorRecognizer {
    private static final Set<String> COMPOUND_SUFFIXES = Set.of("held", "controlled", "led", "backed", "allied",
            "affiliated", "linked", "aligned", "run", "besieged", "supported", "occupied", "dominated", "friendly", "loyal");

    private record Target(Actor actor, String reference, String rule) {
    }

    private static final class Node {
        final Map<String, Node> next = new HashMap<>();
        Target target;
    }

    private final Node aliases = new Node();
    private final Node abbreviations = new Node();
    private final Set<String> knownAbbreviations = new java.util.HashSet<>();

    public ActorRecognizer(ActorRegistry registry) {
        Tokenizer tokenizer = new Tokenizer();
        for (Actor a : registry.actors()) {
            for (String alias : a.aliases()) {
                add(aliases, tokenizer, alias, new Target(a, null, "actor-alias:" + alias), true);
            }
            for (String abbr : a.abbreviations()) {
                add(abbreviations, tokenizer, abbr, new Target(a, null, "actor-abbreviation:" + abbr), false);
                knownAbbreviations.add(abbr);
            }
        }
        registry.genericReferences().forEach((phrase, res) -> {
            Target t = res.startsWith("@") ? new Target(null, res, "generic-actor:" + phrase)
                    : new Target(registry.get(res), null, "generic-actor:" + phrase);
            add(aliases, tokenizer, phrase, t, true);
        });
    }

    private static void add(Node root, Tokenizer tokenizer, String phrase, Target t, boolean lower) {
        String p = phrase.startsWith("the ") ? phrase.substring(4) : phrase;
        Node n = root;
        for (Token tok : tokenizer.tokenize(p, new Span(0, p.length()))) {
            n = n.next.computeIfAbsent(key(tok.text(), lower), k -> new Node());
        }
        if (n.target == null) {
            n.target = t;
        }
    }

    private static String key(String token, boolean lower) {
        String k = lower ? token.toLowerCase(Locale.ROOT) : token;
        if (k.length() > 2 && (k.endsWith("'s") || k.endsWith("\u2019s"))) {
            k = k.substring(0, k.length() - 2);
        } else if (k.endsWith("'") || k.endsWith("\u2019")) {
            k = k.substring(0, k.length() - 1);
        }
        return k;
    }

    public List<ActorMention> find(Sentence s) {
        List<ActorMention> out = new ArrayList<>();
        List<Token> toks = s.tokens();
        int i = 0;
        while (i < toks.size()) {
            ActorMention m = longest(s, i, aliases, true);
            ActorMention b = longest(s, i, abbreviations, false);
            if (b != null && (m == null || b.lastToken() > m.lastToken()) && !shouting(toks, i, b.lastToken())) {
                m = b;
            }
            if (m == null) {
                m = compound(s, i);
            }
            if (m == null) {
                m = elliptical(s, i);
            }
            if (m != null && m.rule().equals("generic-actor:troops") && m.firstToken() > 0
                    && qualifiesTroops(s.token(m.firstToken() - 1))) {
                i = m.lastToken() + 1; // "Turkish and TFSA forward troops": troops someone's words above name, not the state's
                continue;
            }
            if (m != null && m.rule().startsWith("generic-actor:") && m.lastToken() + 1 < s.size()
                    && SITE_NOUNS.contains(s.token(m.lastToken() + 1).lower())) {
                i = m.lastToken() + 1; // "the al-Mastumah military camp", "the army base": a kind of place, not an actor
                continue;
            }
            if (m != null) {
                if (!impersonated(s, m.firstToken())) {
                    out.add(m);
                }
                i = m.lastToken() + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private ActorMention longest(Sentence s, int i, Node root, boolean lower) {
        Node n = root;
        Target found = null;
        int last = -1;
        for (int j = i; j < s.size(); j++) {
            Token t = s.token(j);
            n = n.next.get(key(lower ? t.lower() : t.text(), false)); // the token lowers its text once
            if (n == null) {
                break;
            }
            if (n.target != null) {
                found = n.target;
                last = j;
            }
        }
        if (found == null) {
            return null;
        }
        int first = i;
        if (i > 0 && s.token(i - 1).is("the")) {
            first = i - 1;
        }
        return mention(s, first, last, found, null);
    }

    /** A word before bare "troops" that makes them someone's: a name, "forward", "allied", "foreign", "and". */
    private static boolean qualifiesTroops(Token before) {
        return before.isWord() && (before.isCapitalised() || java.util.Set.of("forward", "allied", "foreign", "and", "their",
                "its", "his", "ground", "special", "elite").contains(before.lower()) || before.lower().contains("-"));
    }

    private static final java.util.Set<String> SITE_NOUNS = java.util.Set.of("camp", "base", "bases", "airport", "airbase",
            "academy", "college", "hospital", "barracks", "school", "prison", "compound", "airfield", "hospitals", "security",
            "intelligence");

    private static final List<String> GROUP_NOUNS = List.of("forces", "troops", "fighters", "units", "soldiers", "militias");

    /**
     * "rebel and Turkish forces", "Turkish and TFSA forces": an adjective coordinated with a later group noun names a
     * group of its own when the adjective with that noun is an alias ("rebel forces", "Turkish forces").
     */
    private ActorMention elliptical(Sentence s, int i) {
        if (i + 2 >= s.size() || !s.token(i + 1).is("and") && !s.token(i + 1).is(",")) {
            return null;
        }
        for (int j = i + 2; j < Math.min(s.size(), i + 7); j++) {
            String w = s.token(j).lower();
            if (!s.token(j).isWord()) {
                return null;
            }
            if (GROUP_NOUNS.contains(w)) {
                Node n = aliases.next.get(key(s.token(i).lower(), false));
                Node head = n == null ? null : n.next.get(w);
                if ((head == null || head.target == null) && n != null) {
                    head = n.next.get("forces"); // "Turkish and TFSA units": "Turkish forces" names the group
                }
                if (head == null || head.target == null) {
                    return null;
                }
                Target t = head.target;
                return mention(s, i, i, new Target(t.actor(), t.reference(), t.rule() + " (coordinated with '" + w + "')"), null);
            }
        }
        return null;
    }

    /** "ISIS-held", "SDF-led", "Daesh-controlled": the name before the hyphen of one token. */
    private ActorMention compound(Sentence s, int i) {
        Token t = s.token(i);
        int h = t.text().lastIndexOf('-');
        if (h <= 0) {
            return null;
        }
        String suffix = t.text().substring(h + 1).toLowerCase(Locale.ROOT);
        if (!COMPOUND_SUFFIXES.contains(suffix)) {
            return null;
        }
        String head = t.text().substring(0, h);
        Node n = abbreviations.next.get(key(head, false));
        if (n == null || n.target == null) {
            n = aliases.next.get(key(head, true));
        }
        // "rebel-held", "regime-controlled", "militant-held": the plural or "forces" form is the registered name
        for (String form : List.of(head + "s", head + " forces")) {
            if (n == null || n.target == null) {
                n = aliases;
                for (String w : form.split(" ")) {
                    n = n == null ? null : n.next.get(key(w, true));
                }
            }
        }
        if (n == null || n.target == null) {
            return null;
        }
        return mention(s, i, i, n.target, suffix);
    }

    private static final Set<String> IMPERSONATING = Set.of("disguised", "dressed", "posing", "masquerading", "impersonating");

    /** "infiltrators disguised as NDF members": the named group is who they pretended to be, not who acted. */
    private static boolean impersonated(Sentence s, int first) {
        int k = first - 1;
        if (k >= 0 && (s.token(k).is("a") || s.token(k).is("an") || s.token(k).is("the"))) {
            k--;
        }
        if (k >= 0 && s.token(k).is("impersonating")) {
            return true;
        }
        return k >= 1 && s.token(k).is("as") && IMPERSONATING.contains(s.token(k - 1).lower());
    }

    private static ActorMention mention(Sentence s, int first, int last, Target t, String modifier) {
        Span span = new Span(s.token(first).start(), s.token(last).end());
        String text = s.text().substring(span.start() - s.span().start(), span.end() - s.span().start());
        return new ActorMention(span, first, last, text, t.actor(), t.reference(), modifier, t.rule());
    }

    /** An abbreviation inside a run of capitals ("THIS IS WAR") is not a name. */
    private boolean shouting(List<Token> toks, int first, int last) {
        return isCaps(toks, first - 1) || isCaps(toks, last + 1);
    }

    private boolean isCaps(List<Token> toks, int i) {
        if (i < 0 || i >= toks.size() || !toks.get(i).isWord() || toks.get(i).text().length() < 3) { // "ISIL HQ" is no shouting
            return false;
        }
        String w = toks.get(i).text();
        return w.equals(w.toUpperCase(Locale.ROOT)) && w.chars().anyMatch(Character::isLetter)
                && !knownAbbreviations.contains(w);
    }
}
