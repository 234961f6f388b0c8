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
        return list(list).contains(list.equals("not-place") || list.equals("countries") ? word : word.toLowerCase(Locale.ROOT));
    }

    private Set<String> list(String name) {
        Set<String> s = lists.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no word list " + name);
        }
        return s;
    }

    private static final String[] FEATURE_KINDS = {"settlement", "site", "region", "road"};
    private static final String[] FEATURE_LISTS = {"feature-settlement", "feature-site", "feature-region", "feature-road"};

    /** The feature kind of a word ({@code settlement}, {@code site}, {@code region}, {@code road}) or null. */
    public String featureKind(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (int k = 0; k < FEATURE_KINDS.length; k++) {
            if (list(FEATURE_LISTS[k]).contains(lower)) {
                return FEATURE_KINDS[k];
            }
        }
        return null;
    }
}
