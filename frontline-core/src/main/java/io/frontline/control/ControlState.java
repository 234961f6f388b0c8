package io.frontline.control;

import java.time.LocalDate;
import java.util.List;

/**
 * Who holds a place from a date on, and on what evidence.
 *
 * @param placeKey   the gazetteer place id, else {@code name:} and the place's normalised name key
 * @param name       the place's name
 * @param lat        latitude, null when the place could not be located
 * @param lon        longitude, null when the place could not be located
 * @param controller the coalition key of the side holding the place ({@code government}, {@code islamic_state},
 *                   {@code sdf}, {@code opposition}, {@code hts}, {@code turkey} ...), null when no evidence names one
 * @param status     {@code held}, {@code contested} (fighting since {@code from}; the controller is the last holder),
 *                   {@code uncertain} (a weak claim that {@code claimant} took it) or {@code shared} (the map's
 *                   stable shared hold of {@code controller} and {@code others})
 * @param since      the date the controller took the place (or the snapshot date), null when unknown
 * @param from       the date this state begins
 * @param others     the other sides: those fighting for a contested place, the claimant of an uncertain one, the
 *                   partners of a shared hold
 * @param evidence   the events behind this state, oldest first: what set the controller, then what contested or
 *                   questioned it
 */
public record ControlState(String placeKey, String name, Double lat, Double lon, String controller, String status,
                           LocalDate since, LocalDate from, List<String> others, List<ControlEvidence> evidence) {
    public static final String HELD = "held";
    public static final String CONTESTED = "contested";
    public static final String UNCERTAIN = "uncertain";
    public static final String SHARED = "shared";

    public ControlState {
        others = List.copyOf(others);
        evidence = List.copyOf(evidence);
    }

    public boolean located() {
        return lat != null && lon != null;
    }
}
