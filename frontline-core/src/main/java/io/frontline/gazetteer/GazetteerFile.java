package io.frontline.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes gazetteer files. Two input formats are understood, told apart by their columns:
 * <ul>
 *   <li>Frontline's compact format (what {@code frontline gazetteer build} writes and the application ships):
 *   {@code id, name, names (|-separated), lat, lon, feature, admin1, mark, population, sources}, with a header
 *   line starting {@code id<TAB>name}; lines starting with {@code #} are comments.</li>
 *   <li>A GeoNames country file (19 tab-separated columns, no header), e.g. {@code IQ.txt}; admin1 codes are
 *   kept as written unless an admin1 table is given to {@link GazetteerBuilder}.</li>
 * </ul>
 */
public final class GazetteerFile {
    public static final String HEADER = "id\tname\tnames\tlat\tlon\tfeature\tadmin1\tmark\tpopulation\tsources";

    private GazetteerFile() {
    }

    /** Parses either format; {@code source} names the file in error messages. */
    public static List<Place> parse(List<String> lines, String source, Map<String, String> admin1Names) {
        List<Place> out = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("id\tname")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                if (f.length >= 19) {
                    out.add(GazetteerBuilder.fromGeoNames(f, admin1Names));
                } else if (f.length >= 10) {
                    out.add(compact(f));
                } else {
                    throw new IllegalArgumentException("expected 10 columns (Frontline) or 19 (GeoNames), found " + f.length);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + n + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Place compact(String[] f) {
        List<String> names = new ArrayList<>();
        names.add(f[1]);
        for (String s : f[2].split("\\|")) {
            if (!s.isBlank() && !names.contains(s)) {
                names.add(s);
            }
        }
        return new Place(f[0], f[1], names, new GeoPoint(Double.parseDouble(f[3]), Double.parseDouble(f[4])),
                f[5].isEmpty() ? "populated" : f[5], f[6].isEmpty() ? null : f[6], f[7],
                f[8].isEmpty() ? 0 : Long.parseLong(f[8]), Arrays.asList(f[9].split("\\|")));
    }

    /** One line of the compact format. */
    public static String format(Place p) {
        return String.join("\t", p.id(), clean(p.name()), String.join("|", p.names().stream().skip(1).map(GazetteerFile::clean).toList()),
                fmt(p.point().lat()), fmt(p.point().lon()), p.feature(), p.admin1() == null ? "" : p.admin1(),
                p.mark(), Long.toString(p.population()), String.join("|", p.sources()));
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('|', '/').replace('\n', ' ');
    }

    private static String fmt(double d) {
        String s = String.format(Locale.ROOT, "%.5f", d);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
