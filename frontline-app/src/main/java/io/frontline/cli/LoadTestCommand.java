package io.frontline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@code frontline loadtest}: concurrent reads of /api/events (and optionally posted reports) against a running server. */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Load a running 'frontline serve' with concurrent reads of /api/events (a mix of filters: date windows, "
                + "sides, types, boxes, places, pages) and, with --ingest, one thread posting generated reports at the same time. "
                + "Stops after --seconds or --max-requests and prints requests/s and latency p50/p99/max.",
                "The server's rate limit counts per client IP: start it with --read-rate 0 (and --write-rate 0) to measure it."})
final class LoadTestCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The server (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--concurrency", defaultValue = "8", description = "Reading threads, one request at a time each (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-requests", defaultValue = "1000000", description = "Stop after this many reads (default: ${DEFAULT-VALUE}).")
    long maxRequests;

    @Option(names = "--ingest", description = "Also POST generated reports to /api/reports from one more thread, as fast as it can.")
    boolean ingest;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token for the writes of --ingest (and private reads); "
            + "default: $FRONTLINE_TOKEN.")
    String token;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated reads and reports (default: ${DEFAULT-VALUE}); "
            + "the same seed repeats the same requests, which a server's response cache may have kept from the last run, "
            + "and the same reports, which the store already has.")
    long seed;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 3600 || concurrency < 1 || concurrency > 512 || maxRequests < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--seconds must be 1..3600, --concurrency 1..512 and --max-requests at least 1");
        }
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (base.getHost() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--url: expected http://HOST:PORT, got '" + url + "'");
        }
        String tok = token != null ? token : System.getenv("FRONTLINE_TOKEN");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<String> probe = http.send(get(base, "/api/events?limit=1", tok), HttpResponse.BodyHandlers.ofString());
            if (probe.statusCode() != 200) {
                System.err.println("frontline: " + base + "/api/events answered " + probe.statusCode() + ": " + probe.body()
                        + (probe.statusCode() == 401 || probe.statusCode() == 403 ? " (give --token)" : ""));
                return 2;
            }
        } catch (ConnectException e) {
            System.err.println("frontline: cannot connect to " + base + ": is 'frontline serve' running there? (--url)");
            return 2;
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong issued = new AtomicLong();
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong cacheHits = new AtomicLong();
        long[][] lat = new long[concurrency][];
        int[] counts = new int[concurrency];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(id * 7919L + seed);
                long[] mine = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(get(base, query(rnd), tok), HttpResponse.BodyHandlers.discarding());
                        statuses.computeIfAbsent(String.valueOf(r.statusCode()), k -> new AtomicLong()).incrementAndGet();
                        if (r.headers().firstValue("X-Cache").filter("hit"::equals).isPresent()) {
                            cacheHits.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                lat[id] = mine;
                counts[id] = n;
            }, "loadtest-" + t);
            threads.add(th);
        }
        long[] ingested = new long[3]; // posts, stored, failed
        Thread writer = null;
        if (ingest) {
            writer = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(42 + seed);
                while (System.nanoTime() < deadline) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/reports?file=loadtest-"
                                        + rnd.nextLong(Long.MAX_VALUE) + ".txt"))
                                .header("Content-Type", "text/plain; charset=utf-8").header("Authorization", "Bearer " + (tok == null ? "" : tok))
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(report(rnd), StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        ingested[0]++;
                        if (r.statusCode() == 201) {
                            ingested[1]++;
                        } else if (r.statusCode() != 200) {
                            ingested[2]++;
                            if (ingested[2] == 1) {
                                System.err.println("frontline: POST /api/reports answered " + r.statusCode() + ": " + r.body()
                                        + (r.statusCode() == 401 || r.statusCode() == 403 ? " (give --token)" : ""));
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        ingested[2]++;
                    }
                }
            }, "loadtest-ingest");
            writer.start();
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (writer != null) {
            writer.join();
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(lat[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("reads: %d requests in %.1f s with %d threads: %.0f requests/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                total, wall, concurrency, total / wall, pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.printf("server response cache (X-Cache): %d hits of %d reads (%.1f %%)%n", cacheHits.get(), total,
                total == 0 ? 0.0 : 100.0 * cacheHits.get() / total);
        System.out.println("statuses: " + new TreeMap<>(statuses) + (errors.get() > 0 ? ", connection errors: " + errors.get() : ""));
        if (ingest) {
            System.out.printf("ingest (concurrent, one thread): %d reports posted, %d stored, %d failed (%.1f reports/s)%n",
                    ingested[0], ingested[1], ingested[2], ingested[0] / wall);
        }
        System.out.printf("requests/s=%.0f p50_ms=%.2f p99_ms=%.2f%n", total / wall, pct(all, 0.50), pct(all, 0.99));
        boolean ok = errors.get() == 0 && statuses.keySet().stream().allMatch(s -> s.equals("200"));
        return ok ? 0 : 1;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static HttpRequest get(URI base, String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private static final String[] SIDES = {"government", "islamic_state", "sdf", "opposition", "hts", "turkey"};
    private static final String[] TYPES = {"Armed clash", "Shelling/artillery/missile attack", "Air/drone strike", "Battles"};
    private static final String[] PLACES = {"Aleppo", "Raqqa", "Palmyra", "Deir ez-Zor", "Idlib", "Manbij"};

    /** A read like the page's: a 30-day window with a side, a type, a box or a place, or a plain page. */
    static String query(SplittableRandom rnd) {
        LocalDate from = LocalDate.of(2012, 1, 1).plusDays(rnd.nextInt(13 * 365));
        String window = "from=" + from + "&to=" + from.plusDays(30);
        double lon = 36 + rnd.nextDouble() * 5;
        double lat = 32.5 + rnd.nextDouble() * 4;
        return switch (rnd.nextInt(6)) {
            case 0 -> "/api/events?" + window + "&side=" + SIDES[rnd.nextInt(SIDES.length)] + "&limit=50";
            case 1 -> "/api/events?" + window + "&bbox=" + String.format(java.util.Locale.ROOT, "%.2f,%.2f,%.2f,%.2f", lon, lat, lon + 1, lat + 1) + "&limit=50";
            case 2 -> "/api/events?" + window + "&type=" + TYPES[rnd.nextInt(TYPES.length)].replace(" ", "%20").replace("/", "%2F") + "&min_confidence=0.5&limit=50";
            case 3 -> "/api/events?" + window + "&limit=50";
            case 4 -> "/api/events?place=" + PLACES[rnd.nextInt(PLACES.length)].replace(" ", "%20") + "&" + window + "&limit=20";
            default -> "/api/events?limit=50&offset=" + rnd.nextInt(200);
        };
    }

    /** A short report with a random date, place and number, so that each has new content. */
    static String report(SplittableRandom rnd) {
        LocalDate d = LocalDate.of(2013, 1, 1).plusDays(rnd.nextInt(4000));
        String place = PLACES[rnd.nextInt(PLACES.length)];
        int dead = 1 + rnd.nextInt(40);
        return place + ", " + d.plusDays(1) + ".\n\nOn " + d.getDayOfMonth() + " " + d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                + " " + d.getYear() + ", Syrian government forces shelled the town of " + place + ". " + dead
                + " civilians were killed, according to local activists (load test report " + rnd.nextLong(Long.MAX_VALUE) + ").\n";
    }
}
