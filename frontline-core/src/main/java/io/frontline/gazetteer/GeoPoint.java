package io.frontline.gazetteer;

/** A WGS84 point. */
public record GeoPoint(double lat, double lon) {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    public double distanceKm(GeoPoint o) {
        return kmOf(haversine(o, Math.cos(Math.toRadians(o.lat))));
    }

    /**
     * The haversine of the angle between this point and {@code o}, given the cosine of o's latitude: the distance
     * ({@link #kmOf}) never decreases as it grows, so a search for the nearest point can compare these and skip the
     * arc sine of any point whose value is larger than the best one's.
     */
    double haversine(GeoPoint o, double cosOLat) {
        double dLat = Math.toRadians(o.lat - lat);
        double dLon = Math.toRadians(o.lon - lon);
        return Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * cosOLat * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    }

    /** Kilometres of the angle whose haversine is {@code a}. */
    static double kmOf(double a) {
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The point {@code km} away in the compass direction {@code bearingDeg} (0 = north, 90 = east). */
    public GeoPoint offset(double km, double bearingDeg) {
        double d = km / EARTH_RADIUS_KM;
        double b = Math.toRadians(bearingDeg);
        double la1 = Math.toRadians(lat);
        double lo1 = Math.toRadians(lon);
        double la2 = Math.asin(Math.sin(la1) * Math.cos(d) + Math.cos(la1) * Math.sin(d) * Math.cos(b));
        double lo2 = lo1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(la1), Math.cos(d) - Math.sin(la1) * Math.sin(la2));
        return new GeoPoint(round(Math.toDegrees(la2)), round(Math.toDegrees(lo2)));
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}
