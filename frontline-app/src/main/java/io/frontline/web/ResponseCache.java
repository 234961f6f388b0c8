package io.frontline.web;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers of read endpoints by request (path and sorted query) at one store write version, least recently used first
 * out, bounded in entries and in bytes. An answer is served only at the version it was computed at or after: when a
 * request sees a newer store version every entry is dropped, and an answer computed at an older version than the
 * newest seen is not kept. The version must be read before the answer is computed (the answer then reflects that
 * version or a newer one, never an older one).
 */
final class ResponseCache {
    /** A cached answer: status 200, its content type, the headers the endpoints set, and the body. */
    record Entry(String contentType, Map<String, String> headers, byte[] body) {
        long size() {
            long n = body.length + 64;
            for (Map.Entry<String, String> h : headers.entrySet()) {
                n += h.getKey().length() + h.getValue().length() + 16;
            }
            return n;
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long version = Long.MIN_VALUE;
    private long bytes;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    ResponseCache(int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a response cache needs room for at least one entry");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The answer to {@code key} at store version {@code storeVersion}, or null. */
    synchronized Entry get(String key, long storeVersion) {
        advance(storeVersion);
        Entry e = storeVersion == version ? entries.get(key) : null;
        (e == null ? misses : hits).incrementAndGet();
        return e;
    }

    /** Keeps an answer computed after reading {@code storeVersion}; ignored when a newer version has been seen since. */
    synchronized void put(String key, long storeVersion, Entry e) {
        advance(storeVersion);
        if (storeVersion != version || e.size() > maxBytes) {
            return;
        }
        Entry old = entries.put(key, e);
        if (old != null) {
            bytes -= old.size();
        }
        bytes += e.size();
        Iterator<Entry> it = entries.values().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
            bytes -= it.next().size();
            it.remove();
        }
    }

    private void advance(long storeVersion) {
        if (storeVersion > version) {
            entries.clear();
            bytes = 0;
            version = storeVersion;
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
