package io.frontline.cli;

import io.frontline.control.ControlAreas;
import io.frontline.control.ControlModel;
import io.frontline.control.ControlRules;
import io.frontline.control.ControlState;
import io.frontline.control.Observation;
import io.frontline.events.Event;
import io.frontline.events.Evidence;
import io.frontline.gazetteer.GeoPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/** {@code frontline bench-control}: the control model on synthetic events, single-threaded. */
@Command(name = "bench-control", mixinStandardHelpOptions = true,
        description = {"Measure the control model on synthetic events (fixed random seed): building the timelines, then the state"
                + " of every place on a date.",
                "The last line is: places=<n> events=<n> build_ms=<n> on_date_ms=<n> (on_date_ms: median of the repeats)"})
final class BenchControlCommand implements Callable<Integer> {
    private static final String[] TYPES = {ControlRules.REGAINS, ControlRules.OVERTAKES, ControlRules.CLASH, ControlRules.CLASH,
            "Air/drone strike", "Shelling/artillery/missile attack"};
    private static final String[] SIDES = {"government", "islamic_state", "sdf", "opposition", "hts", "turkey"};

    @Option(names = "--places", defaultValue = "10000", description = "Places (default: ${DEFAULT-VALUE}).")
    int places;

    @Option(names = "--events", defaultValue = "100000", description = "Events (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--repeat", defaultValue = "20", description = "Measured repeats (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--areas", description = "Also time the areas, fronts and pockets of the last state (Voronoi, unions; 3 runs).")
    boolean areas;

    @Override
    public Integer call() {
        List<Observation> obs = synthetic(places, events, new Random(42));
        for (int w = 0; w < 5; w++) { // warm up
            ControlModel.build(obs).on(LocalDate.of(2017, 1, 1));
        }
        long[] build = new long[repeat];
        long[] query = new long[repeat];
        int states = 0;
        ControlModel m = null;
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            m = ControlModel.build(obs);
            long t1 = System.nanoTime();
            List<ControlState> on = m.on(LocalDate.of(2014, 1, 1).plusDays(r * 97L % 2000));
            long t2 = System.nanoTime();
            build[r] = t1 - t0;
            query[r] = t2 - t1;
            states = on.size();
        }
        Arrays.sort(build);
        Arrays.sort(query);
        double b = build[repeat / 2] / 1e6;
        double q = query[repeat / 2] / 1e6;
        System.out.printf(Locale.ROOT, "%d synthetic events at %d places (%d with a timeline), 2014-2019%n", events, places, m.size());
        System.out.printf(Locale.ROOT, "  build timelines: median %.1f ms, max %.1f ms%n", b, build[repeat - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  state of every place on a date (%d states): median %.1f ms, max %.1f ms%n", states, q, query[repeat - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  build and query together: median %.1f ms%n", b + q);
        if (areas) {
            List<ControlState> on = m.on(LocalDate.of(2017, 1, 1));
            var boundary = ControlAreas.boundary(on.stream().map(st -> new GeoPoint(st.lat(), st.lon())).toList());
            long best = Long.MAX_VALUE;
            ControlAreas a = null;
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                a = ControlAreas.of(on, boundary);
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf(Locale.ROOT, "  areas of %d places: %d areas, %d fronts, %d pockets in %.0f ms (best of 3)%n", on.size(),
                    a.areas().size(), a.fronts().size(), a.pockets().size(), best / 1e6);
        }
        System.out.printf(Locale.ROOT, "places=%d events=%d build_ms=%.1f on_date_ms=%.1f%n", places, events, b, q);
        return 0;
    }

    static List<Observation> synthetic(int places, int n, Random rnd) {
        List<Observation> out = new ArrayList<>(n);
        LocalDate start = LocalDate.of(2014, 1, 1);
        for (int i = 0; i < n; i++) {
            int p = rnd.nextInt(places);
            String type = TYPES[rnd.nextInt(TYPES.length)];
            String s1 = SIDES[rnd.nextInt(SIDES.length)];
            String s2 = SIDES[rnd.nextInt(SIDES.length)];
            double conf = 0.4 + rnd.nextDouble() * 0.5;
            String attribution = rnd.nextInt(10) == 0 ? "SOHR" : null;
            String date = start.plusDays(rnd.nextInt(6 * 365)).toString();
            String rule = type.equals(ControlRules.CLASH) && rnd.nextInt(10) == 0 ? "trigger:x class:repel" : "trigger:x class:take";
            Event e = new Event("bench-" + i, date, 1, "Battles", type, s1, "", s2, "", s1, s2, 1, 2, "Place " + p, null, null,
                    33 + (p % 100) * 0.04, 36 + (p / 100) * 0.06, 1, 0, "reported", attribution, "",
                    new Evidence(0, 0, "synthetic", rule, "file", conf), conf, "resolved", "bench:" + p, "Place " + p,
                    "fact", List.of(), List.of(), Map.of());
            out.add(Observation.of(e, i));
        }
        return out;
    }
}
