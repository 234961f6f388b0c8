package io.frontline.ingest;

import io.frontline.text.Span;

/**
 * A stretch of the input that is not article text: page furniture (a donation appeal, a book advert, a
 * disclaimer ...) or metadata lines (byline, dateline, tags). {@code rule} names the rule that matched.
 */
public record Removed(Span span, String kind, String rule) {
}
