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
        int n = 0;
        for (String line : actorLines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
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
