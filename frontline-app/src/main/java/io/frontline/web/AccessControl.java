package io.frontline.web;

import io.frontline.store.TokenStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access to the API: bearer tokens for writes (and for reads with {@code privateReads}), and a token-bucket rate limit
 * per client IP, one bucket for reads and one for writes. Runs before every request; the token's name is left in the
 * request attribute {@link #PRINCIPAL}. Only paths under {@code /api/} need a token: the page and its scripts are public.
 */
public final class AccessControl {
    public static final String PRINCIPAL = "frontline.principal";
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.DELETE, HandlerType.PATCH);
    /** How long the token rows are cached: a revocation made by another process takes effect within this time. */
    private static final long TOKEN_CACHE_NANOS = 2_000_000_000L;

    private final TokenStore tokens;
    private final boolean privateReads;
    private final double readsPerSecond;
    private final double writesPerSecond;
    private final Map<String, Bucket> readBuckets = new ConcurrentHashMap<>();
    private final Map<String, Bucket> writeBuckets = new ConcurrentHashMap<>();
    private volatile List<TokenStore.TokenInfo> cached;
    private volatile long cachedAt;

    /**
     * @param tokens         the token table; null: no authentication at all (open mode)
     * @param privateReads   reads need a token too
     * @param readsPerSecond reads allowed per client IP and second (burst of one second's worth); 0: no limit
     * @param writesPerSecond the same for writes
     */
    public AccessControl(TokenStore tokens, boolean privateReads, double readsPerSecond, double writesPerSecond) {
        this.tokens = tokens;
        this.privateReads = privateReads;
        this.readsPerSecond = readsPerSecond;
        this.writesPerSecond = writesPerSecond;
    }

    /** No authentication and no rate limit (tests and embedding). */
    public static AccessControl open() {
        return new AccessControl(null, false, 0, 0);
    }

    public boolean authenticating() {
        return tokens != null;
    }

    void check(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        boolean write = WRITES.contains(ctx.method());
        double rate = write ? writesPerSecond : readsPerSecond;
        if (rate > 0) {
            Map<String, Bucket> buckets = write ? writeBuckets : readBuckets;
            if (buckets.size() > 100_000) {
                buckets.clear(); // many client addresses: forget them rather than grow without bound
            }
            long wait = buckets.computeIfAbsent(ctx.ip(), k -> new Bucket(rate)).take();
            if (wait > 0) {
                long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
                ctx.header("Retry-After", String.valueOf(seconds));
                throw new ApiServer.ApiError(429, "too_many_requests", "over the limit of " + fmt(rate) + " "
                        + (write ? "writes" : "reads") + " per second from " + ctx.ip() + "; retry after " + seconds + " s");
            }
        }
        if (tokens == null || !ctx.path().startsWith("/api/") || !(write || privateReads)) {
            return;
        }
        String h = ctx.header("Authorization");
        if (h == null || h.isBlank()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"frontline\"");
            throw new ApiServer.ApiError(401, "unauthorized", (write ? "writes" : "reads") + " need a token: send the header "
                    + "'Authorization: Bearer TOKEN' (create one with 'frontline token create NAME')");
        }
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"frontline\", error=\"invalid_request\"");
            throw new ApiServer.ApiError(401, "unauthorized", "the Authorization header must be 'Bearer TOKEN'");
        }
        String token = h.substring(7).trim();
        Optional<TokenStore.TokenInfo> who = tokens().stream().filter(t -> t.matches(token)).findFirst();
        if (who.isEmpty()) {
            throw new ApiServer.ApiError(403, "forbidden", "the token is unknown; ask for one ('frontline token create NAME')");
        }
        if (!who.get().active()) {
            throw new ApiServer.ApiError(403, "forbidden", "the token '" + who.get().name() + "' was revoked on "
                    + who.get().revokedAt() + "; ask for a new one");
        }
        ctx.attribute(PRINCIPAL, who.get().name());
    }

    private List<TokenStore.TokenInfo> tokens() {
        long now = System.nanoTime();
        List<TokenStore.TokenInfo> c = cached;
        if (c == null || now - cachedAt > TOKEN_CACHE_NANOS) {
            synchronized (this) {
                if (cached == null || now - cachedAt > TOKEN_CACHE_NANOS) {
                    cached = tokens.list();
                    cachedAt = System.nanoTime();
                }
                c = cached;
            }
        }
        return c;
    }

    /** Forgets cached token rows (after creating or revoking one in this process). */
    public void refresh() {
        cached = null;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A token bucket: {@code rate} tokens a second, holding at most one second's worth. */
    static final class Bucket {
        private final double rate;
        private double level;
        private long last = System.nanoTime();

        Bucket(double rate) {
            this.rate = rate;
            this.level = Math.max(1, rate);
        }

        /** Takes one token: 0 when granted, else nanoseconds until one is available. */
        synchronized long take() {
            long now = System.nanoTime();
            level = Math.min(Math.max(1, rate), level + (now - last) * rate / 1e9);
            last = now;
            if (level >= 1) {
                level -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - level) / rate * 1e9);
        }
    }
}
