package io.frontline.stories;

import java.util.List;

/**
 * What the user's source file says about a publisher. Alignment and reliability are opinions the user can edit;
 * {@code basis} says whose opinion (a rater and when) so a reader can check it.
 *
 * @param reliability one of {@code high}, {@code mixed}, {@code low}, {@code unknown}
 */
public record SourceProfile(String name, List<String> aliases, List<String> domains, String country, String alignment,
                            String reliability, String basis) {
    public static final List<String> RELIABILITIES = List.of("high", "mixed", "low", "unknown");

    public SourceProfile {
        aliases = List.copyOf(aliases);
        domains = List.copyOf(domains);
        if (!RELIABILITIES.contains(reliability)) {
            throw new IllegalArgumentException("reliability must be one of " + RELIABILITIES + ", not '" + reliability + "'");
        }
    }

    /** How much a report of this source is trusted relative to an unprofiled one: 1 for high and unknown. */
    public double factor() {
        return switch (reliability) {
            case "mixed" -> 0.85;
            case "low" -> 0.7;
            default -> 1.0;
        };
    }
}
