package io.frontline.gazetteer;

/**
 * A gazetteer entry that may be meant by a name, with how well the spelling matches (0..1) and how
 * ({@code exact}, {@code spelling}, {@code phonetic}, {@code fuzzy}).
 */
public record Candidate(Place place, String matchedName, double score, String match) {
}
