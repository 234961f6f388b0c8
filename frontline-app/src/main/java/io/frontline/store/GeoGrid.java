package io.frontline.store;

/**
 * The grid of {@code events.geo_cell} (migration V4): cells of 0.25 degree, numbered row-major,
 * {@code floor((lat + 90) * 4) * 1441 + floor((lon + 180) * 4)}. The numbering is monotone in both coordinates, so the
 * cells of every point inside a box lie between the cells of its corners, points on cell boundaries included.
 */
final class GeoGrid {
    static final int PER_DEGREE = 4;
    static final int COLUMNS = 360 * PER_DEGREE + 1;
    /** Above this many cells a box is searched as one range of cells (whole rows) instead of a list. */
    static final int MAX_LIST = 256;

    private GeoGrid() {
    }

    static int row(double lat) {
        return (int) Math.floor((lat + 90) * PER_DEGREE);
    }

    static int column(double lon) {
        return (int) Math.floor((lon + 180) * PER_DEGREE);
    }

    /** The cell of a point, null outside -90..90 / -180..180 (as the migration's SQL). */
    static Integer cell(Object lat, Object lon) {
        if (!(lat instanceof Number la) || !(lon instanceof Number lo)) {
            return null;
        }
        double a = la.doubleValue();
        double o = lo.doubleValue();
        if (!(a >= -90 && a <= 90 && o >= -180 && o <= 180)) {
            return null;
        }
        return row(a) * COLUMNS + column(o);
    }

    /** The cells of a box: {@code list} when at most {@link #MAX_LIST} cells, else null and the range first..last. */
    record Cover(int[] list, int first, int last) {
    }

    /** The cells that may hold a point of the box (clamped to the globe). */
    static Cover cover(double minLat, double maxLat, double minLon, double maxLon) {
        int r0 = row(Math.max(-90, minLat));
        int r1 = row(Math.min(90, maxLat));
        int c0 = column(Math.max(-180, minLon));
        int c1 = column(Math.min(180, maxLon));
        int first = r0 * COLUMNS + c0;
        int last = r1 * COLUMNS + c1;
        long n = (long) (r1 - r0 + 1) * (c1 - c0 + 1);
        if (n > MAX_LIST) {
            return new Cover(null, first, last);
        }
        int[] list = new int[(int) n];
        int k = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                list[k++] = r * COLUMNS + c;
            }
        }
        return new Cover(list, first, last);
    }
}
