package io.frontline.control;

import io.frontline.gazetteer.GeoPoint;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Areas, fronts and pockets on a small grid of places. */
class ControlAreasTest {

    private static ControlState state(String controller, double lat, double lon) {
        return new ControlState("k" + lat + "," + lon, "p", lat, lon, controller, ControlState.HELD, null, LocalDate.of(2017, 1, 1),
                List.of(), List.of());
    }

    /** A 7 by 7 grid: government in the west, islamic_state in the east, one sdf place in the middle of the east. */
    private static List<ControlState> grid() {
        List<ControlState> out = new ArrayList<>();
        for (int x = 0; x < 7; x++) {
            for (int y = 0; y < 7; y++) {
                String c = x < 3 ? "government" : x == 5 && y == 3 ? "sdf" : "islamic_state";
                out.add(state(c, 33 + y * 0.5, 36 + x * 0.5));
            }
        }
        return out;
    }

    private static Geometry boundary(List<ControlState> states) {
        return ControlAreas.boundary(states.stream().map(s -> new GeoPoint(s.lat(), s.lon())).toList());
    }

    @Test
    void cellsOfOneControllerMergeIntoItsAreaWithinTheBoundary() {
        List<ControlState> states = grid();
        Geometry boundary = boundary(states);
        ControlAreas a = ControlAreas.of(states, boundary);
        assertThat(a.areas()).containsOnlyKeys("government", "islamic_state", "sdf");
        double total = a.areas().values().stream().mapToDouble(Geometry::getArea).sum();
        assertThat(total).isCloseTo(boundary.getArea(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(a.areas().get("government").getNumGeometries()).isEqualTo(1);
        // the government area covers its westernmost places and not the eastern ones
        assertThat(a.areas().get("government").covers(new org.locationtech.jts.geom.GeometryFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(36.0, 34.5)))).isTrue();
    }

    @Test
    void frontsRunWhereTwoControllersMeetAndAnEnclosedAreaIsAPocket() {
        ControlAreas a = ControlAreas.of(grid(), boundary(grid()));
        assertThat(a.fronts()).extracting(f -> f.a() + "/" + f.b())
                .containsExactlyInAnyOrder("government/islamic_state", "islamic_state/sdf");
        ControlAreas.Front west = a.fronts().stream().filter(f -> f.a().equals("government")).findFirst().orElseThrow();
        // the government/IS front runs north-south between the third and fourth columns (lon 37.0 and 37.5)
        assertThat(west.line().getEnvelopeInternal().getMinX()).isCloseTo(37.25, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(west.line().getEnvelopeInternal().getMaxX()).isCloseTo(37.25, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(a.pockets()).singleElement().satisfies(p -> {
            assertThat(p.controller()).isEqualTo("sdf");
            assertThat(p.enclosedBy()).isEqualTo("islamic_state");
        });
    }

    @Test
    void theBoundaryIgnoresPointsThatAreNoPosition() {
        List<GeoPoint> points = new ArrayList<>(grid().stream().map(s -> new GeoPoint(s.lat(), s.lon())).toList());
        double area = ControlAreas.boundary(points).getArea();
        points.add(new GeoPoint(36.74, 366514)); // a typo in the map module
        assertThat(ControlAreas.boundary(points).getArea()).isEqualTo(area);
        // a site outside the boundary makes no area
        List<ControlState> states = new ArrayList<>(grid());
        states.add(state("turkey", 36.74, 366514));
        assertThat(ControlAreas.of(states, ControlAreas.boundary(points)).areas()).doesNotContainKey("turkey");
    }

    @Test
    void placesWithoutAControllerOrPositionMakeNoArea() {
        List<ControlState> states = List.of(state(null, 33, 36), new ControlState("x", "x", null, null, "sdf", ControlState.HELD, null,
                LocalDate.of(2017, 1, 1), List.of(), List.of()));
        ControlAreas a = ControlAreas.of(states, boundary(grid()));
        assertThat(a.areas()).isEmpty();
        assertThat(a.fronts()).isEmpty();
    }
}
