package io.frontline.stories;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The source profiles of a tab-separated file: a header line
 * {@code publisher aliases domains country alignment reliability basis}, then one publisher a line; aliases and
 * domains are separated by {@code |}; lines starting with {@code #} are comments. Looked up by publisher name or
 * alias (case, spacing and punctuation ignored) or by the host of a report's url.
 */
public final class SourceProfiles {
    public static final List<String> COLUMNS = List.of("publisher", "aliases", "domains", "country", "alignment", "reliability", "basis");
    public static final SourceProfiles NONE = new SourceProfiles(List.of());

    private final Map<String, SourceProfile> byName = new LinkedHashMap<>();
    private final List<SourceProfile> profiles;

    private SourceProfiles(Collection<SourceProfile> profiles) {
        this.profiles = List.copyOf(profiles);
        for (SourceProfile p : profiles) {
            byName.put(key(p.name()), p);
            for (String a : p.aliases()) {
                byName.putIfAbsent(key(a), p);
            }
        }
    }

    /** Parses a profile file; errors name the file and line. */
    public static SourceProfiles parse(List<String> lines, String name) {
        List<SourceProfile> out = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!header) {
                if (!List.of(f).subList(0, Math.min(f.length, COLUMNS.size())).equals(COLUMNS)) {
                    throw new IllegalArgumentException(name + ":" + (i + 1) + ": the header must be the tab-separated columns " + String.join(" ", COLUMNS));
                }
                header = true;
                continue;
            }
            if (f.length < COLUMNS.size()) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": " + COLUMNS.size() + " tab-separated columns expected, found " + f.length);
            }
            try {
                out.add(new SourceProfile(f[0].strip(), list(f[1]), list(f[2]).stream().map(d -> d.toLowerCase(Locale.ROOT)).toList(),
                        blank(f[3]), blank(f[4]), f[5].strip().isEmpty() ? "unknown" : f[5].strip().toLowerCase(Locale.ROOT), blank(f[6])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new SourceProfiles(out);
    }

    /** These profiles with those of {@code other} added; a publisher in both takes {@code other}'s. */
    public SourceProfiles with(SourceProfiles other) {
        Map<String, SourceProfile> merged = new LinkedHashMap<>();
        for (SourceProfile p : profiles) {
            merged.put(key(p.name()), p);
        }
        for (SourceProfile p : other.profiles) {
            merged.put(key(p.name()), p);
        }
        return new SourceProfiles(merged.values());
    }

    public List<SourceProfile> profiles() {
        return profiles;
    }

    /** The profile of a publisher by name or alias. */
    public Optional<SourceProfile> byName(String publisher) {
        return publisher == null ? Optional.empty() : Optional.ofNullable(byName.get(key(publisher)));
    }

    /** The profile whose domain the url's host is (or is under). */
    public Optional<SourceProfile> byUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (SourceProfile p : profiles) {
            for (String d : p.domains()) {
                if (h.equals(d) || h.endsWith("." + d)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        for (String x : s.split("\\|")) {
            if (!x.isBlank()) {
                out.add(x.strip());
            }
        }
        return out;
    }

    private static String blank(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
