package io.frontline.control;

/**
 * Why a place's state is what it is: one event (or the map snapshot) and what it did.
 *
 * @param eventId   the event's id, or {@code map:<place id>} for the snapshot
 * @param date      the event date (ISO)
 * @param effect    what it did to control
 * @param side1     the acting side
 * @param side2     the other side, empty when none
 * @param subEventType ACLED's sub-event type, or {@code Map snapshot}
 * @param text      the evidence sentence (or the snapshot's mark)
 * @param attribution who the report attributes it to, or null
 * @param confidence the weight it carried
 * @param reason    the rule that decided the effect, in words
 */
public record ControlEvidence(String eventId, String date, Effect effect, String side1, String side2, String subEventType,
                              String text, String attribution, double confidence, String reason) {
}
