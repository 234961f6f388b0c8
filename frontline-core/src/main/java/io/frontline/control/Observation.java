package io.frontline.control;

import io.frontline.events.Event;

/**
 * One coded event as the control model sees it: the event, how well its source is rated and how many independent
 * stories report it (from {@code io.frontline.stories}; {@code unknown} and 1 where not assessed), the confidence to
 * weigh it by (the assessed confidence where known, else the extraction confidence) and its position in the input
 * (later reports of the same day override earlier ones).
 *
 * @param sourceReliability {@code high}, {@code mixed}, {@code low} or {@code unknown}
 * @param corroboration     independent stories reporting the event, 1 = only its own
 */
public record Observation(Event event, String sourceReliability, int corroboration, double confidence, int order) {

    /** An event without a source assessment: reliability unknown, one story, its extraction confidence. */
    public static Observation of(Event e, int order) {
        return new Observation(e, "unknown", 1, e.confidence(), order);
    }
}
