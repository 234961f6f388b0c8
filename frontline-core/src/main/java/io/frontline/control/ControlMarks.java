package io.frontline.control;

import io.frontline.gazetteer.GeoPoint;
import io.frontline.gazetteer.Place;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control marks of Wikipedia's "Syrian Civil War detailed map" module as coalition keys: {@code gov} government,
 * {@code IS} islamic_state, {@code SDF} sdf, {@code opp} opposition, {@code JaN} hts, {@code Trk} turkey. A feature
 * suffix ({@code _hill}, {@code _base}, {@code _air} ...) is ignored; {@code stable_X_Y} is a shared hold of X and Y;
 * another pair {@code X_Y} ({@code SDF_IS}, {@code gov_opp}) is contested between them; border-crossing icons and
 * image names carry no control.
 */
public final class ControlMarks {
    /** The snapshot date of the map module's marks (consistent with about mid-July 2017; see the data's README). */
    public static final LocalDate SNAPSHOT = LocalDate.of(2017, 7, 15);

    private static final Map<String, String> SIDES = Map.of("gov", "government", "IS", "islamic_state", "SDF", "sdf",
            "opp", "opposition", "JaN", "hts", "Trk", "turkey");
    private static final List<String> FEATURES = List.of("_hill", "_base", "_air", "_heli", "_naval", "_oil", "_industry");

    private ControlMarks() {
    }

    /** What a mark says: the controller, the status ({@code held}, {@code shared}, {@code contested}) and the other sides. */
    public record Mark(String controller, String status, List<String> others) {
    }

    public static Optional<Mark> parse(String mark) {
        if (mark == null || mark.isBlank()) {
            return Optional.empty();
        }
        String m = mark.strip();
        for (String f : FEATURES) {
            if (m.endsWith(f)) {
                m = m.substring(0, m.length() - f.length());
                break;
            }
        }
        boolean stable = m.startsWith("stable_");
        if (stable) {
            m = m.substring("stable_".length());
        }
        String[] parts = m.split("_");
        List<String> sides = new ArrayList<>();
        for (String p : parts) {
            String s = SIDES.get(p);
            if (s == null) {
                return Optional.empty(); // pass_N, image names ...
            }
            sides.add(s);
        }
        if (sides.size() == 1) {
            return Optional.of(new Mark(sides.get(0), ControlState.HELD, List.of()));
        }
        return Optional.of(new Mark(sides.get(0), stable ? ControlState.SHARED : ControlState.CONTESTED, sides.subList(1, sides.size())));
    }

    /** One place of the seed state. */
    public record SeedPlace(String key, String name, GeoPoint point, String mark) {
    }

    /** The initial state: places with their marks, dated at the snapshot. */
    public record Seed(LocalDate date, List<SeedPlace> places) {
        public Seed {
            places = List.copyOf(places);
        }
    }

    /** The seed of gazetteer places carrying a control mark (the bundled gazetteer keeps each place's map mark). */
    public static Seed seed(Collection<Place> places, LocalDate date) {
        List<SeedPlace> out = new ArrayList<>();
        for (Place p : places) {
            if (parse(p.mark()).isPresent()) {
                out.add(new SeedPlace(p.id(), p.name(), p.point(), p.mark()));
            }
        }
        return new Seed(date, out);
    }
}
