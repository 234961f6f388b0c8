package io.frontline.cli;

import io.frontline.gazetteer.Candidate;
import io.frontline.gazetteer.GazetteerIndex;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.EventFilter;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The event filters of {@code events} and {@code export}; the API takes the same names as query parameters. */
public final class EventQueryOptions {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Events on or after this date.")
    String from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Events on or before this date.")
    String to;
    @Option(names = "--actor", paramLabel = "TEXT", description = "Actor name contains TEXT (actor1, actor2 or associated actors).")
    String actor;
    @Option(names = "--side", paramLabel = "KEY", description = "Either side is KEY (government, islamic_state, sdf, opposition, ...).")
    String side;
    @Option(names = "--type", paramLabel = "TYPE", description = "Event type or sub-event type, e.g. Battles or 'Armed clash'.")
    String type;
    @Option(names = "--place", paramLabel = "TEXT", description = "Location, place name or governorate contains TEXT.")
    String place;
    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Events inside this box.")
    String bbox;
    @Option(names = "--near", paramLabel = "PLACE", description = "Events within --radius-km of a gazetteer place (or lat,lon).")
    String near;
    @Option(names = "--radius-km", paramLabel = "KM", description = "Radius for --near (default 10).")
    String radiusKm;
    @Option(names = "--source", paramLabel = "TEXT", description = "Source (original source or publisher) contains TEXT.")
    String source;
    @Option(names = "--min-confidence", paramLabel = "0..1", description = "Events with at least this confidence.")
    String minConfidence;
    @Option(names = "--status", paramLabel = "STATUS", description = "Review status: unreviewed, confirmed, corrected, rejected.")
    String status;

    EventFilter filter() {
        Map<String, String> p = new HashMap<>();
        put(p, "from", from);
        put(p, "to", to);
        put(p, "actor", actor);
        put(p, "side", side);
        put(p, "type", type);
        put(p, "place", place);
        put(p, "bbox", bbox);
        put(p, "near", near);
        put(p, "radius_km", radiusKm);
        put(p, "source", source);
        put(p, "min_confidence", minConfidence);
        put(p, "status", status);
        return EventFilter.parse(p, placeLookup(List.of()));
    }

    private static void put(Map<String, String> p, String k, String v) {
        if (v != null) {
            p.put(k, v);
        }
    }

    /** Resolves a place name to {lat, lon} with the gazetteer's best candidate (loaded on first use). */
    public static Function<String, double[]> placeLookup(List<java.nio.file.Path> extra) {
        return new Function<>() {
            GazetteerIndex g;

            @Override
            public double[] apply(String name) {
                if (g == null) {
                    g = BundledKnowledge.gazetteer(extra);
                }
                List<Candidate> c = g.candidates(name);
                return c.isEmpty() ? null : new double[]{c.get(0).place().point().lat(), c.get(0).place().point().lon()};
            }
        };
    }
}
