package io.frontline.control;

import io.frontline.gazetteer.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Control areas from control points. Each located place with a known controller is a site of a Voronoi tessellation
 * (in longitude/latitude degrees, planar: at Syria's scale the distortion is small for a sketch map); each cell is
 * clipped to the boundary and the cells of one controller are merged into its area. A front is the line where the
 * areas of two controllers meet; a pocket is a part of one controller's area that fills a hole in another single
 * controller's area (fully enclosed by it). Places sharing a position with another site count once (the first).
 *
 * @param areas   one (multi)polygon per controller, by controller key
 * @param fronts  the shared boundaries of pairs of controllers
 * @param pockets the enclosed parts
 */
public record ControlAreas(Map<String, Geometry> areas, List<Front> fronts, List<Pocket> pockets) {
    /** Degrees added around the hull of the places for {@link #boundary(Collection)} (about 10 km). */
    public static final double BOUNDARY_BUFFER_DEG = 0.1;
    private static final double EPS = 1e-7;
    private static final GeometryFactory GF = new GeometryFactory();

    /** Where the areas of two controllers meet, {@code a} before {@code b} alphabetically. */
    public record Front(String a, String b, Geometry line) {
    }

    /** A part of {@code controller}'s area enclosed by {@code enclosedBy}'s area. */
    public record Pocket(String controller, String enclosedBy, Geometry area) {
    }

    /**
     * A rough country boundary: the convex hull of the given points (all gazetteer places) buffered by
     * {@value #BOUNDARY_BUFFER_DEG} degrees. No boundary file is available offline; this overreaches where the
     * border is concave and where no place lies near it. Points that are no WGS84 position (a typo of the map module
     * puts one village at longitude 366514) are left out.
     */
    public static Geometry boundary(Collection<GeoPoint> points) {
        Coordinate[] cs = points.stream().filter(p -> Math.abs(p.lat()) <= 90 && Math.abs(p.lon()) <= 180)
                .map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new);
        return GF.createMultiPointFromCoords(cs).convexHull().buffer(BOUNDARY_BUFFER_DEG, 4);
    }

    /** The areas, fronts and pockets of the located states with a known controller, clipped to the boundary. */
    public static ControlAreas of(List<ControlState> states, Geometry boundary) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(boundary);
        Map<Coordinate, String> site = new HashMap<>();
        for (ControlState s : states) {
            if (s.located() && s.controller() != null) {
                Coordinate c = new Coordinate(s.lon(), s.lat());
                if (inside.covers(GF.createPoint(c))) {
                    site.putIfAbsent(c, s.controller());
                }
            }
        }
        Map<String, List<Geometry>> cells = new TreeMap<>();
        if (site.size() == 1) {
            cells.put(site.values().iterator().next(), List.of(boundary));
        } else if (site.size() > 1) {
            VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
            vb.setSites(site.keySet());
            vb.setClipEnvelope(boundary.getEnvelopeInternal());
            Geometry diagram = vb.getDiagram(GF);
            for (int i = 0; i < diagram.getNumGeometries(); i++) {
                Geometry cell = diagram.getGeometryN(i);
                String controller = site.get((Coordinate) cell.getUserData());
                if (controller == null) {
                    continue;
                }
                Geometry clipped = inside.containsProperly(cell) ? cell : cell.intersection(boundary);
                if (!clipped.isEmpty()) {
                    cells.computeIfAbsent(controller, k -> new ArrayList<>()).add(clipped);
                }
            }
        }
        Map<String, Geometry> areas = new TreeMap<>();
        cells.forEach((k, v) -> areas.put(k, CascadedPolygonUnion.union(v)));
        return new ControlAreas(areas, fronts(cells), pockets(areas));
    }

    /** A cell edge, its ends in a fixed order: the cells of one diagram share their edges exactly. */
    private record Edge(double x1, double y1, double x2, double y2) {
        static Edge of(Coordinate a, Coordinate b) {
            boolean ordered = a.x < b.x || a.x == b.x && a.y <= b.y;
            return ordered ? new Edge(a.x, a.y, b.x, b.y) : new Edge(b.x, b.y, a.x, a.y);
        }
    }

    /** The edges shared by cells of two different controllers, merged into lines per pair of controllers. */
    private static List<Front> fronts(Map<String, List<Geometry>> cells) {
        Map<Edge, String> owner = new HashMap<>();
        Map<String, LineMerger> pairs = new TreeMap<>();
        cells.forEach((controller, list) -> {
            for (Geometry cell : list) {
                for (int i = 0; i < cell.getNumGeometries(); i++) {
                    if (!(cell.getGeometryN(i) instanceof Polygon p)) {
                        continue;
                    }
                    Coordinate[] cs = p.getExteriorRing().getCoordinates();
                    for (int k = 0; k + 1 < cs.length; k++) {
                        Edge e = Edge.of(cs[k], cs[k + 1]);
                        String other = owner.putIfAbsent(e, controller);
                        if (other != null && !other.equals(controller)) {
                            String pair = other.compareTo(controller) < 0 ? other + "\t" + controller : controller + "\t" + other;
                            pairs.computeIfAbsent(pair, x -> new LineMerger()).add(GF.createLineString(new Coordinate[]{cs[k], cs[k + 1]}));
                        }
                    }
                }
            }
        });
        List<Front> out = new ArrayList<>();
        pairs.forEach((pair, merger) -> {
            String[] ab = pair.split("\t");
            @SuppressWarnings("unchecked")
            Collection<LineString> merged = merger.getMergedLineStrings();
            out.add(new Front(ab[0], ab[1], GF.createMultiLineString(merged.toArray(LineString[]::new))));
        });
        return out;
    }

    private static List<Pocket> pockets(Map<String, Geometry> areas) {
        List<Pocket> out = new ArrayList<>();
        for (var outer : areas.entrySet()) {
            Geometry g = outer.getValue();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (!(g.getGeometryN(i) instanceof Polygon p)) {
                    continue;
                }
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    Polygon hole = GF.createPolygon(p.getInteriorRingN(h).getCoordinates());
                    String inside = null;
                    boolean single = true;
                    for (var other : areas.entrySet()) {
                        if (other.getKey().equals(outer.getKey())) {
                            continue;
                        }
                        Geometry part = other.getValue().intersection(hole);
                        if (part.getArea() > EPS) {
                            single &= inside == null;
                            inside = other.getKey();
                        }
                    }
                    if (inside != null && single) {
                        out.add(new Pocket(inside, outer.getKey(), hole));
                    }
                }
            }
        }
        return out;
    }
}
