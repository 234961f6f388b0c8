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
        long cpuAtStart = processCpuNanos();
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
        long[][] statusCounts = new long[concurrency][600];
        AtomicLong errors = new AtomicLong();
        AtomicLong cacheHits = new AtomicLong();
        long[][] lat = new long[concurrency][];
        int[] counts = new int[concurrency];
        long[] threadCpu = new long[concurrency];
        List<Thread> threads = new ArrayList<>();
        String host = base.getHost();
        int port = base.getPort() > 0 ? base.getPort() : 80;
        if (base.getScheme().equals("https")) {
            System.err.println("frontline: loadtest reads over plain HTTP/1.1 only; give an http:// --url");
            return 2;
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        byte[] fixedHeaders = ("Host: " + host + ":" + port + "\r\nAccept: application/json\r\n"
                + (tok != null ? "Authorization: Bearer " + tok + "\r\n" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        for (int t = 0; t < concurrency; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                long c0 = cpuNow();
                SplittableRandom rnd = new SplittableRandom(id * 7919L + seed);
                long[] mine = new long[1024];
                int n = 0;
                HttpConnection conn = new HttpConnection(host, port);
                byte[] request = new byte[4096];
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
                    int len = requestBytes(request, basePath + query(rnd), fixedHeaders);
                    if (len < 0) {
                        request = new byte[request.length * 4];
                        len = requestBytes(request, basePath + query(rnd), fixedHeaders);
                    }
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = conn.exchange(request, len);
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        conn.close();
                        continue;
                    }
                    long took = System.nanoTime() - t0;
                    statusCounts[id][Math.min(599, Math.max(0, status))]++;
                    if (conn.cacheHit) {
                        cacheHits.incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = took;
                }
                conn.close();
                lat[id] = mine;
                counts[id] = n;
                threadCpu[id] = cpuNow() - c0;
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
        Map<Integer, Long> statuses = new TreeMap<>();
        for (long[] sc : statusCounts) {
            for (int code = 0; code < sc.length; code++) {
                if (sc[code] > 0) {
                    statuses.merge(code, sc[code], Long::sum);
                }
            }
        }
        System.out.println("statuses: " + statuses + (errors.get() > 0 ? ", connection errors: " + errors.get() : ""));
        long readCpu = 0;
        for (long c : threadCpu) {
            readCpu += c;
        }
        long processCpu = processCpuNanos() - cpuAtStart;
        System.out.printf("client CPU: %.2f s in the reading threads (%.0f us per read), %.2f s in this process since the start "
                        + "(JIT, GC and --ingest included)%n", readCpu / 1e9, total == 0 ? 0.0 : readCpu / 1e3 / total, processCpu / 1e9);
        if (ingest) {
            System.out.printf("ingest (concurrent, one thread): %d reports posted, %d stored, %d failed (%.1f reports/s)%n",
                    ingested[0], ingested[1], ingested[2], ingested[0] / wall);
        }
        System.out.printf("requests/s=%.0f p50_ms=%.2f p99_ms=%.2f%n", total / wall, pct(all, 0.50), pct(all, 0.99));
        boolean ok = errors.get() == 0 && statuses.keySet().stream().allMatch(s -> s == 200);
        return ok ? 0 : 1;
    }

    /** CPU time of the calling thread in nanoseconds (0 where the JVM cannot measure it). */
    private static long cpuNow() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : 0;
    }

    /** CPU time of this process in nanoseconds (0 where the JVM cannot say). */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /**
     * Writes "GET {@code target} HTTP/1.1" and the fixed headers into {@code buf} (ASCII: the generated targets are
     * percent-encoded); the length, or -1 when it does not fit.
     */
    static int requestBytes(byte[] buf, String target, byte[] fixedHeaders) {
        int need = 4 + target.length() + 11 + fixedHeaders.length;
        if (need > buf.length) {
            return -1;
        }
        int i = 0;
        buf[i++] = 'G';
        buf[i++] = 'E';
        buf[i++] = 'T';
        buf[i++] = ' ';
        for (int k = 0; k < target.length(); k++) {
            buf[i++] = (byte) target.charAt(k);
        }
        for (char c : " HTTP/1.1\r\n".toCharArray()) {
            buf[i++] = (byte) c;
        }
        System.arraycopy(fixedHeaders, 0, buf, i, fixedHeaders.length);
        return i + fixedHeaders.length;
    }

    /**
     * One keep-alive HTTP/1.1 connection for the reads: writes a prepared request, reads the status line and headers
     * into a fixed buffer and skips the body (Content-Length or chunked, else to the end of the connection), with no
     * per-request objects beyond the buffer it reuses. Reconnects when the server closed the connection.
     */
    static final class HttpConnection {
        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int lim;
        /** Whether the last answer carried {@code X-Cache: hit}. */
        boolean cacheHit;

        HttpConnection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** Sends the request and reads its whole answer; the status code. */
        int exchange(byte[] request, int len) throws IOException {
            boolean fresh = socket == null;
            if (fresh) {
                open();
            }
            try {
                out.write(request, 0, len);
                out.flush();
                if (!fill()) {
                    throw new java.io.EOFException("closed before answering");
                }
            } catch (IOException e) {
                if (fresh) {
                    throw e;
                }
                // a kept-alive connection the server closed in the meantime: once more on a new one
                close();
                open();
                out.write(request, 0, len);
                out.flush();
                if (!fill()) {
                    throw new java.io.EOFException("closed before answering");
                }
            }
            return answer();
        }

        private void open() throws IOException {
            socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.connect(new java.net.InetSocketAddress(host, port), 5_000);
            in = socket.getInputStream();
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8192);
            pos = 0;
            lim = 0;
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }

        /** Reads more bytes after {@code lim}, compacting the buffer first; false at the end of the stream. */
        private boolean fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            if (lim == buf.length) {
                throw new IOException("a header line longer than " + buf.length + " bytes");
            }
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                return false;
            }
            lim += r;
            return true;
        }

        /** The next line (without CRLF) as [start, end) in buf, reading more as needed; pos moves past it. */
        private int lineEnd() throws IOException {
            int from = pos;
            while (true) {
                for (int i = from; i < lim; i++) {
                    if (buf[i] == '\n') {
                        return i;
                    }
                }
                int done = lim - pos;
                if (!fill()) {
                    throw new java.io.EOFException("connection closed inside the headers");
                }
                from = pos + done;
            }
        }

        private int answer() throws IOException {
            int end = lineEnd();
            int status = parseStatus(buf, pos, end);
            pos = end + 1;
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            cacheHit = false;
            while (true) {
                end = lineEnd();
                int stop = end > pos && buf[end - 1] == '\r' ? end - 1 : end;
                if (stop == pos) {
                    pos = end + 1;
                    break;
                }
                if (header(pos, stop, "content-length")) {
                    length = Long.parseLong(value(pos, stop));
                } else if (header(pos, stop, "transfer-encoding")) {
                    chunked = value(pos, stop).toLowerCase(java.util.Locale.ROOT).contains("chunked");
                } else if (header(pos, stop, "connection")) {
                    closeAfter = value(pos, stop).equalsIgnoreCase("close");
                } else if (header(pos, stop, "x-cache")) {
                    cacheHit = value(pos, stop).equalsIgnoreCase("hit");
                }
                pos = end + 1;
            }
            if (status == 204 || status == 304 || status / 100 == 1) {
                length = 0;
            }
            if (chunked) {
                while (true) {
                    end = lineEnd();
                    int stop = end;
                    for (int i = pos; i < end; i++) {
                        if (buf[i] == ';' || buf[i] == '\r') {
                            stop = i;
                            break;
                        }
                    }
                    long size = Long.parseLong(new String(buf, pos, stop - pos, StandardCharsets.ISO_8859_1).trim(), 16);
                    pos = end + 1;
                    if (size == 0) {
                        while (true) { // trailers, then the empty line
                            end = lineEnd();
                            boolean empty = end == pos || (end == pos + 1 && buf[pos] == '\r');
                            pos = end + 1;
                            if (empty) {
                                break;
                            }
                        }
                        break;
                    }
                    skip(size + 2);
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                while (true) {
                    pos = lim;
                    if (!fill()) {
                        break;
                    }
                }
                closeAfter = true;
            }
            if (closeAfter) {
                close();
            }
            return status;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                if (pos == lim) {
                    pos = 0;
                    lim = 0;
                    if (!fill()) {
                        throw new java.io.EOFException("connection closed inside a body");
                    }
                }
                int k = (int) Math.min(n, lim - pos);
                pos += k;
                n -= k;
            }
        }

        /** Whether the header line [from, to) is named {@code name} (lower case, ASCII). */
        private boolean header(int from, int to, String name) {
            int n = name.length();
            if (to - from <= n || buf[from + n] != ':') {
                return false;
            }
            for (int i = 0; i < n; i++) {
                int c = buf[from + i];
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
                if (c != name.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private String value(int from, int to) {
            int colon = from;
            while (buf[colon] != ':') {
                colon++;
            }
            return new String(buf, colon + 1, to - colon - 1, StandardCharsets.ISO_8859_1).trim();
        }
    }

    /** The status code of an HTTP/1.x status line in buf[from, to). */
    static int parseStatus(byte[] buf, int from, int to) throws IOException {
        int sp = from;
        while (sp < to && buf[sp] != ' ') {
            sp++;
        }
        if (sp + 3 >= to + 1 || !(buf[from] == 'H' && buf[from + 1] == 'T')) {
            throw new IOException("not an HTTP status line");
        }
        int code = 0;
        for (int i = sp + 1; i < sp + 4; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw new IOException("not an HTTP status line");
            }
            code = code * 10 + d;
        }
        return code;
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
