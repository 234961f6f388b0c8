package io.frontline.eval;

/**
 * One hand-coded event of a gold file (ACLED-style columns): the report file it comes from, its date,
 * sub-event type, sides, place and fatalities. {@code sides} of an armed clash may be matched either way round.
 */
public record GoldEvent(String file, String eventDate, String subEventType, String side1, String side2, String location,
                        int fatalities, String evidence) {
}
