package io.frontline.control;

import java.util.Locale;

/** What an event does to the control of its place. See {@link ControlRules}. */
public enum Effect {
    /** The map snapshot's mark: the place's controller at the snapshot date. */
    SEED,
    /** A capture or a transfer: the acting side (side1) controls the place from the event date. */
    FLIP,
    /** Fighting at the place (entered, clashes, ground attacks, an attempted capture): contested, not flipped. */
    CONTEST,
    /** A repelled attack or a failed capture: control unchanged. */
    REPELLED,
    /** A capture claimed only by a single low-reliability source: uncertain, not flipped. */
    CLAIM,
    /** No bearing on control (remote violence, protests, agreements, undated or region-wide events). */
    NONE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
