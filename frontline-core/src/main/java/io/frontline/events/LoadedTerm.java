package io.frontline.events;

/** A loaded or partisan word found in an event's evidence ("liberated", "terrorists"), with a neutral wording. */
public record LoadedTerm(String term, int start, int end, String neutral) {
}
