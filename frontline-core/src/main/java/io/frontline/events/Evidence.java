package io.frontline.events;

/**
 * Where a fact comes from: offsets in Unicode code points into the input file ({@code in} = {@code file}) or, for pages, feed items and JSON lines, into the report body ({@code in} = {@code body}),
 * {@code end} exclusive; the exact text; the rule or lexicon entry that produced it; and a confidence.
 */
public record Evidence(int start, int end, String text, String rule, String in, Double confidence) {
}
