package io.frontline.store;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which events a query returns. Every field is optional (null: no constraint). Text filters are
 * case-insensitive substring matches except {@code side}, {@code type} and {@code status}, which are exact.
 */
public record EventFilter(LocalDate from, LocalDate to, String actor, String side, String type, String place,
                          double[] bbox, Near near, String source, Double minConfidence, String status) {

    /** Events within {@code radiusKm} of a point. */
    public record Near(String name, double lat, double lon, double radiusKm) {
    }

    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null, null, null, null, null, null);
    public static final Set<String> PARAMETERS = Set.of("from", "to", "actor", "side", "type", "place", "bbox", "near",
            "radius_km", "source", "min_confidence", "status");
    public static final Set<String> REVIEW_STATUSES = Set.of("unreviewed", "confirmed", "corrected", "rejected");

    /**
     * Parses filters from named string values (HTTP query parameters or command-line options; blank or null
     * values are ignored). {@code near} is a place name resolved by {@code places} (returning {lat, lon} or
     * null) or {@code lat,lon}. Throws {@link BadFilterException} naming the first bad parameter.
     */
    public static EventFilter parse(Map<String, String> p, Function<String, double[]> places) {
        LocalDate from = date(p, "from");
        LocalDate to = date(p, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadFilterException("to", "is before 'from' (" + from + ")");
        }
        String side = text(p, "side");
        String status = text(p, "status");
        if (status != null && !REVIEW_STATUSES.contains(status.toLowerCase(Locale.ROOT))) {
            throw new BadFilterException("status", "'" + status + "' is not one of " + REVIEW_STATUSES);
        }
        double[] bbox = null;
        String b = text(p, "bbox");
        if (b != null) {
            String[] parts = b.split(",");
            if (parts.length != 4) {
                throw new BadFilterException("bbox", "expected minLon,minLat,maxLon,maxLat, got '" + b + "'");
            }
            bbox = new double[4];
            for (int i = 0; i < 4; i++) {
                bbox[i] = number("bbox", parts[i].trim());
            }
            if (bbox[0] > bbox[2] || bbox[1] > bbox[3] || Math.abs(bbox[1]) > 90 || Math.abs(bbox[3]) > 90
                    || Math.abs(bbox[0]) > 180 || Math.abs(bbox[2]) > 180) {
                throw new BadFilterException("bbox", "expected minLon,minLat,maxLon,maxLat with min <= max within -180..180/-90..90, got '" + b + "'");
            }
        }
        Near near = null;
        String n = text(p, "near");
        String r = text(p, "radius_km");
        if (n != null) {
            double radius = r == null ? 10 : number("radius_km", r);
            if (!(radius > 0) || radius > 2000) {
                throw new BadFilterException("radius_km", "must be above 0 and at most 2000, got '" + r + "'");
            }
            double[] point = latLon(n);
            if (point == null) {
                point = places.apply(n);
            }
            if (point == null) {
                throw new BadFilterException("near", "no place in the gazetteer matches '" + n + "'");
            }
            near = new Near(n, point[0], point[1], radius);
        } else if (r != null) {
            throw new BadFilterException("radius_km", "needs 'near'");
        }
        Double minConf = null;
        String mc = text(p, "min_confidence");
        if (mc != null) {
            minConf = number("min_confidence", mc);
            if (minConf < 0 || minConf > 1) {
                throw new BadFilterException("min_confidence", "must be between 0 and 1, got '" + mc + "'");
            }
        }
        return new EventFilter(from, to, text(p, "actor"), side == null ? null : side.toLowerCase(Locale.ROOT), text(p, "type"),
                text(p, "place"), bbox, near, text(p, "source"), minConf, status == null ? null : status.toLowerCase(Locale.ROOT));
    }

    private static double[] latLon(String s) {
        String[] parts = s.split(",");
        if (parts.length != 2) {
            return null;
        }
        try {
            double lat = Double.parseDouble(parts[0].trim());
            double lon = Double.parseDouble(parts[1].trim());
            return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? new double[]{lat, lon} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Map<String, String> p, String name) {
        String v = p.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static LocalDate date(Map<String, String> p, String name) {
        String v = text(p, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadFilterException(name, "expected a date YYYY-MM-DD, got '" + v + "'");
        }
    }

    private static double number(String name, String v) {
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadFilterException(name, "expected a number, got '" + v + "'");
        }
    }
}
