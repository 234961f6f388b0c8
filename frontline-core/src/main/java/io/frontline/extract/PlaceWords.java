package io.frontline.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The word lists of {@code place-words.tsv}: slot heads, feature words, anchor words, non-places. */
public final class PlaceWords {
    private final Map<String, Set<String>> lists = new HashMap<>();

    public static PlaceWords parse(List<String> lines) {
        PlaceWords w = new PlaceWords();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            Set<String> set = w.lists.computeIfAbsent(f[0], k -> new HashSet<>());
            for (String s : f[1].split("\\|")) {
                set.add(f[0].equals("not-place") || f[0].equals("countries") ? s.strip() : s.strip().toLowerCase(Locale.ROOT));
            }
        }
        return w;
    }

    public boolean is(String list, String word) {
        Set<String> s = lists.get(list);
        if (s == null) {
            throw new IllegalArgumentException("no word list " + list);
        }
        return s.contains(list.equals("not-place") || list.equals("countries") ? word : word.toLowerCase(Locale.ROOT));
    }

    /** The feature kind of a word ({@code settlement}, {@code site}, {@code region}, {@code road}) or null. */
    public String featureKind(String word) {
        for (String k : List.of("settlement", "site", "region", "road")) {
            if (is("feature-" + k, word)) {
                return k;
            }
        }
        return null;
    }
}
