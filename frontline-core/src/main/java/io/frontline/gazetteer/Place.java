package io.frontline.gazetteer;

import java.util.List;

/**
 * A gazetteer entry.
 *
 * @param id         stable id with its source prefix ({@code wm:} Wikipedia map module row, {@code gn:} GeoNames id)
 * @param name       the preferred display name
 * @param names      every known spelling, the preferred one first
 * @param feature    what the place is: {@code populated}, {@code city}, {@code hill}, {@code base}, {@code airbase},
 *                   {@code oilfield}, {@code industry}, {@code crossing} ...
 * @param admin1     governorate name, or null when unknown
 * @param mark       the control mark of the source snapshot ({@code gov}, {@code IS}, {@code SDF} ...), or empty
 * @param population GeoNames population, 0 when unknown
 * @param sources    where the entry comes from, e.g. {@code wikipedia-map}, {@code geonames}
 */
public record Place(String id, String name, List<String> names, GeoPoint point, String feature, String admin1,
                    String mark, long population, List<String> sources) {
    public Place {
        names = List.copyOf(names);
        sources = List.copyOf(sources);
    }

    /** Cities and towns: places a report may use as an anchor ("countryside of X"). */
    public boolean isSettlement() {
        return feature.equals("populated") || feature.equals("city");
    }
}
