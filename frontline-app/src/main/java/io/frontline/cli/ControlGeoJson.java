package io.frontline.cli;

import io.frontline.control.ControlAreas;
import io.frontline.control.ControlState;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Control on a date as a GeoJSON FeatureCollection: control areas ({@code kind} {@code area}), front lines
 * ({@code front}), pockets ({@code pocket}) and the places themselves ({@code place}), each with {@code controller}
 * and {@code as_of}.
 */
public final class ControlGeoJson {
    private ControlGeoJson() {
    }

    public static Map<String, Object> of(List<ControlState> states, ControlAreas areas, LocalDate date) {
        String asOf = date.toString();
        List<Object> features = new ArrayList<>();
        areas.areas().forEach((controller, g) -> features.add(feature(geometry(g), props(controller, "area", asOf))));
        for (ControlAreas.Front f : areas.fronts()) {
            Map<String, Object> p = props(f.a(), "front", asOf);
            p.put("facing", f.b());
            features.add(feature(geometry(f.line()), p));
        }
        for (ControlAreas.Pocket pk : areas.pockets()) {
            Map<String, Object> p = props(pk.controller(), "pocket", asOf);
            p.put("enclosed_by", pk.enclosedBy());
            features.add(feature(geometry(pk.area()), p));
        }
        for (ControlState s : states) {
            if (!s.located()) {
                continue;
            }
            Map<String, Object> p = props(s.controller(), "place", asOf);
            Map<String, Object> st = ControlCommand.state(s);
            st.remove("lat");
            st.remove("lon");
            st.remove("controller");
            p.putAll(st);
            features.add(feature(Map.of("type", "Point", "coordinates", List.of(s.lon(), s.lat())), p));
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("as_of", asOf);
        fc.put("features", features);
        return fc;
    }

    private static Map<String, Object> props(String controller, String kind, String asOf) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("controller", controller);
        p.put("kind", kind);
        p.put("as_of", asOf);
        return p;
    }

    private static Map<String, Object> feature(Object geometry, Map<String, Object> props) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", props);
        return f;
    }

    /** A JTS (multi)polygon or (multi)line as a GeoJSON geometry, coordinates rounded to 5 decimals (about 1 m). */
    static Map<String, Object> geometry(Geometry g) {
        List<Object> polys = new ArrayList<>();
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                List<Object> rings = new ArrayList<>();
                rings.add(ring(p.getExteriorRing().getCoordinates()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    rings.add(ring(p.getInteriorRingN(h).getCoordinates()));
                }
                polys.add(rings);
            } else if (part instanceof LineString l) {
                lines.add(ring(l.getCoordinates()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (!polys.isEmpty()) {
            out.put("type", "MultiPolygon");
            out.put("coordinates", polys);
        } else {
            out.put("type", "MultiLineString");
            out.put("coordinates", lines);
        }
        return out;
    }

    private static List<Object> ring(Coordinate[] cs) {
        List<Object> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            out.add(List.of(round(c.x), round(c.y)));
        }
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 1e5) / 1e5;
    }
}
