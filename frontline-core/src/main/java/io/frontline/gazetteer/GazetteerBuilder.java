package io.frontline.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the shipped gazetteer from its sources: the places of Wikipedia's Syrian Civil War detailed map
 * module (with their control marks) and GeoNames populated places. Entries of both sources with the same
 * name within {@value #MERGE_KM} km are merged into one place; map places get the governorate of the
 * nearest GeoNames place (GeoNames carries admin1 codes, the map module does not).
 */
public final class GazetteerBuilder {
    static final double MERGE_KM = 6.0;
    private static final Pattern PAREN = Pattern.compile("^(.*?)\\s*\\(([^)]*)\\)\\s*$");
    private static final Pattern GENERIC_TAIL = Pattern.compile("(?i)^(.{3,}?)\\s+(farms|village|town|city|camp)$");
    private static final Pattern EVENT_ARTICLE = Pattern.compile("(?i)\\b(battle|offensive|siege|campaign|clashes|operation|massacre|bombing|attack|war|during)\\b");
    private static final Pattern IMAGE_MARK = Pattern.compile("(?i).*\\.(svg|png|jpg)$");

    private GazetteerBuilder() {
    }

    /** Admin1 table: lines {@code SY.04<TAB>Raqqa}; keys are the code after the dot ("04"). */
    public static Map<String, String> admin1(List<String> lines) {
        Map<String, String> out = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length >= 2 && !f[0].equals("code") && !line.startsWith("#")) {
                String code = f[0].contains(".") ? f[0].substring(f[0].indexOf('.') + 1) : f[0];
                out.put(code, f[1].strip());
            }
        }
        return out;
    }

    /** One GeoNames row (19 columns) as a place. */
    static Place fromGeoNames(String[] f, Map<String, String> admin1Names) {
        Set<String> names = new LinkedHashSet<>();
        names.add(f[1]);
        names.add(f[2]);
        for (String alt : f[3].split(",")) {
            String a = alt.strip();
            // keep Latin and Arabic script names; drop codes ("DEZ"), romanisation keys ("alrqt") and other scripts
            if (!a.isEmpty() && !(a.length() <= 4 && a.equals(a.toUpperCase(Locale.ROOT)))
                    && !a.matches("[a-z ]+")
                    && a.codePoints().allMatch(c -> c < 0x0250 || (c >= 0x0600 && c <= 0x06FF) || c == ' ' || Character.getType(c) == Character.NON_SPACING_MARK || c >= 0x1E00 && c <= 0x1EFF || c == 0x2018 || c == 0x2019 || c == 0x02BF || c == 0x02BE)) {
                names.add(a);
            }
        }
        String code = f[7];
        String feature = code.startsWith("PPLC") || code.startsWith("PPLA") && !code.equals("PPLA3") && !code.equals("PPLA4")
                ? "city" : "populated";
        String admin1 = f[10].isEmpty() ? null : admin1Names.getOrDefault(f[10], f[10]);
        long pop = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
        return new Place("gn:" + f[0], f[2].isEmpty() ? f[1] : f[2], new ArrayList<>(names),
                new GeoPoint(Double.parseDouble(f[4]), Double.parseDouble(f[5])), feature, admin1, "", pop, List.of("geonames"));
    }

    /**
     * Builds the gazetteer.
     *
     * @param markRows  rows of {@code syria-map-marks.tsv} (lat, lon, mark, label, link, link_field), header included
     * @param geoNames  rows of a GeoNames file
     * @param admin1    the admin1 table
     */
    public static List<Place> build(List<String> markRows, List<String> geoNames, Map<String, String> admin1) {
        List<Place> gn = new ArrayList<>();
        for (String line : geoNames) {
            if (!line.isBlank() && !line.startsWith("#")) {
                gn.add(fromGeoNames(line.split("\t", -1), admin1));
            }
        }
        List<Place> out = new ArrayList<>();
        Map<String, Place> mergedInto = new HashMap<>();
        int row = 0;
        for (String line : markRows) {
            row++;
            String[] f = line.split("\t", -1);
            if (row == 1 && f[0].equals("lat") || f.length < 4 || line.isBlank()) {
                continue;
            }
            Place p = fromMark(row, f);
            if (p == null) {
                continue;
            }
            Place nearest = nearest(gn, p.point());
            String adm = nearest == null ? null : nearest.admin1();
            Place twin = sameNameNear(gn, p);
            if (twin != null) {
                // one place known to both sources: GeoNames' coordinates and names, the map's control mark
                Set<String> names = new LinkedHashSet<>(p.names());
                names.addAll(twin.names());
                Place merged = new Place(p.id(), p.name(), new ArrayList<>(names), twin.point(),
                        twin.feature().equals("city") ? "city" : p.feature(), twin.admin1(), p.mark(), twin.population(),
                        List.of("wikipedia-map", "geonames:" + twin.id().substring(3)));
                mergedInto.put(twin.id(), merged);
                out.add(merged);
            } else {
                out.add(new Place(p.id(), p.name(), p.names(), p.point(), p.feature(), adm, p.mark(), 0, p.sources()));
            }
        }
        for (Place g : gn) {
            if (!mergedInto.containsKey(g.id())) {
                out.add(g);
            }
        }
        out.sort(Comparator.comparing(Place::id));
        return out;
    }

    private static Place fromMark(int row, String[] f) {
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(f[0].strip());
            lon = Double.parseDouble(f[1].strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return null; // a typo in the source (Kharab Suluq's longitude 366514): no place is better than a wrong one
        }
        String mark = f[2].strip();
        String label = f[3].strip();
        if (label.isEmpty()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : label.split("/")) {
            Matcher m = PAREN.matcher(part.strip());
            if (m.matches()) {
                names.add(m.group(1).strip());
                String inner = m.group(2).strip();
                if (!inner.matches("\\d+.*")) {
                    names.add(inner);
                }
            } else {
                names.add(part.strip());
            }
        }
        String link = f.length > 4 ? f[4].strip() : "";
        if (!link.isEmpty() && !link.contains("#") && !link.contains(":") && !EVENT_ARTICLE.matcher(link).find()) {
            String l = link.replaceAll("\\s*\\([^)]*\\)$", "");
            int comma = l.indexOf(',');
            names.add((comma > 0 ? l.substring(0, comma) : l).strip());
        } else if (link.contains("#")) {
            names.add(link.substring(link.indexOf('#') + 1).strip());
        }
        for (String n : List.copyOf(names)) {
            // "Al-Mari'iyah Farms", "X village": the place is also written without the generic word
            Matcher g = GENERIC_TAIL.matcher(n);
            if (g.matches()) {
                names.add(g.group(1).strip());
            }
        }
        names.removeIf(n -> n.isEmpty() || NameKey.key(n).isEmpty());
        String feature = featureOf(mark);
        String control = IMAGE_MARK.matcher(mark).matches() ? "" : mark.replaceAll("_(hill|base|air|heli|naval|oil|industry)$", "");
        if (mark.startsWith("pass_") || mark.startsWith("BSicon")) {
            control = "";
        }
        List<String> ordered = new ArrayList<>(names);
        return new Place("wm:" + (row - 1), ordered.get(0), ordered, new GeoPoint(lat, lon), feature, null, control, 0,
                List.of("wikipedia-map"));
    }

    private static String featureOf(String mark) {
        if (IMAGE_MARK.matcher(mark).matches()) {
            return "city";
        }
        if (mark.startsWith("pass_")) {
            return "crossing";
        }
        if (mark.endsWith("_hill")) {
            return "hill";
        }
        if (mark.endsWith("_base")) {
            return "base";
        }
        if (mark.endsWith("_air") || mark.endsWith("_heli")) {
            return "airbase";
        }
        if (mark.endsWith("_naval")) {
            return "naval base";
        }
        if (mark.endsWith("_oil")) {
            return "oilfield";
        }
        if (mark.endsWith("_industry")) {
            return "industry";
        }
        return "populated";
    }

    private static Place nearest(List<Place> places, GeoPoint p) {
        Place best = null;
        double bestD = Double.MAX_VALUE;
        for (Place g : places) {
            double d = g.point().distanceKm(p);
            if (d < bestD && g.admin1() != null) {
                bestD = d;
                best = g;
            }
        }
        return best;
    }

    private static Place sameNameNear(List<Place> gn, Place p) {
        Set<String> keys = new java.util.HashSet<>();
        for (String n : p.names()) {
            keys.add(NameKey.phonetic(n));
        }
        for (Place g : gn) {
            if (g.point().distanceKm(p.point()) > MERGE_KM) {
                continue;
            }
            for (String n : g.names()) {
                if (keys.contains(NameKey.phonetic(n))) {
                    return g;
                }
            }
        }
        return null;
    }
}
