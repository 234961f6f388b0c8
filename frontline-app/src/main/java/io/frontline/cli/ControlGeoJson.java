package io.frontline.cli;

import io.frontline.control.ControlState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Control on a date as a GeoJSON FeatureCollection: a point per located place. */
final class ControlGeoJson {
    private ControlGeoJson() {
    }

    static Map<String, Object> of(List<ControlState> states, LocalDate date) {
        List<Object> features = new ArrayList<>();
        for (ControlState s : states) {
            if (!s.located()) {
                continue;
            }
            Map<String, Object> props = ControlCommand.state(s);
            props.remove("lat");
            props.remove("lon");
            props.put("kind", "place");
            props.put("as_of", date.toString());
            features.add(feature(Map.of("type", "Point", "coordinates", List.of(s.lon(), s.lat())), props));
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("as_of", date.toString());
        fc.put("features", features);
        return fc;
    }

    static Map<String, Object> feature(Object geometry, Map<String, Object> props) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", props);
        return f;
    }
}
