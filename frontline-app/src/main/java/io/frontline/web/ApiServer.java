package io.frontline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.Extraction;
import io.frontline.Frontline;
import io.frontline.gazetteer.Candidate;
import io.frontline.gazetteer.Gazetteer;
import io.frontline.store.BadFilterException;
import io.frontline.store.EventFilter;
import io.frontline.store.EventFormats;
import io.frontline.store.EventStore;
import io.frontline.store.IngestResult;
import io.frontline.store.Page;
import io.frontline.store.ReportDoc;
import io.frontline.store.ReviewAction;
import io.frontline.store.StoredEvent;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.frontline.gazetteer.GazetteerFile;
import io.frontline.gazetteer.Place;
import io.frontline.knowledge.BundledKnowledge;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP API (Javalin): JSON over the store, extraction of posted reports, reviews. Errors are
 * {@code {"error", "detail"}} with a fitting status. The OpenAPI description is the resource
 * {@code openapi.json} next to this class; a test keeps it in step with {@link #routes()}.
 */
public final class ApiServer {
    /** One route: method and path as written in the OpenAPI description. */
    public record Route(String method, String path) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT = 1000;
    private static final int DEFAULT_LIMIT = 50;

    private final EventStore store;
    private final Frontline frontline;
    private final Gazetteer gazetteer;
    private final long maxBody;
    private final List<Route> routes = new ArrayList<>();
    private final StoreAnalysis analysis;
    private final AccessControl access;
    /** Serialises review version checks with the review they guard (optimistic locking, see {@link #review(Context)}). */
    private final Object reviewLock = new Object();
    private Javalin app;
    /** Answers of the store's read endpoints by request and store write version; null: no caching. */
    private ResponseCache cache = new ResponseCache(DEFAULT_CACHE_ENTRIES, DEFAULT_CACHE_BYTES, defaultEventCacheBytes());
    static final int DEFAULT_CACHE_ENTRIES = 10_000;
    static final long DEFAULT_CACHE_BYTES = 64L << 20;

    /** The default room for events' JSON by id: 256 MB, at most an eighth of the heap. */
    public static long defaultEventCacheBytes() {
        return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);
    }
    /** The request attribute naming the filter of an event listing: its cached answer stays through writes it does not match. */
    private static final String LISTED_FILTER = "frontline.listedFilter";
    /** The request attribute giving the date of a listed page's last event when its total is capped and a page follows. */
    private static final String LISTED_PAGE_END = "frontline.listedPageEnd";
    /** The request attribute holding a handler's answer as bytes (the body it set), so the cache need not copy it. */
    private static final String RESULT_BYTES = "frontline.resultBytes";
    /** The request attribute holding the store version read before the request was answered (with a cache only). */
    private static final String SEEN_VERSION = "frontline.seenVersion";
    /** This server's writes, one at a time, so that the cache learns which store version each made. */
    private final Object writeLock = new Object();
    /** Headers the cached endpoints set, kept with a cached answer. */
    private static final List<String> CACHED_HEADERS = List.of("X-Next-Cursor", "X-Total-Count", "X-Total-Capped", "ETag",
            "Content-Disposition");

    /** A server without authentication or rate limits (tests, embedding); {@code serve} passes an {@link AccessControl}. */
    public ApiServer(EventStore store, Frontline frontline, Gazetteer gazetteer, long maxBody) {
        this(store, frontline, gazetteer, maxBody, AccessControl.open());
    }

    public ApiServer(EventStore store, Frontline frontline, Gazetteer gazetteer, long maxBody, AccessControl access) {
        this.store = store;
        this.frontline = frontline;
        this.gazetteer = gazetteer;
        this.maxBody = maxBody;
        this.analysis = new StoreAnalysis(store, gazetteer, BundledKnowledge.sources(null));
        this.access = access;
    }

    /**
     * Sets the response cache of the read endpoints: at most {@code maxEntries} answers and {@code maxBytes} bytes;
     * 0 entries: no cache. Call before {@link #start(int)}.
     */
    public ApiServer responseCache(int maxEntries, long maxBytes) {
        return responseCache(maxEntries, maxBytes, defaultEventCacheBytes());
    }

    /**
     * The same, and at most {@code maxEventBytes} bytes of event listings' events kept by id as their JSON (0: none), so
     * that a page of events the cache holds reads only its keys from the store. Call before {@link #start(int)}.
     */
    public ApiServer responseCache(int maxEntries, long maxBytes, long maxEventBytes) {
        cache = maxEntries <= 0 ? null : new ResponseCache(maxEntries, maxBytes, maxEventBytes);
        return this;
    }

    /** Cache hits and misses so far (0 and 0 without a cache). */
    public long[] cacheCounts() {
        return cache == null ? new long[]{0, 0} : new long[]{cache.hits(), cache.misses()};
    }

    /** Events of listings taken from the cache by id and read from the store so far (0 and 0 without a cache). */
    public long[] eventCacheCounts() {
        return cache == null ? new long[]{0, 0} : cache.eventCounts();
    }

    /** Starts on {@code port} (0: any free port) and returns the port. */
    public int start(int port) {
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = maxBody;
            // the analyst page (index.html, app.js, app.css) at "/", and Leaflet from its WebJar at /webjars/
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/io/frontline/web/static";
                sf.location = Location.CLASSPATH;
            });
            cfg.staticFiles.enableWebjars();
        });
        // security headers on every answer; no CORS headers are sent, so other origins cannot read the API from a browser
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        });
        app.before(access::check); // rate limit per client IP, then bearer tokens for writes (and private reads)
        get("/api/reports", cached(this::reports));
        get("/api/reports/{id}", cached(this::report));
        post("/api/reports", this::postReport);
        get("/api/events", cached(this::events));
        get("/api/events/{id}", cached(this::event));
        post("/api/events/{id}/review", this::review);
        get("/api/reviews", cached(this::reviewLog));
        get("/api/claims", cached(this::claims));
        get("/api/places", cached(this::places));
        get("/api/basemap", this::basemap);
        get("/api/control", this::control);
        get("/api/events/{id}/story", this::eventStory);
        get("/api/stories", this::stories);
        get("/api/sources", this::sources);
        get("/openapi.json", ctx -> {
            try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
                ctx.contentType("application/json").result(in.readAllBytes());
            }
        });
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.error, e.getMessage()));
        app.exception(BadFilterException.class, (e, ctx) -> error(ctx, 400, "bad_parameter", e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                e.getStatus() == 413 ? "payload_too_large" : e.getStatus() == 404 ? "not_found" : "http_" + e.getStatus(),
                e.getStatus() == 413 ? "the body is over the limit of " + maxBody + " bytes" : e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal", e.getClass().getSimpleName() + ": " + e.getMessage()));
        app.error(404, ctx -> {
            if (ctx.attribute("frontline.error") == null) {
                error(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
        app.error(405, ctx -> {
            if (ctx.attribute("frontline.error") == null) {
                error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
            }
        });
        app.start(port);
        return app.port();
    }

    /**
     * Reads the store-wide analysis state (stories, corroboration, the control model) in the background, once, so that
     * the first {@code /api/control}, {@code /api/stories} or {@code /api/sources} request does not wait for all of it.
     */
    public void warmUp() {
        Thread t = new Thread(() -> {
            try {
                long t0 = System.nanoTime();
                var mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long c0 = mx.getCurrentThreadCpuTime();
                analysis.refresh();
                System.err.printf(java.util.Locale.ROOT, "frontline: analysis state read in %.1f s (%.1f s CPU of this thread)%n",
                        (System.nanoTime() - t0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
            } catch (RuntimeException e) {
                System.err.println("frontline: analysis state not read ahead: " + e.getMessage());
            }
        }, "analysis-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public void stop() {
        if (app != null) {
            app.stop();
        }
    }

    /** Every route the server answers. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * A read endpoint answered from the cache when the store's write version is the one the cached answer was computed
     * at. Runs after the access check (rate limit, tokens). A hit costs the version lookup (one primary-key read) and
     * writing the bytes; answers carry {@code X-Cache: hit} or {@code miss}. Only 200 answers are kept. Their content
     * depends on the store, the request's path and query and the server's fixed gazetteer, never on the token.
     */
    private Handler cached(Handler h) {
        return ctx -> {
            ResponseCache c = cache;
            long version = c == null ? -1 : store.version();
            if (version < 0) {
                h.handle(ctx);
                return;
            }
            ctx.attribute(SEEN_VERSION, version);
            String key = cacheKey(ctx);
            ResponseCache.Entry e = c.get(key, version);
            if (e != null) {
                e.headers().forEach(ctx::header);
                ctx.header("X-Cache", "hit");
                ctx.status(200).contentType(e.contentType()).result(e.body());
                return;
            }
            ctx.header("X-Cache", "miss");
            h.handle(ctx);
            if (ctx.statusCode() != 200) {
                return;
            }
            byte[] body = ctx.attribute(RESULT_BYTES);
            if (body == null) {
                InputStream in = ctx.resultInputStream();
                if (in == null) {
                    return;
                }
                body = in.readAllBytes();
                ctx.result(body);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : CACHED_HEADERS) {
                String v = ctx.res().getHeader(name);
                if (v != null) {
                    headers.put(name, v);
                }
            }
            String type = ctx.res().getContentType();
            c.put(key, version, new ResponseCache.Entry(type == null ? "application/json" : type, headers, body,
                    ctx.attribute(LISTED_FILTER), ctx.attribute(LISTED_PAGE_END)));
        };
    }

    /**
     * One write of this server: the cache is told the store versions before and after it and the events it added or
     * changed ({@code touched} of the write's result; null: it wrote nothing), so that answers it cannot change stay.
     */
    private <T> T recordedWrite(java.util.function.Supplier<T> write, java.util.function.Function<T, List<StoredEvent>> touched,
                                boolean added) {
        ResponseCache c = cache;
        if (c == null) {
            return write.get();
        }
        synchronized (writeLock) {
            long before = store.version();
            c.beginWrite();
            List<StoredEvent> events = null;
            try {
                T result = write.get();
                events = touched.apply(result);
                return result;
            } finally {
                long after;
                try {
                    after = store.version();
                } catch (RuntimeException e) {
                    after = Long.MIN_VALUE; // unknown: the write is not recorded, and the next newer version clears the cache
                }
                c.endWrite(before, after, events == null ? null : new ResponseCache.Write(events, added));
            }
        }
    }

    /** The request as a cache key: its path and its query parameters sorted by name (values in their order). */
    static String cacheKey(Context ctx) {
        StringBuilder sb = new StringBuilder(ctx.path()).append('?');
        for (Map.Entry<String, List<String>> q : new java.util.TreeMap<>(ctx.queryParamMap()).entrySet()) {
            for (String v : q.getValue()) {
                sb.append(java.net.URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        }
        return sb.toString();
    }

    private void get(String path, Handler h) {
        routes.add(new Route("get", path));
        app.get(path, h);
    }

    private void post(String path, Handler h) {
        routes.add(new Route("post", path));
        app.post(path, h);
    }

    // ---------------------------------------------------------------- handlers

    private void reports(Context ctx) {
        allow(ctx, Set.of("limit", "offset"));
        Page<Map<String, Object>> p = store.reports(limit(ctx), offset(ctx));
        json(ctx, 200, page("reports", p.items(), p));
    }

    private void report(Context ctx) {
        String id = ctx.pathParam("id");
        json(ctx, 200, store.report(id).orElseThrow(() -> new ApiError(404, "not_found", "no report with id " + id)));
    }

    private void postReport(Context ctx) {
        byte[] body = body(ctx);
        String file = ctx.queryParam("file");
        String text;
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        if (type.startsWith("application/json")) {
            Map<String, Object> m = parseObject(body);
            if (!(m.get("text") instanceof String t)) {
                throw new ApiError(400, "bad_body", "a JSON body needs \"text\" (a string) and may have \"file\"");
            }
            text = t;
            if (m.get("file") instanceof String f) {
                file = f;
            }
        } else {
            text = utf8(body);
        }
        if (text.isBlank()) {
            throw new ApiError(400, "bad_body", "empty report");
        }
        if (text.indexOf('\0') >= 0) {
            throw new ApiError(400, "bad_body", "binary content (NUL character), not a text report");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String name = file == null || file.isBlank() ? "posted.txt" : file;
        var known = store.reportIdByHash(ReportDoc.sha256(text));
        IngestResult r;
        if (known.isPresent()) {
            r = new IngestResult(known.get(), false, 0);
        } else {
            Extraction x;
            synchronized (frontline) {
                x = frontline.extract(name, text);
            }
            ReportDoc doc = ReportDoc.of(x, text);
            r = recordedWrite(() -> store.save(doc), saved -> saved.stored() ? doc.events().stream()
                    .map(e -> new StoredEvent(e, doc.id(), doc.file(), doc.source(), "unreviewed", 0)).toList() : null, true);
        }
        ctx.header("Location", "/api/reports/" + r.reportId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stored", r.stored());
        out.putAll(store.report(r.reportId()).orElseThrow());
        json(ctx, r.stored() ? 201 : 200, out);
    }

    private void events(Context ctx) {
        Set<String> names = new java.util.HashSet<>(EventFilter.PARAMETERS);
        names.addAll(Set.of("limit", "offset", "format", "cursor"));
        allow(ctx, names);
        Map<String, String> p = new HashMap<>();
        for (String k : EventFilter.PARAMETERS) {
            String v = ctx.queryParam(k);
            if (v != null) {
                p.put(k, v);
            }
        }
        EventFilter f = EventFilter.parse(p, name -> {
            List<Candidate> c = gazetteer.candidates(name);
            return c.isEmpty() ? null : new double[]{c.get(0).place().point().lat(), c.get(0).place().point().lon()};
        });
        ctx.attribute(LISTED_FILTER, f);
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        EventFormats.Format fmt = EventFormats.Format.parse(format);
        if (fmt == EventFormats.Format.table) {
            throw new BadFilterException("format", "the API writes json, geojson or acled-csv");
        }
        if (fmt == EventFormats.Format.json) {
            // the events' stored JSON is written as it is, not parsed into maps and serialised again; the events the
            // cache holds at the store version read before this request are not read from the store
            Long seen = ctx.attribute(SEEN_VERSION);
            ResponseCache c = cache;
            Page<byte[]> page = store.eventsJson(f, limit(ctx), offset(ctx), ctx.queryParam("cursor"),
                    c == null || seen == null ? null : c.events(seen));
            pageEnd(ctx, page);
            if (page.nextCursor() != null) {
                ctx.header("X-Next-Cursor", page.nextCursor());
            }
            byte[] tail;
            try {
                tail = ("],\"total\":" + page.total() + ",\"limit\":" + page.limit() + ",\"offset\":" + page.offset()
                        + ",\"total_capped\":" + page.totalCapped() + ",\"next_cursor\":" + JSON.writeValueAsString(page.nextCursor())
                        + "}").getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            byte[] head = "{\"events\":[".getBytes(StandardCharsets.US_ASCII);
            int n = head.length + tail.length + Math.max(0, page.items().size() - 1);
            for (byte[] item : page.items()) {
                n += item.length;
            }
            byte[] body = new byte[n];
            System.arraycopy(head, 0, body, 0, head.length);
            int at = head.length;
            for (int i = 0; i < page.items().size(); i++) {
                if (i > 0) {
                    body[at++] = ',';
                }
                byte[] item = page.items().get(i);
                System.arraycopy(item, 0, body, at, item.length);
                at += item.length;
            }
            System.arraycopy(tail, 0, body, at, tail.length);
            ctx.attribute(RESULT_BYTES, body);
            ctx.status(200).contentType("application/json").result(body);
            return;
        }
        Page<StoredEvent> page = store.events(f, limit(ctx), offset(ctx), ctx.queryParam("cursor"));
        pageEnd(ctx, page);
        if (page.nextCursor() != null) {
            ctx.header("X-Next-Cursor", page.nextCursor());
        }
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        EventFormats.Writer w = EventFormats.writer(fmt, pw);
        page.items().forEach(w::event);
        w.finish(page.total());
        pw.flush();
        ctx.header("X-Total-Count", String.valueOf(page.total()));
        ctx.header("X-Total-Capped", String.valueOf(page.totalCapped()));
        ctx.contentType(fmt == EventFormats.Format.geojson ? "application/geo+json" : "text/csv; charset=utf-8").result(sw.toString());
    }

    /** For the cache: the date of the page's last event (its cursor's) when the total is capped and a page follows. */
    private static void pageEnd(Context ctx, Page<?> page) {
        if (page.totalCapped() && page.nextCursor() != null) {
            ctx.attribute(LISTED_PAGE_END, io.frontline.store.Cursor.parse(page.nextCursor()).date());
        }
    }

    private void event(Context ctx) {
        String id = ctx.pathParam("id");
        StoredEvent e = store.event(id).orElseThrow(() -> new ApiError(404, "not_found", "no event with id " + id));
        Map<String, Object> m = e.json();
        List<ReviewAction> reviews = store.reviews(id);
        m.put("version", reviews.size());
        m.put("reviews", reviews.stream().map(ApiServer::review).toList());
        ctx.header("ETag", "\"" + reviews.size() + "\"");
        json(ctx, 200, m);
    }

    /**
     * A review. The event's version is the number of review actions it has had; a request naming the version it saw
     * ({@code If-Match: "N"} or {@code "version": N}) is refused with 409 when another review came first. With a token,
     * the reviewer recorded is the token's name.
     */
    @SuppressWarnings("unchecked")
    private void review(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, Object> m = parseObject(body(ctx));
        Object action = m.get("action");
        Object reviewer = ctx.attribute(AccessControl.PRINCIPAL) != null ? ctx.attribute(AccessControl.PRINCIPAL) : m.get("reviewer");
        Object fields = m.get("fields");
        if (!(action instanceof String a)) {
            throw new BadFilterException("action", "is required: confirm, correct or reject");
        }
        if (!(reviewer instanceof String r)) {
            throw new BadFilterException("reviewer", "is required (a name)");
        }
        if (fields != null && !(fields instanceof Map)) {
            throw new BadFilterException("fields", "must be an object of corrected fields");
        }
        Long expected = expectedVersion(ctx, m);
        ReviewAction ra;
        int version;
        synchronized (reviewLock) {
            if (expected != null) {
                List<ReviewAction> prior = store.reviews(id);
                if (prior.isEmpty() && store.event(id).isEmpty()) {
                    throw new ApiError(404, "not_found", "no event with id " + id);
                }
                if (prior.size() != expected) {
                    ReviewAction last = prior.isEmpty() ? null : prior.get(prior.size() - 1);
                    ctx.header("ETag", "\"" + prior.size() + "\"");
                    throw new ApiError(409, "version_conflict", "event " + id + " changed since you loaded it: you sent version "
                            + expected + ", the current version is " + prior.size()
                            + (last == null ? "" : ", set by " + last.reviewer() + " (" + last.action() + ") at " + last.createdAt())
                            + "; reload the event and review it again");
                }
            }
            List<StoredEvent> touched = new ArrayList<>();
            ra = recordedWrite(() -> {
                store.event(id).ifPresent(touched::add);
                Optional<ReviewAction> done = store.review(id, a, r, (Map<String, Object>) fields);
                store.event(id).ifPresent(touched::add);
                return done;
            }, done -> done.isPresent() ? touched : null, false).orElseThrow(() -> new ApiError(404, "not_found", "no event with id " + id));
            version = store.reviews(id).size();
        }
        Map<String, Object> out = review(ra);
        out.put("version", version);
        Map<String, Object> ev = store.event(id).map(StoredEvent::json).orElse(null);
        if (ev != null) {
            ev.put("version", version);
        }
        out.put("event", ev);
        ctx.header("ETag", "\"" + version + "\"");
        json(ctx, 201, out);
    }

    private static Long expectedVersion(Context ctx, Map<String, Object> body) {
        String h = ctx.header("If-Match");
        if (h != null && !h.isBlank() && !h.trim().equals("*")) {
            String v = h.trim();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            v = v.replace("\"", "");
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new BadFilterException("If-Match", "expected the event's version, e.g. \"3\", got '" + h + "'");
            }
        }
        Object v = body.get("version");
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        throw new BadFilterException("version", "expected the event's version (a whole number), got " + v);
    }

    /** The audit trail: JSON pages, or {@code format=csv}: every action as RFC 4180 CSV (a download). */
    private void reviewLog(Context ctx) {
        allow(ctx, Set.of("limit", "offset", "format"));
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (format.equals("json")) {
            Page<ReviewAction> p = store.reviewLog(limit(ctx), offset(ctx));
            json(ctx, 200, page("reviews", p.items().stream().map(ApiServer::review).toList(), p));
            return;
        }
        if (!format.equals("csv")) {
            throw new BadFilterException("format", "expected json or csv, got '" + format + "'");
        }
        Page<ReviewAction> p = store.reviewLog(ctx.queryParam("limit") == null ? Integer.MAX_VALUE : limit(ctx), offset(ctx));
        StringWriter sw = new StringWriter();
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(sw, org.apache.commons.csv.CSVFormat.RFC4180)) {
            csv.printRecord("id", "event_id", "action", "reviewer", "created_at", "fields");
            for (ReviewAction ra : p.items()) {
                csv.printRecord(ra.id(), ra.eventId(), ra.action(), ra.reviewer(), ra.createdAt().toString(),
                        ra.fields().isEmpty() ? "" : JSON.writeValueAsString(ra.fields()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ctx.header("X-Total-Count", String.valueOf(p.total()));
        ctx.header("Content-Disposition", "attachment; filename=\"frontline-reviews.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(sw.toString());
    }

    private static Map<String, Object> review(ReviewAction ra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ra.id());
        m.put("event_id", ra.eventId());
        m.put("action", ra.action());
        m.put("reviewer", ra.reviewer());
        m.put("fields", ra.fields());
        m.put("created_at", ra.createdAt().toString());
        return m;
    }

    private void claims(Context ctx) {
        allow(ctx, Set.of("report_id", "limit", "offset"));
        Page<Map<String, Object>> p = store.claims(ctx.queryParam("report_id"), limit(ctx), offset(ctx));
        json(ctx, 200, page("claims", p.items(), p));
    }

    private void places(Context ctx) {
        allow(ctx, Set.of("q", "limit"));
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new BadFilterException("q", "is required: a place name in any transliteration");
        }
        int limit = ctx.queryParam("limit") == null ? 10 : intParam(ctx, "limit", 1, 100);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Candidate c : gazetteer.candidates(q)) {
            if (out.size() >= limit) {
                break;
            }
            var p = c.place();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.name());
            m.put("score", c.score());
            m.put("match", c.match());
            m.put("matched_name", c.matchedName());
            m.put("latitude", p.point().lat());
            m.put("longitude", p.point().lon());
            m.put("feature", p.feature());
            m.put("admin1", p.admin1());
            m.put("mark", p.mark());
            m.put("sources", p.sources());
            out.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("query", q);
        doc.put("places", out);
        json(ctx, 200, doc);
    }

    /** Control on a date over the stored events (corrections applied, rejected events left out) as GeoJSON. */
    private void control(Context ctx) {
        allow(ctx, Set.of("date", "bbox", "seed_map"));
        String d = ctx.queryParam("date");
        if (d == null || d.isBlank()) {
            throw new BadFilterException("date", "is required: YYYY-MM-DD");
        }
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(d);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadFilterException("date", "expected YYYY-MM-DD, got '" + d + "'");
        }
        double[] bbox = ctx.queryParam("bbox") == null ? null : EventFilter.parse(Map.of("bbox", ctx.queryParam("bbox")), n -> null).bbox();
        String seed = ctx.queryParam("seed_map");
        if (seed != null && !seed.equals("true") && !seed.equals("false")) {
            throw new BadFilterException("seed_map", "expected true or false, got '" + seed + "'");
        }
        json(ctx, 200, analysis.control(date, bbox, "true".equals(seed)), "application/geo+json");
    }

    private void eventStory(Context ctx) {
        allow(ctx, Set.of());
        String id = ctx.pathParam("id");
        json(ctx, 200, analysis.eventStory(id).orElseThrow(() -> new ApiError(404, "not_found",
                "no event with id " + id + (store.event(id).isPresent() ? " outside the rejected ones" : ""))));
    }

    private void stories(Context ctx) {
        allow(ctx, Set.of("limit", "offset", "min_reports"));
        int min = ctx.queryParam("min_reports") == null ? 1 : intParam(ctx, "min_reports", 1, Integer.MAX_VALUE);
        List<Map<String, Object>> all = analysis.stories().stream().filter(s -> ((List<?>) s.get("reports")).size() >= min).toList();
        int limit = limit(ctx);
        int offset = offset(ctx);
        List<Map<String, Object>> items = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
        json(ctx, 200, page("stories", items, new Page<>(items, all.size(), limit, offset)));
    }

    private void sources(Context ctx) {
        allow(ctx, Set.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sources", analysis.sources());
        json(ctx, 200, m);
    }

    private Map<String, Object> basemap;

    /**
     * The page's offline base layer: every bundled gazetteer place as a point and the convex hull of them all
     * (an outline of where the gazetteer has places, not a border), as {@code [longitude, latitude]} pairs.
     */
    private void basemap(Context ctx) {
        allow(ctx, Set.of());
        synchronized (this) {
            if (basemap == null) {
                basemap = basemap(GazetteerFile.parse(BundledKnowledge.lines("gazetteer/sy-places.tsv"), "bundled gazetteer", Map.of()));
            }
        }
        ctx.header("Cache-Control", "max-age=3600");
        json(ctx, 200, basemap);
    }

    static Map<String, Object> basemap(List<Place> places) {
        List<double[]> pts = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Place p : places) {
            double lat = p.point().lat();
            double lon = p.point().lon();
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                leftOut.add(p.id() + " " + p.name()); // impossible coordinates in the source data
                continue;
            }
            pts.add(new double[]{round4(lon), round4(lat)});
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "bundled gazetteer (sy-places.tsv): Wikipedia contributors CC BY-SA 4.0, GeoNames CC BY 4.0");
        m.put("places", pts);
        m.put("left_out", leftOut);
        m.put("hull", convexHull(pts));
        return m;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** Andrew's monotone chain; the hull counter-clockwise, not closed. */
    static List<double[]> convexHull(List<double[]> points) {
        List<double[]> p = new ArrayList<>(points);
        p.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        if (p.size() < 3) {
            return p;
        }
        double[][] h = new double[2 * p.size()][];
        int k = 0;
        for (double[] q : p) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], q) <= 0) {
                k--;
            }
            h[k++] = q;
        }
        for (int i = p.size() - 2, t = k + 1; i >= 0; i--) {
            double[] q = p.get(i);
            while (k >= t && cross(h[k - 2], h[k - 1], q) <= 0) {
                k--;
            }
            h[k++] = q;
        }
        return new ArrayList<>(java.util.Arrays.asList(h).subList(0, k - 1));
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> page(String name, List<?> items, Page<?> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name, items);
        m.put("total", p.total());
        m.put("limit", p.limit());
        m.put("offset", p.offset());
        return m;
    }

    private static void allow(Context ctx, Set<String> names) {
        for (String k : ctx.queryParamMap().keySet()) {
            if (!names.contains(k)) {
                throw new BadFilterException(k, "unknown parameter; this endpoint takes " + new java.util.TreeSet<>(names));
            }
        }
    }

    private static int limit(Context ctx) {
        return ctx.queryParam("limit") == null ? DEFAULT_LIMIT : intParam(ctx, "limit", 1, MAX_LIMIT);
    }

    private static int offset(Context ctx) {
        return ctx.queryParam("offset") == null ? 0 : intParam(ctx, "offset", 0, Integer.MAX_VALUE);
    }

    private static int intParam(Context ctx, String name, int min, int max) {
        String v = ctx.queryParam(name);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadFilterException(name, "expected a whole number from " + min + " to " + max + ", got '" + v + "'");
        }
    }

    /**
     * The request body, read up to {@code maxBody} + 1 bytes: over the limit is 413 whether the length was declared or
     * the body came chunked (Javalin's own limit looks at the declared length only, and read a chunked body whole).
     */
    private byte[] body(Context ctx) {
        if (ctx.contentLength() > maxBody) {
            throw new ApiError(413, "payload_too_large", "the body is over the limit of " + maxBody + " bytes");
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        } catch (java.io.IOException e) {
            throw new ApiError(400, "bad_body", "cannot read the body: " + e.getMessage());
        }
        if (body.length > maxBody) {
            throw new ApiError(413, "payload_too_large", "the body is over the limit of " + maxBody + " bytes");
        }
        return body;
    }

    private static Map<String, Object> parseObject(byte[] body) {
        try {
            Object o = JSON.readValue(utf8(body), new TypeReference<Object>() {
            });
            if (o instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                return m;
            }
            throw new ApiError(400, "bad_body", "expected a JSON object");
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "bad_body", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiError(400, "bad_body", "the body is not valid UTF-8");
        }
    }

    private static void json(Context ctx, int status, Object body) {
        json(ctx, status, body, "application/json");
    }

    private static void json(Context ctx, int status, Object body, String type) {
        try {
            ctx.status(status).contentType(type).result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(Context ctx, int status, String error, String detail) {
        ctx.attribute("frontline.error", Boolean.TRUE);
        if (status == 413) {
            ctx.header("Connection", "close"); // do not read (and discard) the rest of an oversized body
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("detail", detail);
        json(ctx, status, m);
    }

    /** An error answered with its status and a JSON body. */
    static final class ApiError extends RuntimeException {
        final int status;
        final String error;

        ApiError(int status, String error, String detail) {
            super(detail);
            this.status = status;
            this.error = error;
        }
    }
}
