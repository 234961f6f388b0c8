package io.frontline.stories;

import io.frontline.events.Event;
import io.frontline.ingest.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How far an event is to be believed, beyond how surely it was extracted: the event's extraction
 * {@code confidence} (unchanged), scaled by the reliability of its sources and raised by corroboration.
 *
 * <p>The sources of a report are its publisher (by name, else by its url's domain) and the original source it
 * names; the least reliable profiled one counts (a copy is no better than its original). Reliability scales the
 * confidence (high and unknown 1, mixed 0.85, low 0.7). Each other story reporting the event closes 40% of the
 * remaining gap to 1: {@code 1 - (1 - c) * 0.6^(n - 1)} for {@code n} stories.
 *
 * @param sourceReliability the reliability that counted ({@code high}, {@code mixed}, {@code low}), or
 *                          {@code unknown} when no source of the report is profiled
 * @param confidence        the assessed confidence, in [0, 1]
 * @param reasons           each step, in words
 */
public record Assessment(String sourceReliability, double confidence, List<String> reasons) {
    public static final double CORROBORATION_STEP = 0.6;

    public Assessment {
        reasons = List.copyOf(reasons);
    }

    public static Assessment of(Event e, Report r, Story story, int corroboration, SourceProfiles profiles) {
        List<String> reasons = new ArrayList<>();
        double c = e.confidence();
        reasons.add(String.format(Locale.ROOT, "extraction confidence %.2f", c));
        SourceProfile counted = null;
        Optional<SourceProfile> publisher = profiles.byName(r.publisher()).or(() -> profiles.byUrl(r.url()));
        Optional<SourceProfile> original = profiles.byName(r.originalSource());
        if (original.isEmpty() && story != null && story.originSource() != null) {
            original = profiles.byName(story.originSource());
        }
        for (Optional<SourceProfile> p : List.of(publisher, original)) {
            if (p.isPresent() && !p.get().reliability().equals("unknown") && (counted == null || p.get().factor() < counted.factor())) {
                counted = p.get();
            }
        }
        publisher.ifPresent(p -> reasons.add(describe("publisher", p)));
        original.filter(o -> publisher.isEmpty() || o != publisher.get()).ifPresent(p -> reasons.add(describe("original source", p)));
        if (counted == null) {
            reasons.add("no reliability profiled for " + (r.publisher() == null ? "the publisher" : r.publisher())
                    + (r.originalSource() == null ? "" : " or " + r.originalSource()) + ": unchanged");
        } else if (counted.factor() < 1) {
            c *= counted.factor();
            reasons.add(String.format(Locale.ROOT, "%s reliability %s: x%.2f -> %.2f", counted.name(), counted.reliability(), counted.factor(), c));
        } else {
            reasons.add(counted.name() + " reliability " + counted.reliability() + ": unchanged");
        }
        if (corroboration > 1) {
            c = 1 - (1 - c) * Math.pow(CORROBORATION_STEP, corroboration - 1);
            reasons.add(String.format(Locale.ROOT, "reported by %d other independent %s: -> %.2f", corroboration - 1,
                    corroboration == 2 ? "story" : "stories", c));
        } else {
            reasons.add("no other story reports it (copies of one story count once)");
        }
        c = Math.round(Math.min(1, Math.max(0, c)) * 100) / 100.0;
        return new Assessment(counted == null ? "unknown" : counted.reliability(), c, reasons);
    }

    private static String describe(String role, SourceProfile p) {
        StringBuilder sb = new StringBuilder(role).append(' ').append(p.name()).append(": reliability ").append(p.reliability());
        if (p.basis() != null) {
            sb.append(" (").append(p.basis()).append(')');
        }
        if (p.alignment() != null) {
            sb.append("; alignment: ").append(p.alignment());
        }
        return sb.toString();
    }
}
