package io.frontline.extract;

/**
 * Whether a trigger reports something that happened. Only {@link #FACT}, {@link #ATTEMPTED} and
 * {@link #FAILED} become events (an attempt is fighting even when it fails); {@link #PREDICTED} becomes a
 * claim with status {@code predicted}; {@link #INTENDED} and {@link #NEGATED} produce nothing.
 */
public enum Modality {
    FACT, PREDICTED, INTENDED, NEGATED, ATTEMPTED, FAILED;

    public boolean happened() {
        return this == FACT || this == ATTEMPTED || this == FAILED;
    }
}
