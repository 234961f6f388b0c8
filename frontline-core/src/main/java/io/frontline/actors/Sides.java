package io.frontline.actors;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The coalition keys and their alliances, from {@code sides.tsv}. */
public final class Sides {
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, Set<String>> allies = new HashMap<>();

    public static Sides parse(List<String> lines) {
        Sides s = new Sides();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            s.labels.put(f[0], f.length > 1 ? f[1] : f[0]);
            Set<String> a = new HashSet<>();
            if (f.length > 2 && !f[2].isBlank()) {
                a.addAll(List.of(f[2].split("\\|")));
            }
            s.allies.put(f[0], a);
        }
        return s;
    }

    public boolean exists(String side) {
        return labels.containsKey(side);
    }

    public String label(String side) {
        return labels.getOrDefault(side, side);
    }

    /** True when two sides fight each other: different, not allied, and neither civilian nor unknown. */
    public boolean opposed(String a, String b) {
        if (a == null || b == null || a.equals(b) || a.equals("unknown") || b.equals("unknown")
                || a.equals("civilians") || b.equals("civilians")) {
            return false;
        }
        return !allies.getOrDefault(a, Set.of()).contains(b) && !allies.getOrDefault(b, Set.of()).contains(a);
    }

    public boolean allied(String a, String b) {
        return a != null && b != null && (a.equals(b) || allies.getOrDefault(a, Set.of()).contains(b));
    }
}
