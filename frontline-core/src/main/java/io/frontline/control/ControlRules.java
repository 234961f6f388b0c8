package io.frontline.control;

import io.frontline.events.Event;

import java.util.Set;

/**
 * What an event does to the control of its place:
 * <ul>
 *   <li>"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory":
 *   {@link Effect#FLIP} to side1 from the event date; {@link Effect#CONTEST} when the capture is reported as an
 *   attempt or the acting side is unknown; {@link Effect#REPELLED} when it failed; {@link Effect#CLAIM} when it is a
 *   weak claim (below).</li>
 *   <li>"Armed clash" (entered, advanced into, attacked, clashed at): {@link Effect#CONTEST}; a repelled attack
 *   (trigger class {@code repel}) or a failed one: {@link Effect#REPELLED}.</li>
 *   <li>Everything else (air strikes, shelling, bombings, attacks on civilians, protests, agreements), undated
 *   events and events placed only in a region (geo-precision 3): {@link Effect#NONE}.</li>
 * </ul>
 * A <b>weak claim</b> is a capture whose only support is one story ({@code corroboration} 1) and either a source
 * rated {@code low} in reliability, or an attribution ("per SOHR", "reportedly") with a confidence under
 * {@value #WEAK_CONFIDENCE}: it makes the place uncertain instead of flipping it.
 */
public final class ControlRules {
    public static final double WEAK_CONFIDENCE = 0.5;
    public static final String REGAINS = "Government regains territory";
    public static final String OVERTAKES = "Non-state actor overtakes territory";
    public static final String TRANSFER = "Non-violent transfer of territory";
    public static final String CLASH = "Armed clash";
    /** Sides that cannot hold a place. */
    private static final Set<String> NOT_HOLDERS = Set.of("", "unknown", "civilians");

    private ControlRules() {
    }

    /** The effect of an observation, with the reason in words. */
    public record Decision(Effect effect, String reason) {
    }

    public static Decision decide(Observation o) {
        Event e = o.event();
        if (e.eventDate() == null) {
            return new Decision(Effect.NONE, "undated");
        }
        if ("region".equals(e.locationStatus())) {
            return new Decision(Effect.NONE, "placed only in a region");
        }
        if (e.provenance() != null && e.provenance().containsKey("target")) {
            return new Decision(Effect.NONE, "unnamed places near it changed hands, not the place itself");
        }
        String type = e.subEventType() == null ? "" : e.subEventType();
        String modality = e.modality() == null ? "fact" : e.modality();
        boolean territory = type.equals(REGAINS) || type.equals(OVERTAKES) || type.equals(TRANSFER);
        if (territory) {
            if (modality.equals("failed")) {
                return new Decision(Effect.REPELLED, "the capture failed: control unchanged");
            }
            if (modality.equals("attempted")) {
                return new Decision(Effect.CONTEST, "an attempted capture: contested");
            }
            if (!canHold(e.side1())) {
                return new Decision(Effect.CONTEST, "captured by an unidentified side: contested");
            }
            if (weak(o)) {
                return new Decision(Effect.CLAIM, "a capture claimed by a single " + weakness(o) + ": uncertain, not flipped");
            }
            return new Decision(Effect.FLIP, type.equals(TRANSFER) ? "a transfer: side1 holds it" : "a capture: side1 holds it");
        }
        if (type.equals(CLASH)) {
            String rule = e.evidence() == null || e.evidence().rule() == null ? "" : e.evidence().rule();
            if (rule.contains("class:repel") || modality.equals("failed")) {
                return new Decision(Effect.REPELLED, "a repelled attack: control unchanged");
            }
            return new Decision(Effect.CONTEST, "fighting at the place: contested");
        }
        return new Decision(Effect.NONE, "no bearing on control");
    }

    /** True for a side that can hold a place (not unknown, not civilians). */
    public static boolean canHold(String side) {
        return side != null && !NOT_HOLDERS.contains(side);
    }

    static boolean weak(Observation o) {
        if (o.corroboration() > 1) {
            return false;
        }
        return "low".equals(o.sourceReliability()) || o.event().attribution() != null && o.confidence() < WEAK_CONFIDENCE;
    }

    private static String weakness(Observation o) {
        return "low".equals(o.sourceReliability()) ? "source of low reliability" : "attributed source (" + o.event().attribution()
                + ", confidence " + o.confidence() + ")";
    }
}
