package io.frontline.actors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The actors of {@code actors.tsv}, with their hierarchy, and the generic references of {@code generic.tsv}. */
public final class ActorRegistry {
    private final Map<String, Actor> byId = new LinkedHashMap<>();
    private final Map<String, String> generic = new LinkedHashMap<>();
    private final Sides sides;

    private ActorRegistry(Sides sides) {
        this.sides = sides;
    }

    public static ActorRegistry parse(List<String> actorLines, List<String> genericLines, Sides sides) {
        ActorRegistry r = new ActorRegistry(sides);
        Map<String, List<String>> forms = new LinkedHashMap<>();
        for (String line : actorLines) {
            if (line.startsWith("@form\t")) {
                String[] f = line.split("\t", -1);
                if (f.length < 3) {
                    throw new IllegalArgumentException("actors @form line needs a name and its nouns: " + line);
                }
                forms.put(f[1], split(f[2]));
            }
        }
        int n = 0;
        for (String line : actorLines) {
            n++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("@form\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 7) {
                throw new IllegalArgumentException("actors line " + n + ": expected 7 columns, found " + f.length);
            }
            if (!sides.exists(f[2])) {
                throw new IllegalArgumentException("actors line " + n + ": unknown side " + f[2]);
            }
            r.byId.put(f[0], new Actor(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4].equals("-") ? null : f[4],
                    split(f[5]), split(f[6])));
        }
        r.expandForms(forms);
        for (Actor a : r.byId.values()) {
            if (a.parentId() != null && !r.byId.containsKey(a.parentId())) {
                throw new IllegalArgumentException("actor " + a.id() + ": unknown parent " + a.parentId());
            }
        }
        for (String line : genericLines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (!f[1].startsWith("@") && !r.byId.containsKey(f[1])) {
                throw new IllegalArgumentException("generic reference '" + f[0] + "': unknown actor " + f[1]);
            }
            r.generic.put(f[0], f[1]);
        }
        return r;
    }

    /**
     * Aliases such as {@code Turkish {aircraft}} stand for the adjective before every noun of the {@code @form}
     * line named {@code aircraft} ("Turkish fighter jets", "Turkish helicopters", ...). A phrase that some actor
     * lists word for word keeps that actor: the written alias wins over the generated one.
     */
    private void expandForms(Map<String, List<String>> forms) {
        java.util.Set<String> written = new java.util.HashSet<>();
        for (Actor a : byId.values()) {
            for (String alias : a.aliases()) {
                if (alias.indexOf('{') < 0) {
                    written.add(alias.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        java.util.Set<String> generated = new java.util.HashSet<>();
        for (Map.Entry<String, Actor> e : byId.entrySet()) {
            Actor a = e.getValue();
            if (a.aliases().stream().noneMatch(x -> x.indexOf('{') >= 0)) {
                continue;
            }
            List<String> aliases = new ArrayList<>();
            for (String alias : a.aliases()) {
                int open = alias.indexOf('{');
                if (open < 0) {
                    aliases.add(alias);
                    continue;
                }
                int close = alias.indexOf('}', open);
                List<String> nouns = close < 0 ? null : forms.get(alias.substring(open + 1, close));
                if (nouns == null) {
                    throw new IllegalArgumentException("actor " + a.id() + ": alias " + alias + " names no @form line");
                }
                for (String noun : nouns) {
                    String phrase = alias.substring(0, open) + noun + alias.substring(close + 1);
                    String key = phrase.toLowerCase(java.util.Locale.ROOT);
                    if (!written.contains(key) && generated.add(key)) {
                        aliases.add(phrase);
                    }
                }
            }
            e.setValue(new Actor(a.id(), a.name(), a.side(), a.inter(), a.parentId(), aliases, a.abbreviations()));
        }
    }

    private static List<String> split(String s) {
        return s.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(s.split("\\|")));
    }

    public Optional<Actor> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Actor get(String id) {
        Actor a = byId.get(id);
        if (a == null) {
            throw new IllegalArgumentException("no actor " + id);
        }
        return a;
    }

    public List<Actor> actors() {
        return List.copyOf(byId.values());
    }

    /** Generic phrases and what they resolve to (an actor id or an {@code @rule}). */
    public Map<String, String> genericReferences() {
        return generic;
    }

    public Sides sides() {
        return sides;
    }

    /** The chain from the actor up to its root: Republican Guard, Syrian Arab Army, Syrian government forces. */
    public List<Actor> lineage(Actor a) {
        List<Actor> out = new ArrayList<>();
        for (Actor x = a; x != null; x = x.parentId() == null ? null : byId.get(x.parentId())) {
            out.add(x);
        }
        return out;
    }

    /** True when {@code a} is {@code ancestor} or part of it. */
    public boolean isPartOf(Actor a, Actor ancestor) {
        return lineage(a).contains(ancestor);
    }
}
