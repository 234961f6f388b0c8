package io.frontline.events;

import java.util.List;
import java.util.Map;

/**
 * One coded event in ACLED's taxonomy, with evidence for the event and for each field.
 * Field names mirror the JSON contract; see the README.
 */
public record Event(
        String eventId,
        String eventDate,
        int timePrecision,
        String eventType,
        String subEventType,
        String actor1,
        String assocActor1,
        String actor2,
        String assocActor2,
        String side1,
        String side2,
        Integer inter1,
        Integer inter2,
        String location,
        String admin1,
        String admin2,
        Double latitude,
        Double longitude,
        int geoPrecision,
        int fatalities,
        String status,
        String attribution,
        String notes,
        Evidence evidence,
        double confidence,
        // added fields (the contract grows only by adding)
        String locationStatus,
        String placeId,
        String placeName,
        String modality,
        List<String> rejectedPlaces,
        List<LoadedTerm> loadedTerms,
        Map<String, Evidence> provenance) {
}
