package io.frontline.extract;

import java.util.Map;

/**
 * Numbers written in digits or words, and ACLED's conventions for vague quantities: "dozens" 12,
 * "tens" 10, "hundreds" 100, "several"/"many"/"a number of" 10, "a dozen" 12, "scores" 20.
 */
public final class Numbers {
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("a", 1), Map.entry("an", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100),
            Map.entry("dozen", 12), Map.entry("dozens", 12), Map.entry("tens", 10), Map.entry("hundreds", 100),
            Map.entry("scores", 20), Map.entry("several", 10), Map.entry("many", 10), Map.entry("numerous", 10),
            Map.entry("thousands", 1000), Map.entry("thousand", 1000));

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+(\\.\\d+)?");

    private Numbers() {
    }

    /** The value of one token ("33", "1,200", "three", "dozens"), or null. */
    public static Double value(String token) {
        String t = token.toLowerCase(java.util.Locale.ROOT);
        if (DIGITS.matcher(t).matches()) {
            return Double.parseDouble(t.replace(",", ""));
        }
        Integer w = WORDS.get(t);
        return w == null ? null : w.doubleValue();
    }
}
