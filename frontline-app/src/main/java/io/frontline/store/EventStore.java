package io.frontline.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store: reports, their events with evidence spans, claims and review actions. One implementation,
 * {@link JdbcEventStore}, serves embedded H2 and PostgreSQL.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Writes one report with its events, evidence and claims in one transaction; a report whose content (SHA-256
     * of its text) is already stored is left as is and reported with {@code stored=false}.
     */
    IngestResult save(ReportDoc doc);

    /**
     * Writes many reports, one result each in order: as {@link #save} would, but in as few transactions as the store
     * can (each all or nothing). A copy of a text earlier in the list is stored once. A report the store cannot hold is
     * refused ({@link IngestResult#refused()}) without losing the others; a failure of the store itself is thrown.
     */
    default List<IngestResult> saveAll(List<ReportDoc> docs) {
        return docs.stream().map(this::save).toList();
    }

    /** The id of the stored report with this content hash (SHA-256 of its text), if any: re-ingesting skips extraction. */
    Optional<String> reportIdByHash(String contentHash);

    /** Reports, newest stored first: id, file, title, publisher, source, published, event_count, claim_count, ingested_at. */
    Page<Map<String, Object>> reports(int limit, int offset);

    /** One report: its contract object (body included), the text it was read from ({@code text}), its events (as stored) and claims. */
    Optional<Map<String, Object>> report(String id);

    /**
     * A page of the matching events in (date, id) order, from {@code offset} or after {@code cursor} (keyset paging: the
     * {@code nextCursor} of the page before; not both). Matches are counted up to {@link JdbcEventStore#TOTAL_CAP} (or to
     * offset + limit): the total is exact below that and flagged {@code totalCapped} beyond it.
     */
    Page<StoredEvent> events(EventFilter filter, int limit, int offset, String cursor);

    default Page<StoredEvent> events(EventFilter filter, int limit, int offset) {
        return events(filter, limit, offset, null);
    }

    /** The same page with each event as the JSON text of {@link StoredEvent#json()} (the HTTP API writes these as they are). */
    default Page<String> eventsJson(EventFilter filter, int limit, int offset, String cursor) {
        Page<StoredEvent> p = events(filter, limit, offset, cursor);
        return new Page<>(p.items().stream().map(e -> JdbcEventStore.json(e.json())).toList(), p.total(), p.limit(), p.offset(),
                p.totalCapped(), p.nextCursor());
    }

    /**
     * The same page with each event as the UTF-8 bytes of {@link StoredEvent#json()}, events that {@code cache} holds
     * taken from it and the others read from the store and offered to it (null: no cache).
     */
    default Page<byte[]> eventsJson(EventFilter filter, int limit, int offset, String cursor, EventJsonCache cache) {
        Page<String> p = eventsJson(filter, limit, offset, cursor);
        return new Page<>(p.items().stream().map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList(), p.total(),
                p.limit(), p.offset(), p.totalCapped(), p.nextCursor());
    }

    /** Streams every matching event in (date, id) order without holding them all in memory. */
    void scan(EventFilter filter, Consumer<StoredEvent> sink);

    Optional<StoredEvent> event(String id);

    /**
     * The evidence spans of an event, one per field ({@code event} for the event's own sentence, then the
     * fields of its provenance): field, start, end, text, rule, confidence. Empty for an unknown event.
     */
    List<Map<String, Object>> evidence(String eventId);

    /** Claims, optionally of one report. */
    Page<Map<String, Object>> claims(String reportId, int limit, int offset);

    /**
     * Records a review and returns it. {@code correct} applies {@code fields} (see {@link JdbcEventStore#CORRECTABLE})
     * to the event; unknown event: empty.
     */
    Optional<ReviewAction> review(String eventId, String action, String reviewer, Map<String, Object> fields);

    List<ReviewAction> reviews(String eventId);

    /** The audit trail: every review action of every event, oldest first. */
    Page<ReviewAction> reviewLog(int limit, int offset);

    long eventCount();

    /**
     * The store's write version: it grows with every committed write (a report, a review, a token change), by this
     * process or any other using the same store. A negative value means the store keeps none (answers cannot be cached).
     */
    default long version() {
        return -1;
    }

    /**
     * The stored story clusters (V6): with {@code afterOrdinal} 0 every report, else every report of the stories that
     * a report stored after that ordinal belongs to; in input order.
     */
    default List<StoryMember> storyMembers(long afterOrdinal) {
        throw new UnsupportedOperationException("this store keeps no story clusters");
    }

    /** Every event (as stored, rejected ones included) of these reports, by report then sequence. */
    default List<StoredEvent> eventsOf(java.util.Collection<String> reportIds) {
        throw new UnsupportedOperationException("this store cannot list events by report");
    }

    @Override
    void close();
}
