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

    /**
     * Whether the store may list {@code e} under this filter: true for every event its query returns (the same tests,
     * texts compared ignoring case, and true whenever a text is not plain ASCII, where the database's lower case may
     * differ from Java's), so that an answer for this filter stays valid after a write of events it rejects.
     */
    public boolean mayMatch(StoredEvent e) {
        Map<String, Object> c = e.contract();
        if (from != null || to != null) {
            Object d = c.get("event_date");
            if (d == null) {
                return false;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(d.toString());
            } catch (DateTimeParseException x) {
                return true;
            }
            if (from != null && date.isBefore(from) || to != null && date.isAfter(to)) {
                return false;
            }
        }
        if (side != null && !equal(c.get("side1"), side) && !equal(c.get("side2"), side)) {
            return false;
        }
        if (type != null && !equal(c.get("event_type"), type) && !equal(c.get("sub_event_type"), type)) {
            return false;
        }
        if (actor != null && !contains(actor, c.get("actor1"), c.get("actor2"), c.get("assoc_actor_1"), c.get("assoc_actor_2"))) {
            return false;
        }
        if (place != null && !contains(place, c.get("location"), c.get("place_name"), c.get("admin1"), c.get("admin2"))) {
            return false;
        }
        if (source != null && !contains(source, e.source())) {
            return false;
        }
        if (status != null && !equal(e.reviewStatus(), status)) {
            return false;
        }
        if (minConfidence != null && !(c.get("confidence") instanceof Number n && n.doubleValue() >= minConfidence)) {
            return false;
        }
        if (bbox != null || near != null) {
            if (!(c.get("latitude") instanceof Number la) || !(c.get("longitude") instanceof Number lo)) {
                return false;
            }
            double lat = la.doubleValue();
            double lon = lo.doubleValue();
            if (bbox != null && (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3])) {
                return false;
            }
            if (near != null) {
                // the store's test on a local equirectangular projection, with a margin of a hundredth of the radius
                double k = Math.cos(Math.toRadians(near.lat()));
                double dLat = near.radiusKm() * 1.01 / 111.195;
                double dy = lat - near.lat();
                double dx = (lon - near.lon()) * k;
                if (dy * dy + dx * dx > dLat * dLat) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean equal(Object stored, String wanted) {
        return stored != null && (!ascii(stored.toString()) || !ascii(wanted) || stored.toString().equalsIgnoreCase(wanted));
    }

    private static boolean contains(String wanted, Object... stored) {
        for (Object o : stored) {
            if (o != null && (!ascii(o.toString()) || !ascii(wanted)
                    || o.toString().toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
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
