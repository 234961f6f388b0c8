package io.frontline.actors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coalition keys and their alliances, from {@code sides.tsv}. An alliance may hold for a period only
 * ({@code hts@2013-01-01..2016-12-31}): such sides are opposed outside it, and allied on a date inside it.
 */
public final class Sides {
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, Set<String>> allies = new HashMap<>();
    private final Map<String, List<Period>> dated = new HashMap<>();

    private record Period(String other, LocalDate from, LocalDate to) {
        boolean covers(String side, LocalDate d) {
            return other.equals(side) && !d.isBefore(from) && !d.isAfter(to);
        }
    }

    public static Sides parse(List<String> lines) {
        Sides s = new Sides();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            s.labels.put(f[0], f.length > 1 ? f[1] : f[0]);
            Set<String> a = new HashSet<>();
            List<Period> periods = new ArrayList<>();
            if (f.length > 2 && !f[2].isBlank()) {
                for (String ally : f[2].split("\\|")) {
                    int at = ally.indexOf('@');
                    if (at < 0) {
                        a.add(ally);
                    } else {
                        String[] range = ally.substring(at + 1).split("\\.\\.");
                        periods.add(new Period(ally.substring(0, at), LocalDate.parse(range[0]), LocalDate.parse(range[1])));
                    }
                }
            }
            s.allies.put(f[0], a);
            s.dated.put(f[0], periods);
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

    /** {@link #opposed(String, String)} on a date: sides allied for a period that holds the date are not opposed. */
    public boolean opposed(String a, String b, LocalDate on) {
        if (!opposed(a, b)) {
            return false;
        }
        return on == null || dated.getOrDefault(a, List.of()).stream().noneMatch(p -> p.covers(b, on))
                && dated.getOrDefault(b, List.of()).stream().noneMatch(p -> p.covers(a, on));
    }

    public boolean allied(String a, String b) {
        return a != null && b != null && (a.equals(b) || allies.getOrDefault(a, Set.of()).contains(b));
    }
}
