package io.frontline.web;

import io.frontline.store.EventFilter;
import io.frontline.store.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers of read endpoints by request (path and sorted query) at one store write version, least recently used first
 * out, bounded in entries and in bytes. Every entry is valid at the newest version seen: when a request sees a newer
 * store version, the entries the writes in between may have changed are dropped, and an answer computed at an older
 * version than the newest seen is not kept. The version must be read before the answer is computed (the answer then
 * reflects that version or a newer one, never an older one).
 * <p>
 * Which entries a write may change: the writes of this server are recorded ({@link #beginWrite}, {@link #endWrite})
 * with the events they added or changed, as they were and as they are; an event listing whose filter matches none of
 * them stays, and so does a capped page with a next page when the write only added matches dated after it. Every other entry, and every entry after a write this server did not record (another process, a token
 * change, two writes at once), is dropped.
 */
final class ResponseCache {
    /**
     * A cached answer: status 200, its content type, the headers the endpoints set, the body, and for an event listing
     * its filter (null: any write may change the answer).
     */
    record Entry(String contentType, Map<String, String> headers, byte[] body, EventFilter filter, LocalDate pageEnd) {
        Entry(String contentType, Map<String, String> headers, byte[] body) {
            this(contentType, headers, body, null, null);
        }

        Entry(String contentType, Map<String, String> headers, byte[] body, EventFilter filter) {
            this(contentType, headers, body, filter, null);
        }

        long size() {
            long n = body.length + 64;
            for (Map.Entry<String, String> h : headers.entrySet()) {
                n += h.getKey().length() + h.getValue().length() + 16;
            }
            return n;
        }

        /**
         * Whether a write may change this answer: an event it added or changed matches the filter, unless it is a new
         * event dated after {@code pageEnd} (set for a page whose total is capped and that has a next page: the page,
         * its total and its cursor stay the same when a match is added after it).
         */
        boolean touchedBy(Write w) {
            if (filter == null) {
                return true;
            }
            for (StoredEvent e : w.events()) {
                if (filter.mayMatch(e) && !(w.added() && pageEnd != null && after(e, pageEnd))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean after(StoredEvent e, LocalDate end) {
            Object d = e.contract().get("event_date");
            try {
                return d != null && LocalDate.parse(d.toString()).isAfter(end);
            } catch (java.time.format.DateTimeParseException x) {
                return false;
            }
        }
    }

    /** A recorded write of this server: the events it added ({@code added}) or changed, as they were and as they are. */
    record Write(List<StoredEvent> events, boolean added) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long version = Long.MIN_VALUE;
    private long bytes;
    /** The events of this server's recorded writes, by the store version each made. */
    private final TreeMap<Long, Write> recorded = new TreeMap<>();
    /** Writes of this server begun and not yet recorded: a newer version may be one of them. */
    private int writing;
    private static final int MAX_RECORDED = 10_000;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    /**
     * Events of listings by id as their JSON (UTF-8), valid at {@link #version} like the answers: a recorded write
     * drops the events it changed (a review; the events a report adds are new), an unrecorded one drops them all.
     */
    private final LinkedHashMap<String, byte[]> events = new LinkedHashMap<>(1024, 0.75f, true);
    private final long maxEventBytes;
    private long eventBytes;
    private final AtomicLong eventHits = new AtomicLong();
    private final AtomicLong eventMisses = new AtomicLong();

    ResponseCache(int maxEntries, long maxBytes) {
        this(maxEntries, maxBytes, 0);
    }

    /** {@code maxEventBytes}: at most this many bytes of events' JSON kept by id (0: none). */
    ResponseCache(int maxEntries, long maxBytes, long maxEventBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a response cache needs room for at least one entry");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxEventBytes = Math.max(0, maxEventBytes);
    }

    /** What an event's JSON is counted as: its bytes, its id and the map entry. */
    private static long eventSize(String id, byte[] json) {
        return json.length + 2L * id.length() + 96;
    }

    /**
     * The events' JSON as seen at store version {@code storeVersion}, which the caller read before reading the store:
     * null when no event is kept. Events are taken while that is the newest version seen, and kept only then.
     */
    io.frontline.store.EventJsonCache events(long storeVersion) {
        if (maxEventBytes == 0) {
            return null;
        }
        return new io.frontline.store.EventJsonCache() {
            @Override
            public byte[][] get(List<String> ids) {
                byte[][] out = new byte[ids.size()][];
                int found = 0;
                synchronized (ResponseCache.this) {
                    if (advance(storeVersion) && storeVersion == version) {
                        for (int i = 0; i < out.length; i++) {
                            out[i] = events.get(ids.get(i));
                            found += out[i] == null ? 0 : 1;
                        }
                    }
                }
                eventHits.addAndGet(found);
                eventMisses.addAndGet(out.length - found);
                return out;
            }

            @Override
            public void put(List<String> ids, List<byte[]> json) {
                synchronized (ResponseCache.this) {
                    if (!advance(storeVersion) || storeVersion != version) {
                        return;
                    }
                    for (int i = 0; i < ids.size(); i++) {
                        String id = ids.get(i);
                        byte[] b = json.get(i);
                        if (id == null || b == null || eventSize(id, b) > maxEventBytes) {
                            continue;
                        }
                        byte[] old = events.put(id, b);
                        if (old != null) {
                            eventBytes -= eventSize(id, old);
                        }
                        eventBytes += eventSize(id, b);
                    }
                    Iterator<Map.Entry<String, byte[]>> it = events.entrySet().iterator();
                    while (eventBytes > maxEventBytes && it.hasNext()) {
                        Map.Entry<String, byte[]> e = it.next();
                        eventBytes -= eventSize(e.getKey(), e.getValue());
                        it.remove();
                    }
                }
            }
        };
    }

    /** The answer to {@code key} at store version {@code storeVersion}, or null. */
    synchronized Entry get(String key, long storeVersion) {
        Entry e = advance(storeVersion) && storeVersion == version ? entries.get(key) : null;
        (e == null ? misses : hits).incrementAndGet();
        return e;
    }

    /** Keeps an answer computed after reading {@code storeVersion}; ignored when a newer version has been seen since. */
    synchronized void put(String key, long storeVersion, Entry e) {
        if (!advance(storeVersion) || storeVersion != version || e.size() > maxBytes) {
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

    /** A write of this server begins: until it is recorded, a newer store version is not applied. */
    synchronized void beginWrite() {
        writing++;
    }

    /**
     * The write begun last ended: the store version was {@code before} when it began and {@code after} when it ended;
     * {@code written}: what it wrote, null when it wrote nothing. It is recorded when it made exactly the one version
     * between (no other write came in between).
     */
    synchronized void endWrite(long before, long after, Write written) {
        writing--;
        if (written != null && after == before + 1) {
            recorded.put(after, written);
            if (recorded.size() > MAX_RECORDED) {
                recorded.pollFirstEntry(); // not applied by any read yet: the version becomes unknown, and clears the cache
            }
        }
    }

    /**
     * Applies the writes up to {@code storeVersion}: the entries a recorded write may change are dropped, and all of
     * them when a version between is not recorded. False while a write of this server may be one of them.
     */
    private boolean advance(long storeVersion) {
        if (storeVersion <= version) {
            return true;
        }
        boolean known = version != Long.MIN_VALUE;
        for (long v = version + 1; known && v <= storeVersion; v++) {
            known = recorded.containsKey(v);
        }
        if (!known && writing > 0) {
            return false;
        }
        if (known) {
            for (Write written : recorded.subMap(version, false, storeVersion, true).values()) {
                if (!written.added()) {
                    for (StoredEvent e : written.events()) {
                        byte[] old = e.id() == null ? null : events.remove(e.id());
                        if (old != null) {
                            eventBytes -= eventSize(e.id(), old);
                        }
                    }
                }
                Iterator<Entry> it = entries.values().iterator();
                while (it.hasNext()) {
                    Entry e = it.next();
                    if (e.touchedBy(written)) {
                        bytes -= e.size();
                        it.remove();
                    }
                }
            }
        } else {
            entries.clear();
            bytes = 0;
            events.clear();
            eventBytes = 0;
        }
        recorded.headMap(storeVersion, true).clear();
        version = storeVersion;
        return true;
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

    /** Events of listings taken from the cache and read from the store so far. */
    long[] eventCounts() {
        return new long[]{eventHits.get(), eventMisses.get()};
    }

    synchronized int eventsKept() {
        return events.size();
    }

    synchronized long eventBytes() {
        return eventBytes;
    }

    long misses() {
        return misses.get();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
