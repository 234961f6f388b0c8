package io.frontline.control;

import io.frontline.events.Event;
import io.frontline.events.Evidence;

import java.util.List;
import java.util.Map;

/** Small coded events for the control tests. */
final class Events {
    private Events() {
    }

    static Event event(String id, String date, String type, String side1, String side2, String place) {
        return event(id, date, type, side1, side2, place, "fact", null, 0.9, "trigger:t class:take");
    }

    static Event event(String id, String date, String type, String side1, String side2, String place, String modality,
                       String attribution, double confidence, String rule) {
        return event(id, date, 1, type, side1, side2, place, modality, attribution, confidence, rule);
    }

    static Event event(String id, String date, int timePrecision, String type, String side1, String side2, String place, String modality,
                       String attribution, double confidence, String rule) {
        return new Event(id, date, timePrecision, "Battles", type, side1, "", side2, "", side1, side2, 1, 2, place, null, null,
                34.55, 38.27, 1, 0, "reported", attribution, "", new Evidence(0, 10, "text of " + id, rule, "file", confidence),
                confidence, "resolved", "wm:" + place.toLowerCase(), place, modality, List.of(), List.of(), Map.of());
    }

    static List<Observation> observations(Event... events) {
        List<Observation> out = new java.util.ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            out.add(Observation.of(events[i], i));
        }
        return out;
    }
}
