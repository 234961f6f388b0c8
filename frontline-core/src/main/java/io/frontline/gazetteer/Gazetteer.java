package io.frontline.gazetteer;

import java.util.List;
import java.util.Optional;

/** Finds the places a name may refer to. Building an index is separate from querying it. */
public interface Gazetteer {

    /** Candidates for a name, best spelling match first; empty when nothing is close. */
    List<Candidate> candidates(String name);

    /** The same as {@link #candidates}, computed afresh, not from a cache of earlier lookups (for benchmarks). */
    default List<Candidate> candidatesUncached(String name) {
        return candidates(name);
    }

    /** True when the name matches some entry exactly at spelling or sound level (no fuzzy matching). */
    boolean knows(String name);

    /** The same as {@link #knows}, computed afresh, not from a cache of earlier lookups (for benchmarks). */
    default boolean knowsUncached(String name) {
        return knows(name);
    }

    Optional<Place> byId(String id);

    /** The entry nearest to a point among those accepted by the filter. */
    Optional<Place> nearest(GeoPoint point, java.util.function.Predicate<Place> filter);

    /** The governorate of the entry nearest to a point among those that name one; null when none does. */
    default String admin1Near(GeoPoint point) {
        return nearest(point, p -> p.admin1() != null).map(Place::admin1).orElse(null);
    }

    int size();
}
