package io.frontline.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The states of one place, oldest first; each holds from its {@code from} date until the next begins. */
public record PlaceTimeline(String placeKey, String name, Double lat, Double lon, List<ControlState> states) {
    public PlaceTimeline {
        states = List.copyOf(states);
    }

    /** The state on a date: the last one beginning on or before it; empty before the first. */
    public Optional<ControlState> on(LocalDate date) {
        int lo = 0;
        int hi = states.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!states.get(mid).from().isAfter(date)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(states.get(found));
    }
}
