package io.frontline.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small subset of YAML that Markdown front matter uses: top-level {@code key: value} scalars and
 * {@code key:} followed by {@code - item} lists. Block scalars ({@code |-}) are kept as one item.
 */
final class FrontMatter {
    private FrontMatter() {
    }

    static Map<String, List<String>> parse(String yaml) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String key = null;
        StringBuilder folded = null;
        for (String raw : yaml.split("\\R")) {
            if (raw.strip().equals("---") || raw.isBlank()) {
                continue;
            }
            boolean indented = Character.isWhitespace(raw.charAt(0));
            String line = raw.strip();
            if (!indented && line.matches("[A-Za-z_][\\w-]*:.*")) {
                flush(out, key, folded);
                folded = null;
                int c = line.indexOf(':');
                key = line.substring(0, c);
                String value = line.substring(c + 1).strip();
                out.put(key, new ArrayList<>());
                if (!value.isEmpty() && !value.equals("|-") && !value.equals("|") && !value.equals(">")) {
                    folded = new StringBuilder(unquote(value));
                }
            } else if (key != null && line.startsWith("- ")) {
                flush(out, key, folded);
                String v = line.substring(2).strip();
                folded = new StringBuilder(v.equals("|-") || v.equals("|") ? "" : unquote(v));
            } else if (key != null && folded != null) {
                if (folded.length() > 0) {
                    folded.append(' ');
                }
                folded.append(line);
            }
        }
        flush(out, key, folded);
        return out;
    }

    private static void flush(Map<String, List<String>> out, String key, StringBuilder folded) {
        if (key != null && folded != null && !folded.toString().isBlank()) {
            out.get(key).add(folded.toString().strip());
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
