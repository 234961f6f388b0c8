package io.frontline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The store over JDBC: embedded H2 (a file under a data directory) or PostgreSQL, one schema migrated by
 * Flyway ({@code db/migration}). Two HikariCP pools: reads borrow a read-only connection each (repeatable read, so
 * a page and its total see one snapshot) and run at the same time; every write (a report, a review) is one
 * transaction on a connection of the write pool. SQL takes values only as bound parameters.
 */
public class JdbcEventStore implements EventStore {
    /** Fields a {@code correct} review may change: contract key -> column. */
    public static final Map<String, String> CORRECTABLE = Map.ofEntries(Map.entry("event_date", "event_date"),
            Map.entry("event_type", "event_type"), Map.entry("sub_event_type", "sub_event_type"), Map.entry("actor1", "actor1"),
            Map.entry("actor2", "actor2"), Map.entry("side1", "side1"), Map.entry("side2", "side2"),
            Map.entry("location", "location"), Map.entry("admin1", "admin1"), Map.entry("admin2", "admin2"),
            Map.entry("latitude", "latitude"), Map.entry("longitude", "longitude"), Map.entry("fatalities", "fatalities"),
            Map.entry("notes", "notes"));
    public static final Set<String> ACTIONS = Set.of("confirm", "correct", "reject");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    /** An event as read: its contract object from event_documents, the rest from events (alias e). */
    private static final String EVENT_SELECT = "SELECT d.event_json, e.report_id, e.file, e.source, e.review_status, "
            + "e.ingested_at FROM events e JOIN event_documents d ON d.event_id = e.id";

    private final Object storyLock = new Object();
    private final HikariDataSource reads;
    private final HikariDataSource writes;
    private final String url;
    /** Whether the database sorts NULL before other values in ascending order (H2: yes, PostgreSQL: no). */
    private final boolean nullsFirst;
    private final boolean h2;

    protected JdbcEventStore(String url, String user, String password) {
        this.url = url;
        HikariDataSource r = null;
        HikariDataSource w = null;
        try {
            w = pool(url, user, password, "frontline-writes", writePoolSize(), false);
            Flyway.configure().dataSource(w).locations("classpath:db/migration").load().migrate();
            r = pool(url, user, password, "frontline-reads", readPoolSize(), true);
        } catch (RuntimeException e) {
            if (w != null) {
                w.close();
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            throw new StoreException("cannot open the store at " + redact(url) + ": " + cause.getMessage(), e);
        }
        reads = r;
        writes = w;
        h2 = url.startsWith("jdbc:h2:");
        try (Connection c = reads.getConnection()) {
            nullsFirst = c.getMetaData().nullsAreSortedLow() || c.getMetaData().nullsAreSortedAtStart();
            c.rollback();
        } catch (SQLException e) {
            close();
            throw new StoreException("cannot open the store at " + redact(url) + ": " + e.getMessage(), e);
        }
        synchronized (storyLock) {
            try (Connection c = writes.getConnection()) {
                long t0 = System.nanoTime();
                int clustered = StoryIndex.backfill(c, statements(c), 500); // stores from before V6: their reports' stories, once
                if (clustered > 0) {
                    System.err.printf(Locale.ROOT, "frontline: clustered %d stored reports into stories (once, V6) in %.1f s%n",
                            clustered, (System.nanoTime() - t0) / 1e9);
                }
            } catch (SQLException e) {
                close();
                throw new StoreException("cannot cluster the stored reports of " + redact(url) + ": " + e.getMessage(), e);
            }
        }
        if (h2) {
            widenWriteBuffer(writes);
        }
    }

    /**
     * H2 (embedded, this process holding the file): how much changed B-tree memory H2 lets a transaction pile up before it
     * writes the changed pages to the file in the middle of that transaction. H2 2.3 fixes this at 19 MB
     * ({@code MVStore.autoCommitMemory}, no setting reaches it) and counts every touched page and its parents once per
     * row written, so a batch of 200 reports (10 events each, eleven index entries per event) passed it after every ~7
     * reports: the pages of every index were serialised ~30 times per transaction, and once more at the commit after
     * the commit had marked its entries again (500 MB written for 20,000 events). Raised to {@link #writeBuffer()}, a
     * batch's pages are written once, at its commit (126 MB). Durability is unchanged: a commit still writes everything
     * before it returns ({@code WRITE_DELAY=0}); what is not written before a commit is uncommitted and rolled back after
     * a crash either way. The real memory of the changed pages stays below the counted one. Another process's server
     * ({@code AUTO_SERVER}) or a future H2 without the field: H2's default is kept.
     */
    private static void widenWriteBuffer(HikariDataSource pool) {
        try (Connection c = pool.getConnection()) {
            if (c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal session) {
                org.h2.mvstore.MVStore mv = session.getDatabase().getStore().getMvStore();
                java.lang.reflect.Field f = org.h2.mvstore.MVStore.class.getDeclaredField("autoCommitMemory");
                f.setAccessible(true);
                int target = writeBuffer();
                if (f.getInt(mv) > 0 && f.getInt(mv) < target) {
                    f.setInt(mv, target);
                }
            }
            c.rollback();
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            // H2's default stays: correct, only slower in large transactions
        }
    }

    /** The changed memory a write transaction may hold before H2 writes pages: an eighth of the heap, 32 to 256 MB. */
    static int writeBuffer() {
        return (int) Math.max(32L << 20, Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));
    }

    /**
     * Bytes H2 has written to its file since the store was opened ({@code info.FILE_WRITE_BYTES}; the store benchmark
     * prints it: a count the machine's load does not disturb); -1 when not an embedded H2 store.
     */
    public long bytesWritten() {
        if (!h2) {
            return -1;
        }
        return read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1)) : -1L;
            }
        });
    }

    /** H2's current limit of changed memory before it writes pages (for tests); -1 when not an embedded H2 store. */
    int writeBufferInUse() {
        if (!h2) {
            return -1;
        }
        try (Connection c = writes.getConnection()) {
            try {
                return c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal session
                        ? session.getDatabase().getStore().getMvStore().getAutoCommitMemory() : -1;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Connections of the read pool: {@code FRONTLINE_DB_READ_POOL} (or {@code -Dfrontline.db.readPool}), default
     * twice the processors, at least 4. Queries on H2 run in this JVM and are CPU-bound: more connections than
     * cores only queue in the database instead of the pool.
     */
    static int readPoolSize() {
        return setting("frontline.db.readPool", "FRONTLINE_DB_READ_POOL", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** Connections of the write pool: {@code FRONTLINE_DB_WRITE_POOL} (or {@code -Dfrontline.db.writePool}), default 4. */
    static int writePoolSize() {
        return setting("frontline.db.writePool", "FRONTLINE_DB_WRITE_POOL", 4);
    }

    private static int setting(String property, String env, int dflt) {
        String v = System.getProperty(property, System.getenv(env));
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StoreException(env + " must be a whole number from 1 to 1000, got '" + v + "'", null);
    }

    private static HikariDataSource pool(String url, String user, String password, String name, int size, boolean readOnly) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password == null ? "" : password);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(1);
        c.setAutoCommit(false);
        c.setReadOnly(readOnly);
        c.setTransactionIsolation(readOnly ? "TRANSACTION_REPEATABLE_READ" : "TRANSACTION_READ_COMMITTED");
        // a store that cannot be reached is reported at once
        c.setInitializationFailTimeout(1);
        return new HikariDataSource(c);
    }

    /** Opens (and creates or migrates) a store: a JDBC URL, e.g. {@code jdbc:postgresql://host/db} or {@code jdbc:h2:...}. */
    public static JdbcEventStore open(String url, String user, String password) {
        return new JdbcEventStore(url, user, password);
    }

    /** The embedded H2 store in {@code dir}, created on first use. */
    public static JdbcEventStore embedded(Path dir) {
        return new JdbcEventStore(h2Url(dir), "sa", "");
    }

    /** Statements of one connection's use, prepared once each (Hikari closes them when the connection returns). */
    private static StoryIndex.Statements statements(Connection conn) {
        Map<String, PreparedStatement> cache = new HashMap<>();
        return sql -> {
            PreparedStatement ps = cache.get(sql);
            if (ps == null) {
                ps = conn.prepareStatement(sql);
                cache.put(sql, ps);
            }
            return ps;
        };
    }

    public static String h2Url(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        // H2's page cache (KB): a quarter of the heap, at most 1 GB (the default, 64 MB, holds too little of a large store)
        long cacheKb = Math.max(65_536, Math.min(1L << 20, Runtime.getRuntime().maxMemory() / 4 / 1024));
        // QUERY_CACHE_SIZE: parsed statements kept per connection (default 8): a pooled connection serves the inserts of a
        // report and varied queries, and re-parsing the 40-column INSERT costs as much as running it.
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process loses no committed report
        // (with H2's default delay of 500 ms, IngestCrashTest once found none of 40 committed reports after a SIGKILL)
        // AUTO_COMPACT_FILL_RATE=0: H2 2.3.232 does not move or rewrite chunks to compact the file while it runs. With its
        // default (90) a SIGKILL during ingest in batches of 10 left a file H2 could not open ("File corrupted while
        // reading record", MVStoreException "Double mark", h2database issue #2752) in 3 of 4 IngestCrashTest runs, and in
        // none of 6 with 0 (nor in 3 of one report per transaction with the default). Space of dead chunks is still reused.
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("frontline") + ";AUTO_SERVER=TRUE;CACHE_SIZE=" + cacheKb
                + ";QUERY_CACHE_SIZE=64;WRITE_DELAY=0;AUTO_COMPACT_FILL_RATE=0";
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)password=[^&;]*", "password=***");
    }

    public String url() {
        return redact(url);
    }

    // ---------------------------------------------------------------- writes

    @Override
    public IngestResult save(ReportDoc doc) {
        return write(List.of(doc)).get(0);
    }

    /**
     * Writes reports in one transaction (ingest's batches): the reports already stored and the later copies of a text
     * within the batch are left out (content hash), every other report is written with JDBC batches (one per table,
     * statements prepared once), clustered into stories in input order, and the write version is bumped once. If the
     * transaction fails, nothing of it is kept and the reports are written again one per transaction: a report the store
     * refuses (a value the schema cannot hold) then has a result naming it ({@link IngestResult#refused()}) and the others
     * are stored. A failure of the store itself (connection, disk, shutdown) is thrown.
     */
    @Override
    public List<IngestResult> saveAll(List<ReportDoc> docs) {
        if (docs.isEmpty()) {
            return List.of();
        }
        try {
            return write(docs);
        } catch (StoreException failure) {
            if (storeFailure(failure)) {
                throw failure;
            }
            if (docs.size() == 1) {
                return List.of(IngestResult.refused(docs.get(0).id(), failure.getMessage()));
            }
            // nothing of the batch was kept: each report again in a transaction of its own
            List<IngestResult> out = new ArrayList<>(docs.size());
            for (ReportDoc d : docs) {
                out.addAll(saveAll(List.of(d)));
            }
            return out;
        }
    }

    /** Whether a failure is the store's (unreachable, closed, out of space), not one report's. */
    private static boolean storeFailure(StoreException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                // connection (08), resources (53), operator intervention (57), system (58); H2: database closed or
                // connection broken (90098, 90121, 90067), file corrupted or not writable (90030, 90028), lock timeout (HYT00)
                return state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("58")
                        || Set.of("90098", "90121", "90067", "90030", "90028", "HYT00").contains(state);
            }
        }
        return false;
    }

    /** One transaction: the reports of {@code docs} not stored yet, or the whole of it fails (a StoreException naming the input). */
    private List<IngestResult> write(List<ReportDoc> docs) {
        String what = docs.size() == 1 ? docs.get(0).file()
                : "a batch of " + docs.size() + " reports (" + docs.get(0).file() + " to " + docs.get(docs.size() - 1).file() + ")";
        IngestResult[] out = new IngestResult[docs.size()];
        SQLException failure;
        try (Connection conn = writes.getConnection()) {
            try {
                StoryIndex.Statements st = statements(conn);
                List<ReportDoc> fresh = fresh(st, docs, out);
                if (fresh.isEmpty()) {
                    conn.commit();
                    return List.of(out);
                }
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
                insertReports(st, fresh, now);
                insertEvents(st, fresh, now);
                insertClaims(st, fresh);
                // the story index numbers reports MAX + 1 and must see every report written before: one writer at a time
                // from the clustering to the commit
                synchronized (storyLock) {
                    StoryIndex.Ordinals ordinals = new StoryIndex.Ordinals(st);
                    for (ReportDoc d : fresh) {
                        StoryIndex.add(conn, st, ordinals, storyReport(d), str(d.report().get("body")));
                    }
                    for (ReportDoc d : fresh) {
                        beforeCommit(d);
                    }
                    bumpVersion(conn);
                    conn.commit();
                }
                return List.of(out);
            } catch (SQLException | RuntimeException e) {
                // the statements are closed with the connection's use: no half-filled batch reaches the next transaction
                rollback(conn);
                if (e instanceof StoreException se) {
                    throw se;
                }
                if (e instanceof RuntimeException re) {
                    throw new StoreException("cannot store " + what + ": " + e.getMessage(), re);
                }
                failure = (SQLException) e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store " + what + ": " + e.getMessage(), e);
        }
        // another writer stored the same text between the check and the insert: the content hash is unique
        if (docs.size() == 1 && isUniqueViolation(failure) && exists(docs.get(0).contentHash())) {
            return List.of(new IngestResult(docs.get(0).id(), false, 0));
        }
        throw new StoreException("cannot store " + what + ": " + failure.getMessage(), failure);
    }

    /** Content hashes looked up per query: a fixed number of parameters, so the statement is prepared once. */
    private static final int HASHES_PER_QUERY = 50;
    private static final String STORED_HASHES = "SELECT content_hash, id FROM reports WHERE content_hash IN ("
            + String.join(", ", java.util.Collections.nCopies(HASHES_PER_QUERY, "?")) + ")";

    /**
     * The reports of {@code docs} to write: neither stored already nor a copy of a report before them in {@code docs};
     * fills {@code out} with every report's result.
     */
    private static List<ReportDoc> fresh(StoryIndex.Statements st, List<ReportDoc> docs, IngestResult[] out) throws SQLException {
        Map<String, String> known = new HashMap<>();
        PreparedStatement ps = st.prepared(STORED_HASHES);
        for (int from = 0; from < docs.size(); from += HASHES_PER_QUERY) {
            for (int i = 0; i < HASHES_PER_QUERY; i++) {
                // a short last chunk repeats its first hash
                ps.setString(i + 1, docs.get(from + (from + i < docs.size() ? i : 0)).contentHash());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<ReportDoc> fresh = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            ReportDoc d = docs.get(i);
            String id = known.get(d.contentHash());
            if (id != null) {
                out[i] = new IngestResult(id, false, 0);
            } else {
                known.put(d.contentHash(), d.id()); // a later copy in this batch is the same report
                fresh.add(d);
                out[i] = new IngestResult(d.id(), true, d.events().size());
            }
        }
        return fresh;
    }

    /** A report as the story index takes it. */
    private static io.frontline.ingest.Report storyReport(ReportDoc d) {
        Map<String, Object> r = d.report();
        String published = str(r.get("published"));
        return StoryIndex.report(d.id(), d.file(), str(r.get("title")), str(r.get("publisher")), str(r.get("original_source")),
                published == null ? null : LocalDate.parse(published), str(r.get("url")));
    }

    /** Called after every row of a report is written and before the commit; tests inject failures here. */
    protected void beforeCommit(ReportDoc doc) throws SQLException {
    }

    private boolean exists(String hash) {
        try {
            return reportIdByHash(hash).isPresent();
        } catch (StoreException e) {
            return false;
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "23000".equals(state);
    }

    private static void rollback(Connection conn) {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private static final String INSERT_REPORT = "INSERT INTO reports (id, content_hash, file, title, publisher, "
            + "original_source, source, published, event_count, claim_count, report_json, text, ingested_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO events (id, report_id, seq, event_date, time_precision, "
            + "event_type, sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, side1, side2, inter1, inter2, "
            + "location, admin1, admin2, latitude, longitude, geo_precision, fatalities, status, attribution, notes, "
            + "confidence, location_status, place_id, place_name, modality, evidence_start, evidence_end, evidence_text, "
            + "evidence_rule, evidence_confidence, source, file, review_status, ingested_at, geo_cell) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?)";
    /** Since V10 the provenance column stays NULL: the contract object holds the provenance ({@link #evidence} reads it there). */
    private static final String INSERT_EVENT_DOCUMENT = "INSERT INTO event_documents (event_id, event_json) VALUES (?, ?)";
    private static final String INSERT_CLAIM = "INSERT INTO claims (report_id, seq, status, attribution, text, subject, "
            + "evidence_start, evidence_end, evidence_text, evidence_rule, evidence_confidence) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final List<String> EVENT_ACTORS = List.of("event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
            "assoc_actor_2", "side1", "side2");
    private static final List<String> EVENT_PLACE = List.of("location", "admin1", "admin2");
    private static final List<String> EVENT_STATUS = List.of("status", "attribution", "notes");
    private static final List<String> EVENT_LOCATION = List.of("location_status", "place_id", "place_name", "modality");

    private static void insertReports(StoryIndex.Statements st, List<ReportDoc> docs, OffsetDateTime now) throws SQLException {
        PreparedStatement ps = st.prepared(INSERT_REPORT);
        for (ReportDoc d : docs) {
            Map<String, Object> r = d.report();
            ps.setString(1, d.id());
            ps.setString(2, d.contentHash());
            ps.setString(3, d.file());
            ps.setString(4, str(r.get("title")));
            ps.setString(5, str(r.get("publisher")));
            ps.setString(6, str(r.get("original_source")));
            ps.setString(7, d.source());
            setDate(ps, 8, str(r.get("published")));
            ps.setInt(9, d.events().size());
            ps.setInt(10, d.claims().size());
            ps.setString(11, json(r));
            ps.setString(12, d.text());
            ps.setObject(13, now);
            ps.addBatch();
        }
        ps.executeBatch();
    }

    @SuppressWarnings("unchecked")
    private static void insertEvents(StoryIndex.Statements st, List<ReportDoc> docs, OffsetDateTime now) throws SQLException {
        PreparedStatement ps = st.prepared(INSERT_EVENT);
        PreparedStatement eventDocs = st.prepared(INSERT_EVENT_DOCUMENT);
        int rows = 0;
        for (ReportDoc d : docs) {
            int seq = 0;
            for (Map<String, Object> e : d.events()) {
                String id = str(e.get("event_id"));
                Map<String, Object> ev = (Map<String, Object>) e.getOrDefault("evidence", Map.of());
                int i = 0;
                ps.setString(++i, id);
                ps.setString(++i, d.id());
                ps.setInt(++i, seq++);
                setDate(ps, ++i, str(e.get("event_date")));
                setInt(ps, ++i, e.get("time_precision"));
                i = setStrings(ps, i, e, EVENT_ACTORS);
                setInt(ps, ++i, e.get("inter1"));
                setInt(ps, ++i, e.get("inter2"));
                i = setStrings(ps, i, e, EVENT_PLACE);
                setDouble(ps, ++i, e.get("latitude"));
                setDouble(ps, ++i, e.get("longitude"));
                setInt(ps, ++i, e.get("geo_precision"));
                setInt(ps, ++i, e.get("fatalities"));
                i = setStrings(ps, i, e, EVENT_STATUS);
                setDouble(ps, ++i, e.get("confidence"));
                i = setStrings(ps, i, e, EVENT_LOCATION);
                setInt(ps, ++i, ev.get("start"));
                setInt(ps, ++i, ev.get("end"));
                ps.setString(++i, str(ev.get("text")));
                ps.setString(++i, str(ev.get("rule")));
                setDouble(ps, ++i, ev.get("confidence"));
                ps.setString(++i, d.source());
                ps.setString(++i, d.file());
                ps.setString(++i, "unreviewed");
                ps.setObject(++i, now);
                Integer cell = GeoGrid.cell(e.get("latitude"), e.get("longitude"));
                if (cell == null) {
                    ps.setNull(++i, Types.INTEGER);
                } else {
                    ps.setInt(++i, cell);
                }
                ps.addBatch();
                eventDocs.setString(1, id);
                eventDocs.setString(2, json(e));
                eventDocs.addBatch();
                rows++;
            }
        }
        if (rows > 0) {
            ps.executeBatch();
            eventDocs.executeBatch();
        }
    }

    /** Binds the string values of {@code keys} after parameter {@code i}; returns the last parameter bound. */
    private static int setStrings(PreparedStatement ps, int i, Map<String, Object> values, List<String> keys) throws SQLException {
        for (String k : keys) {
            ps.setString(++i, str(values.get(k)));
        }
        return i;
    }

    @SuppressWarnings("unchecked")
    private static void insertClaims(StoryIndex.Statements st, List<ReportDoc> docs) throws SQLException {
        PreparedStatement ps = st.prepared(INSERT_CLAIM);
        int rows = 0;
        for (ReportDoc d : docs) {
            int seq = 0;
            for (Map<String, Object> c : d.claims()) {
                Map<String, Object> ev = (Map<String, Object>) c.getOrDefault("evidence", Map.of());
                ps.setString(1, d.id());
                ps.setInt(2, seq++);
                ps.setString(3, str(c.get("status")));
                ps.setString(4, str(c.get("attribution")));
                ps.setString(5, str(c.get("text")));
                ps.setString(6, str(c.get("subject")));
                setInt(ps, 7, ev.get("start"));
                setInt(ps, 8, ev.get("end"));
                ps.setString(9, str(ev.get("text")));
                ps.setString(10, str(ev.get("rule")));
                setDouble(ps, 11, ev.get("confidence"));
                ps.addBatch();
                rows++;
            }
        }
        if (rows > 0) {
            ps.executeBatch();
        }
    }

    @Override
    public Optional<ReviewAction> review(String eventId, String action, String reviewer, Map<String, Object> fields) {
        if (!ACTIONS.contains(action)) {
            throw new BadFilterException("action", "'" + action + "' is not one of confirm, correct, reject");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new BadFilterException("reviewer", "is required");
        }
        Map<String, Object> f = fields == null ? Map.of() : fields;
        if (action.equals("correct") && f.isEmpty()) {
            throw new BadFilterException("fields", "a correction needs the corrected fields");
        }
        for (String k : f.keySet()) {
            if (!action.equals("correct")) {
                throw new BadFilterException("fields", "only 'correct' takes fields");
            }
            if (!CORRECTABLE.containsKey(k)) {
                throw new BadFilterException("fields", "'" + k + "' cannot be corrected; correctable: " + CORRECTABLE.keySet());
            }
        }
        try (Connection conn = writes.getConnection()) {
            try {
            Map<String, Object> contract;
            // the event's row is locked first: a review of the same event by another connection waits for this one's commit
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM events WHERE id = ? FOR UPDATE")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        conn.commit();
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT event_json FROM event_documents WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        conn.commit();
                        return Optional.empty();
                    }
                    contract = parse(rs.getString(1));
                }
            }
            String status = switch (action) {
                case "confirm" -> "confirmed";
                case "correct" -> "corrected";
                default -> "rejected";
            };
            StringBuilder sql = new StringBuilder("UPDATE events SET review_status = ?");
            List<Object> params = new ArrayList<>();
            params.add(status);
            for (Map.Entry<String, Object> c : f.entrySet()) {
                Object v = checkCorrection(c.getKey(), c.getValue());
                contract.put(c.getKey(), v instanceof LocalDate ld ? ld.toString() : v);
                sql.append(", ").append(CORRECTABLE.get(c.getKey())).append(" = ?");
                params.add(v);
            }
            if (f.containsKey("latitude") || f.containsKey("longitude")) {
                sql.append(", geo_cell = ?");
                params.add(GeoGrid.cell(contract.get("latitude"), contract.get("longitude")));
            }
            sql.append(" WHERE id = ?");
            params.add(eventId);
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                bind(ps, params);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE event_documents SET event_json = ? WHERE event_id = ?")) {
                ps.setString(1, json(contract));
                ps.setString(2, eventId);
                ps.executeUpdate();
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO review_actions (event_id, action, reviewer, fields, "
                    + "created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, eventId);
                ps.setString(2, action);
                ps.setString(3, reviewer);
                ps.setString(4, f.isEmpty() ? null : json(f));
                ps.setObject(5, now);
                ps.executeUpdate();
            }
            long id;
            // this transaction holds the event's row lock, so the newest action of the event is its own
            try (PreparedStatement ps = conn.prepareStatement("SELECT MAX(id) FROM review_actions WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            bumpVersion(conn);
            conn.commit();
            return Optional.of(new ReviewAction(id, eventId, action, reviewer, f, now));
            } catch (SQLException | RuntimeException e) {
                rollback(conn);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot review " + eventId + ": " + e.getMessage(), e);
        }
    }

    private static Object checkCorrection(String key, Object v) {
        switch (key) {
            case "event_date" -> {
                try {
                    return LocalDate.parse(String.valueOf(v));
                } catch (RuntimeException e) {
                    throw new BadFilterException("fields.event_date", "expected YYYY-MM-DD, got '" + v + "'");
                }
            }
            case "latitude", "longitude" -> {
                if (v != null && !(v instanceof Number)) {
                    throw new BadFilterException("fields." + key, "expected a number");
                }
                return v == null ? null : ((Number) v).doubleValue();
            }
            case "fatalities" -> {
                if (!(v instanceof Number n) || n.intValue() < 0) {
                    throw new BadFilterException("fields.fatalities", "expected a whole number >= 0");
                }
                return n.intValue();
            }
            default -> {
                if (v != null && !(v instanceof String)) {
                    throw new BadFilterException("fields." + key, "expected text");
                }
                return v;
            }
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<String> reportIdByHash(String contentHash) {
        return read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM reports WHERE content_hash = ?")) {
                ps.setString(1, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Page<Map<String, Object>> reports(int limit, int offset) {
        return read(conn -> {
            List<Map<String, Object>> items = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, file, title, publisher, original_source, source, published, "
                    + "event_count, claim_count, content_hash, ingested_at FROM reports ORDER BY ingested_at DESC, id LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(reportSummary(rs));
                    }
                }
            }
            return new Page<>(items, count(conn, "SELECT COUNT(*) FROM reports", List.of()), limit, offset);
        });
    }

    private static Map<String, Object> reportSummary(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getString("id"));
        m.put("file", rs.getString("file"));
        m.put("title", rs.getString("title"));
        m.put("publisher", rs.getString("publisher"));
        m.put("original_source", rs.getString("original_source"));
        m.put("source", rs.getString("source"));
        LocalDate pub = rs.getObject("published", LocalDate.class);
        m.put("published", pub == null ? null : pub.toString());
        m.put("event_count", rs.getInt("event_count"));
        m.put("claim_count", rs.getInt("claim_count"));
        m.put("content_hash", rs.getString("content_hash"));
        m.put("ingested_at", rs.getObject("ingested_at", OffsetDateTime.class).toString());
        return m;
    }

    @Override
    public Optional<Map<String, Object>> report(String id) {
        return read(conn -> {
            Map<String, Object> m;
            try (PreparedStatement ps = conn.prepareStatement("SELECT report_json, content_hash, source, ingested_at, text FROM reports WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    m = parse(rs.getString(1));
                    m.put("content_hash", rs.getString(2));
                    m.put("source", rs.getString(3));
                    m.put("ingested_at", rs.getObject(4, OffsetDateTime.class).toString());
                    // the text as read: evidence offsets with "in": "file" count code points in it, "body" ones in "body"
                    m.put("text", rs.getString(5));
                }
            }
            List<Object> events = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(EVENT_SELECT + " WHERE e.report_id = ? ORDER BY e.seq")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(storedEvent(rs).json());
                    }
                }
            }
            m.put("events", events);
            m.put("claims", claimsOf(conn, " WHERE report_id = ?", List.of(id), Integer.MAX_VALUE, 0));
            return Optional.of(m);
        });
    }

    @Override
    public Page<StoredEvent> events(EventFilter f, int limit, int offset, String cursor) {
        return page(f, limit, offset, cursor, items((r, doc) -> new StoredEvent(parse(doc), r.reportId(), r.file(), r.source(),
                r.reviewStatus(), r.storedAt())));
    }

    /**
     * The page as JSON text, each event the object {@link StoredEvent#json()} gives, written without parsing the stored
     * document into a map and serialising it again: the store's four fields are appended to the document's text.
     */
    @Override
    public Page<String> eventsJson(EventFilter f, int limit, int offset, String cursor) {
        return page(f, limit, offset, cursor, items(JdbcEventStore::eventJson));
    }

    /**
     * The page as UTF-8 JSON per event ({@link #eventsJson(EventFilter, int, int, String)}'s text); the events {@code cache}
     * holds are neither read by id nor their documents: only the page's keys are read for them.
     */
    @Override
    public Page<byte[]> eventsJson(EventFilter f, int limit, int offset, String cursor, EventJsonCache cache) {
        Items<byte[]> fromStore = items((r, doc) -> eventJson(r, doc).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (cache == null) {
            return page(f, limit, offset, cursor, fromStore);
        }
        return page(f, limit, offset, cursor, (conn, keys) -> {
            List<String> ids = new ArrayList<>(keys.size());
            for (Cursor k : keys) {
                ids.add(k.id());
            }
            byte[][] held = cache.get(ids);
            List<Cursor> missing = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if (held[i] == null) {
                    missing.add(keys.get(i));
                }
            }
            if (!missing.isEmpty()) {
                List<byte[]> read = fromStore.of(conn, missing);
                List<String> readIds = new ArrayList<>(missing.size());
                for (int i = 0, j = 0; i < keys.size(); i++) {
                    if (held[i] == null) {
                        held[i] = read.get(j++);
                        readIds.add(ids.get(i));
                    }
                }
                cache.put(readIds, read);
            }
            return java.util.Arrays.asList(held);
        });
    }

    /** An event's listing JSON: its stored document with the store's four fields appended to its text. */
    private static String eventJson(Row r, String doc) {
        String d = doc.strip();
        StringBuilder sb = new StringBuilder(d.length() + 160).append(d, 0, d.length() - 1);
        if (d.length() > 2) {
            sb.append(',');
        }
        sb.append("\"report_id\":").append(json(r.reportId())).append(",\"file\":").append(json(r.file()))
                .append(",\"source\":").append(json(r.source())).append(",\"review_status\":").append(json(r.reviewStatus()))
                .append('}');
        return sb.toString();
    }

    /** The items of a page's keys (in their order). */
    private interface Items<T> {
        List<T> of(Connection conn, List<Cursor> keys) throws SQLException;
    }

    /** Items made of each key's row and document, read by id (one query each for the rows and the documents). */
    private static <T> Items<T> items(java.util.function.BiFunction<Row, String, T> item) {
        return (conn, keys) -> {
            List<Row> rows = rowsOf(conn, keys);
            Map<String, String> docs = documents(conn, rows);
            List<T> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                out.add(item.apply(r, docs.get(r.id())));
            }
            return out;
        };
    }

    private <T> Page<T> page(EventFilter f, int limit, int offset, String cursor, Items<T> items) {
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.parse(cursor);
        if (after != null && offset != 0) {
            throw new BadFilterException("offset", "a cursor page starts after the cursor; give 'cursor' or 'offset', not both");
        }
        return read(conn -> {
            List<Branch> bs = branches(conn, f);
            // the total first, counted up to the cap (or to the offset reached): it also says which branches are dense
            int cap = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(TOTAL_CAP, (long) offset + limit));
            // on H2, with a total capped at TOTAL_CAP, the count reads the matches' keys (at most TOTAL_CAP + 1 a branch)
            boolean keys = h2 && cap == TOTAL_CAP;
            Matches m = cappedMatches(conn, bs, cap, keys);
            long[] counts = m.counts();
            long sum = 0;
            boolean[] dateOrder = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                sum += counts[i];
                dateOrder[i] = h2 && counts[i] > TOTAL_CAP;
            }
            boolean capped = sum > cap;
            long total = Math.min(sum, cap);
            // one row more than the page says whether another page follows
            long want = Math.min(Integer.MAX_VALUE, (long) limit + 1);
            // the page's keys (event_date, id) first, which the indexes hold; then only its events are read, by id
            List<Cursor> pageKeys = new ArrayList<>();
            if (keys && !capped) {
                // the count read every match's key: the page is chosen among them instead of reading the filter's
                // matches a second time (H2 compares ids as Java strings; PostgreSQL's collation may not, so there the
                // page query below orders them)
                pageKeys.addAll(keysOfPage(m.keys(), after, offset, want));
            } else if (after == null) {
                Where w = relation(bs, dateOrder, "", List.of(), offset + want);
                List<Object> params = new ArrayList<>(w.params);
                params.add((int) want);
                params.add(offset);
                // (a join lets H2 drive the query from the documents table, hence keys first and rows by id after)
                pageKeys.addAll(select(conn, "SELECT e.id, e.event_date FROM " + w.from
                        + " ORDER BY e.event_date, e.id LIMIT ? OFFSET ?", params, JdbcEventStore::key));
            } else {
                // keyset: the events after (date, id) in the database's order, where events without a date come first
                // (H2) or last (PostgreSQL); each part is one index range per branch
                boolean[] parts = nullsFirst ? new boolean[]{false, true} : new boolean[]{true, false};
                boolean dated = f.from() != null || f.to() != null;
                int start = parts[0] == (after.date() != null) ? 0 : 1;   // the part holding the cursor's event
                for (int i = start; i < 2 && pageKeys.size() < want; i++) {
                    boolean datedPart = parts[i];
                    if (!datedPart && dated) {
                        continue;
                    }
                    String extra;
                    List<Object> extraParams = new ArrayList<>();
                    if (datedPart && i == start) {
                        extra = " AND event_date >= ? AND (event_date > ? OR id > ?)";
                        extraParams.add(after.date());
                        extraParams.add(after.date());
                        extraParams.add(after.id());
                    } else if (datedPart) {
                        extra = " AND event_date IS NOT NULL";
                    } else {
                        extra = " AND event_date IS NULL" + (i == start ? " AND id > ?" : "");
                        if (i == start) {
                            extraParams.add(after.id());
                        }
                    }
                    long rest = want - pageKeys.size();
                    Where w = relation(bs, dateOrder, extra, extraParams, rest);
                    List<Object> params = new ArrayList<>(w.params);
                    params.add((int) rest);
                    pageKeys.addAll(select(conn, "SELECT e.id, e.event_date FROM " + w.from
                            + " ORDER BY e.event_date, e.id LIMIT ?", params, JdbcEventStore::key));
                }
            }
            boolean more = pageKeys.size() > limit;
            List<Cursor> shown = more ? pageKeys.subList(0, limit) : pageKeys;
            String next = more ? shown.get(shown.size() - 1).encode() : null;
            return new Page<>(items.of(conn, shown), total, limit, offset, capped, next);
        });
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> select(Connection conn, String sql, List<Object> params, RowReader<T> reader) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
        }
        return out;
    }

    /** An event's key from the columns id and event_date. */
    private static Cursor key(ResultSet rs) throws SQLException {
        return new Cursor(rs.getObject("event_date", LocalDate.class), rs.getString("id"));
    }

    @Override
    public void scan(EventFilter f, Consumer<StoredEvent> sink) {
        read(conn -> {
            Where w = relation(branches(conn, f), "", List.of(), 0);
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + PAGE_COLUMNS + " FROM " + w.from
                    + " ORDER BY e.event_date, e.id")) {
                ps.setFetchSize(1000);
                bind(ps, w.params);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                        if (rows.size() == 500) {
                            withDocuments(conn, rows).forEach(sink);
                            rows.clear();
                        }
                    }
                }
                withDocuments(conn, rows).forEach(sink);
            }
            return null;
        });
    }

    @Override
    public Optional<StoredEvent> event(String id) {
        return read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(EVENT_SELECT + " WHERE e.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storedEvent(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> evidence(String eventId) {
        // read from the event's documents: its own evidence, then its provenance by field name (code point order)
        return read(conn -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT event_json, provenance FROM event_documents WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return out;
                    }
                    Map<String, Object> contract = parse(rs.getString(1));
                    Object own = contract.get("evidence");
                    addSpan(out, "event", own instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
                    // events stored before V10 have their provenance in its own column too; later ones only in the contract
                    String column = rs.getString(2);
                    Object inContract = contract.get("provenance");
                    java.util.TreeMap<String, Object> prov = new java.util.TreeMap<>(column != null ? parse(column)
                            : inContract instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
                    for (Map.Entry<String, Object> p : prov.entrySet()) {
                        addSpan(out, p.getKey(), p.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
                    }
                }
            }
            return out;
        });
    }

    private static void addSpan(List<Map<String, Object>> out, String field, Map<String, Object> ev) {
        if (ev == null || !(ev.get("start") instanceof Number start)) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("start", start.intValue());
        m.put("end", ev.get("end") instanceof Number n ? n.intValue() : null);
        m.put("text", ev.get("text") == null ? "" : str(ev.get("text")));
        m.put("rule", str(ev.get("rule")));
        m.put("confidence", ev.get("confidence") instanceof Number c ? c.doubleValue() : null);
        out.add(m);
    }

    @Override
    public Page<Map<String, Object>> claims(String reportId, int limit, int offset) {
        return read(conn -> {
            String where = reportId == null ? "" : " WHERE report_id = ?";
            List<Object> params = reportId == null ? List.of() : List.of(reportId);
            return new Page<>(claimsOf(conn, where, params, limit, offset), count(conn, "SELECT COUNT(*) FROM claims" + where, params), limit, offset);
        });
    }

    private static List<Map<String, Object>> claimsOf(Connection conn, String where, List<Object> params, int limit, int offset) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Object> ps2 = new ArrayList<>(params);
        ps2.add(limit);
        ps2.add(offset);
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, report_id, status, attribution, text, subject, evidence_start, "
                + "evidence_end, evidence_text, evidence_rule, evidence_confidence FROM claims" + where
                + " ORDER BY report_id, seq LIMIT ? OFFSET ?")) {
            bind(ps, ps2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong("id"));
                    m.put("report_id", rs.getString("report_id"));
                    m.put("status", rs.getString("status"));
                    m.put("attribution", rs.getString("attribution"));
                    m.put("text", rs.getString("text"));
                    m.put("subject", rs.getString("subject"));
                    Map<String, Object> ev = new LinkedHashMap<>();
                    ev.put("start", rs.getObject("evidence_start"));
                    ev.put("end", rs.getObject("evidence_end"));
                    ev.put("text", rs.getString("evidence_text"));
                    ev.put("rule", rs.getString("evidence_rule"));
                    ev.put("in", "file");
                    Object c = rs.getObject("evidence_confidence");
                    if (c != null) {
                        ev.put("confidence", c);
                    }
                    m.put("evidence", ev);
                    out.add(m);
                }
            }
        }
        return out;
    }

    @Override
    public List<ReviewAction> reviews(String eventId) {
        return read(conn -> {
            List<ReviewAction> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, event_id, action, reviewer, fields, created_at "
                    + "FROM review_actions WHERE event_id = ? ORDER BY id")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String f = rs.getString("fields");
                        out.add(new ReviewAction(rs.getLong("id"), rs.getString("event_id"), rs.getString("action"),
                                rs.getString("reviewer"), f == null ? Map.of() : parse(f), rs.getObject("created_at", OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Page<ReviewAction> reviewLog(int limit, int offset) {
        return read(conn -> {
            List<ReviewAction> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, event_id, action, reviewer, fields, created_at "
                    + "FROM review_actions ORDER BY id LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String f = rs.getString("fields");
                        out.add(new ReviewAction(rs.getLong("id"), rs.getString("event_id"), rs.getString("action"),
                                rs.getString("reviewer"), f == null ? Map.of() : parse(f), rs.getObject("created_at", OffsetDateTime.class)));
                    }
                }
            }
            return new Page<>(out, count(conn, "SELECT COUNT(*) FROM review_actions", List.of()), limit, offset);
        });
    }

    @Override
    public List<StoryMember> storyMembers(long afterOrdinal) {
        return read(conn -> {
            String sql = "SELECT r.id, r.file, r.title, r.publisher, r.original_source, r.source, r.published, r.event_count, "
                    + "r.claim_count, r.content_hash, r.ingested_at, s.ordinal, s.story_id, s.url, t.origin_report_id, t.origin_source "
                    + "FROM report_stories s JOIN reports r ON r.id = s.report_id JOIN stories t ON t.id = s.story_id"
                    + (afterOrdinal > 0 ? " WHERE s.story_id IN (SELECT n.story_id FROM report_stories n WHERE n.ordinal > ?)" : "")
                    + " ORDER BY s.ordinal, r.id";
            List<StoryMember> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                if (afterOrdinal > 0) {
                    ps.setLong(1, afterOrdinal);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoryMember(rs.getString("id"), rs.getLong("ordinal"), rs.getString("story_id"),
                                rs.getString("origin_report_id"), rs.getString("origin_source"), reportSummary(rs), rs.getString("url")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<StoredEvent> eventsOf(java.util.Collection<String> reportIds) {
        return read(conn -> {
            List<StoredEvent> out = new ArrayList<>();
            List<String> ids = new ArrayList<>(reportIds);
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                StringBuilder sql = new StringBuilder(EVENT_SELECT + " WHERE e.report_id IN (");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                sql.append(") ORDER BY e.report_id, e.seq");
                try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(storedEvent(rs));
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * Increments the write version (V7's one-row table {@code store_version}) in the caller's write transaction; last
     * before the commit, so the row lock it takes is held only as long as the commit. Every process sees the new value
     * once the transaction commits.
     */
    static void bumpVersion(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE store_version SET version = version + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
    }

    @Override
    public long version() {
        return read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT version FROM store_version WHERE id = 1")) {
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
    }

    @Override
    public long eventCount() {
        return read(conn -> count(conn, "SELECT COUNT(*) FROM events", List.of()));
    }

    @Override
    public void close() {
        // connections still in use are closed when they are returned
        reads.close();
        writes.close();
    }

    // ---------------------------------------------------------------- helpers

    private interface Sql<T> {
        T run(Connection conn) throws SQLException;
    }

    /** A read on a connection of its own, in one (repeatable-read) transaction. */
    private <T> T read(Sql<T> body) {
        try (Connection conn = reads.getConnection()) {
            try {
                T t = body.run(conn);
                conn.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                rollback(conn);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    /** The columns of events that listings read before joining the documents. */
    private static final String PAGE_COLUMNS = "e.id, e.event_date, e.report_id, e.file, e.source, e.review_status, e.ingested_at";

    /** The matching events as a relation aliased {@code e} (with its WHERE), and its parameters. */
    private record Where(String from, List<Object> params) {
    }

    /** One disjoint part of a filter: a conjunction on unqualified columns of events (" AND ..." each) and its parameters. */
    private record Branch(String sql, List<Object> params) {
        Branch and(String more, List<Object> moreParams) {
            List<Object> p = new ArrayList<>(params);
            p.addAll(moreParams);
            return new Branch(sql + more, p);
        }
    }

    /** Above this many cells, a box or radius with a date range is one IN-list instead of a branch per cell. */
    static final int MAX_CELL_BRANCHES = 36;

    /** Totals are counted up to this many matches; beyond it a page says {@code total_capped}. */
    public static final int TOTAL_CAP = 200;

    /**
     * The filter as disjoint branches whose UNION ALL holds every match once, each branch able to use one index range
     * on (column, event_date, id) and so to stream its matches in page order. One condition drives the branches, the
     * first of: a box or a radius with a date range (a branch per grid cell, {@code geo_cell = ?}); a type (the stored
     * spellings of event_type, then of sub_event_type, that equal it ignoring case); a side ({@code side1 = ?}, then
     * {@code side2 = ?} and not side1); a source (the stored sources containing the text). Every other condition is
     * repeated in each branch. Null: nothing can match.
     */
    private List<Branch> branches(Connection conn, EventFilter f) throws SQLException {
        GeoGrid.Cover cover = geoCover(f);
        boolean branchCells = cover != null && cover.list() != null && cover.list().length <= MAX_CELL_BRANCHES
                && (f.from() != null || f.to() != null);
        String driver = branchCells ? "cells" : f.type() != null ? "type" : f.side() != null ? "side" : f.source() != null ? "source" : "";
        Branch rest = conditions(f, driver);
        List<Branch> out = new ArrayList<>();
        switch (driver) {
            case "cells" -> {
                for (int cell : cover.list()) {
                    out.add(new Branch(" AND geo_cell = ?", List.of(cell)));
                }
            }
            case "type" -> {
                String t = f.type().toLowerCase(Locale.ROOT);
                List<String> types = spellings(conn, "event_type", s -> s.toLowerCase(Locale.ROOT).equals(t));
                List<String> subs = spellings(conn, "sub_event_type", s -> s.toLowerCase(Locale.ROOT).equals(t));
                // a branch per spelling, each "= ?": an IN-list would use only the first column of the index, not the dates
                for (String type : types) {
                    out.add(new Branch(" AND event_type = ?", List.of(type)));
                }
                for (String sub : subs) {
                    List<Object> p = new ArrayList<>();
                    p.add(sub);
                    String notTypes = "";
                    if (!types.isEmpty()) {
                        notTypes = " AND (event_type IS NULL OR event_type NOT IN (" + marks(types.size()) + "))";
                        p.addAll(types);
                    }
                    out.add(new Branch(" AND sub_event_type = ?" + notTypes, p));
                }
                if (out.isEmpty()) {
                    return null;
                }
            }
            case "side" -> {
                out.add(new Branch(" AND side1 = ?", List.of(f.side())));
                out.add(new Branch(" AND side2 = ? AND (side1 IS NULL OR side1 <> ?)", List.of(f.side(), f.side())));
            }
            case "source" -> {
                String s = f.source().toLowerCase(Locale.ROOT);
                List<String> sources = spellings(conn, "source", v -> v.toLowerCase(Locale.ROOT).contains(s));
                if (sources.isEmpty()) {
                    return null;
                }
                if (sources.size() > MAX_CELL_BRANCHES) {
                    out.add(new Branch(" AND source IN (" + marks(sources.size()) + ")", new ArrayList<>(sources)));
                } else {
                    for (String source : sources) {
                        out.add(new Branch(" AND source = ?", List.of(source)));
                    }
                }
            }
            default -> out.add(new Branch("", List.of()));
        }
        List<Branch> all = new ArrayList<>();
        for (Branch b : out) {
            all.add(b.and(rest.sql, rest.params));
        }
        return all;
    }

    /**
     * The distinct non-null values of an indexed column that pass {@code keep}: one index seek per value (a loose
     * index scan, {@code col > ?} with the value before as a parameter), not a scan of the events. (Written as one
     * recursive query, H2 did not seek with the outer value and read the column's index from its start each step.)
     * The values are kept by store version: the next filter at the same version reads only the version.
     */
    private List<String> spellings(Connection conn, String column, java.util.function.Predicate<String> keep) throws SQLException {
        // read once per store version (V7): a type or source filter then costs one primary-key read instead of an
        // index seek per distinct value. The version is read first in this transaction, so the values read after it
        // hold every value of that version (and perhaps newer ones, which only add a branch that matches nothing)
        long version;
        try (PreparedStatement ps = conn.prepareStatement("SELECT version FROM store_version WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            version = rs.next() ? rs.getLong(1) : -1;
        }
        Distinct d = distinct.get(column);
        if (d == null || d.version() != version || version < 0) {
            d = new Distinct(version, distinctValues(conn, column));
            if (version >= 0) {
                distinct.put(column, d);
            }
        }
        List<String> out = new ArrayList<>();
        for (String v : d.values()) {
            if (keep.test(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The distinct values of a column of events as of a store version, kept by {@link #spellings}. */
    private record Distinct(long version, List<String> values) {
    }

    private final Map<String, Distinct> distinct = new java.util.concurrent.ConcurrentHashMap<>();

    /** The distinct non-null values of an indexed column of events, in its order (see {@link #spellings}). */
    private static List<String> distinctValues(Connection conn, String column) throws SQLException {
        // H2 starts a "> v" range of a composite index at v and steps over every entry equal to v (250,000 for a common
        // type at 1M events); ">= v + NUL", the least string after v, starts behind them. PostgreSQL refuses NUL in
        // text and seeks "> v" itself.
        boolean h2 = conn.getMetaData().getURL().startsWith("jdbc:h2:");
        List<String> out = new ArrayList<>();
        try (PreparedStatement first = conn.prepareStatement("SELECT " + column + " FROM events WHERE " + column
                + " IS NOT NULL ORDER BY " + column + " LIMIT 1");
             PreparedStatement next = conn.prepareStatement("SELECT " + column + " FROM events WHERE " + column
                     + (h2 ? " >= ?" : " > ?") + " ORDER BY " + column + " LIMIT 1")) {
            String v;
            try (ResultSet rs = first.executeQuery()) {
                v = rs.next() ? rs.getString(1) : null;
            }
            for (int guard = 0; v != null && guard < 100_000; guard++) {
                out.add(v);
                next.setString(1, h2 ? v + "\u0000" : v);
                try (ResultSet rs = next.executeQuery()) {
                    v = rs.next() ? rs.getString(1) : null;
                }
            }
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** The branches as one relation aliased {@code e}; {@code perBranchLimit} > 0: each branch keeps only its first rows in page order. */
    private static Where relation(List<Branch> branches, String extra, List<Object> extraParams, long perBranchLimit) {
        return relation(branches, null, extra, extraParams, perBranchLimit, "id, event_date, report_id, file, source, review_status, ingested_at");
    }

    /** The relation of a page's keys: only id and event_date, which every index of {@link #branches} holds. */
    private static Where relation(List<Branch> branches, boolean[] dateOrder, String extra, List<Object> extraParams, long perBranchLimit) {
        return relation(branches, dateOrder, extra, extraParams, perBranchLimit, "id, event_date");
    }

    /**
     * {@code dateOrder} (H2 only; null: none): the branches to read in (event_date, id) order from the date index;
     * {@code cols}: the columns of events the relation has.
     */
    private static Where relation(List<Branch> branches, boolean[] dateOrder, String extra, List<Object> extraParams, long perBranchLimit,
                                  String cols) {
        if (branches == null) {
            return new Where("(SELECT id, event_date, report_id, file, source, review_status, ingested_at FROM events WHERE 1 = 0) e", List.of());
        }
        if (branches.size() == 1) {
            String all = branches.get(0).sql + extra;
            List<Object> p = new ArrayList<>(branches.get(0).params);
            p.addAll(extraParams);
            return new Where("events e" + (dateOrder != null && dateOrder[0] ? DATE_ORDER : "") + (all.isEmpty() ? "" : " WHERE" + all.substring(4)), p);
        }
        StringBuilder sql = new StringBuilder("(");
        List<Object> p = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            String cond = branches.get(i).sql + extra;
            sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT ").append(cols).append(" FROM events")
                    .append(dateOrder != null && dateOrder[i] ? DATE_ORDER : "")
                    .append(cond.isEmpty() ? "" : " WHERE" + cond.substring(4));
            p.addAll(branches.get(i).params);
            p.addAll(extraParams);
            if (perBranchLimit > 0) {
                sql.append(" ORDER BY event_date, id LIMIT ?");
                p.add((int) Math.min(Integer.MAX_VALUE, perBranchLimit));
            }
            sql.append(')');
        }
        return new Where(sql.append(") e").toString(), p);
    }

    /**
     * H2 reads an index in its order only when the index starts with the ORDER BY columns: a branch with more
     * matches than the cap is read from (event_date, id) and stops after its page, where its own index range
     * (e.g. review_status = 'unreviewed': nearly every event) would read and sort every match. PostgreSQL reads
     * (column, event_date, id) in page order by itself.
     */
    private static final String DATE_ORDER = " USE INDEX (EVENTS_DATE_ID_IDX)";

    /** How many events each branch holds, counting at most {@code cap} + 1 each, and with {@code keys} which ones. */
    private record Matches(long[] counts, List<Cursor> keys) {
    }

    /**
     * How many events each branch holds, counting at most {@code cap} + 1 each (one query); with {@code keys} also
     * their keys (event date and id, in no order), read from the same index entries the count reads.
     */
    private static Matches cappedMatches(Connection conn, List<Branch> branches, int cap, boolean keys) throws SQLException {
        if (branches == null) {
            return new Matches(new long[0], List.of());
        }
        StringBuilder sql = new StringBuilder(keys ? "" : "SELECT ");
        List<Object> p = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            String cond = branches.get(i).sql;
            String where = cond.isEmpty() ? "" : " WHERE" + cond.substring(4);
            if (keys) {
                sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT ").append(i).append(" AS b, event_date, id FROM events")
                        .append(where).append(" LIMIT ?)");
            } else {
                sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM (SELECT 1 AS one FROM events")
                        .append(where).append(" LIMIT ?) c").append(i).append(')');
            }
            p.addAll(branches.get(i).params);
            p.add(cap + 1);
        }
        if (keys && branches.size() > 1) {
            // H2 keeps a parsed statement for the next execution only when it is a SELECT, never a bare UNION: as a
            // derived table the union is parsed and planned once per connection instead of at every request
            sql.insert(0, "SELECT b, event_date, id FROM (").append(") u");
        }
        long[] counts = new long[branches.size()];
        List<Cursor> found = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            bind(ps, p);
            try (ResultSet rs = ps.executeQuery()) {
                if (keys) {
                    while (rs.next()) {
                        counts[rs.getInt(1)]++;
                        found.add(new Cursor(rs.getObject(2, LocalDate.class), rs.getString(3)));
                    }
                } else {
                    rs.next();
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = rs.getLong(i + 1);
                    }
                }
            }
        }
        return new Matches(counts, found);
    }

    /**
     * The keys of a page among every match's key: from {@code offset}, or after the cursor, in page order (event date,
     * events without one first or last as the database sorts them, then id), at most {@code want}.
     */
    private List<Cursor> keysOfPage(List<Cursor> all, Cursor after, int offset, long want) {
        java.util.Comparator<LocalDate> dates = nullsFirst ? java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())
                : java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder());
        java.util.Comparator<Cursor> order = java.util.Comparator.comparing(Cursor::date, dates).thenComparing(Cursor::id);
        List<Cursor> sorted = new ArrayList<>(all);
        sorted.sort(order);
        int from = Math.min(offset, sorted.size());
        if (after != null) {
            from = 0;
            while (from < sorted.size() && order.compare(sorted.get(from), after) <= 0) {
                from++;
            }
        }
        return sorted.subList(from, (int) Math.min(sorted.size(), from + want));
    }

    /** The rows of the events with these keys, in the keys' order (one query on the primary key). */
    private static List<Row> rowsOf(Connection conn, List<Cursor> keys) throws SQLException {
        if (keys.isEmpty()) {
            return new ArrayList<>();
        }
        List<Object> ids = new ArrayList<>(keys.size());
        for (Cursor k : keys) {
            ids.add(k.id());
        }
        padded(ids);
        Map<String, Row> byId = new HashMap<>();
        for (Row r : select(conn, "SELECT " + PAGE_COLUMNS + " FROM events e WHERE e.id IN (" + marks(ids.size()) + ")", ids,
                JdbcEventStore::row)) {
            byId.put(r.id(), r);
        }
        List<Row> out = new ArrayList<>(keys.size());
        for (Cursor k : keys) {
            out.add(byId.get(k.id()));
        }
        return out;
    }

    /**
     * Pads a non-empty IN-list of ids to the next power of two by repeating its last id, so that lookups by id use a
     * few statement texts, which the database's per-connection cache of parsed statements keeps, instead of one per
     * length (a page whose events are partly cached reads any number of them).
     */
    private static void padded(List<Object> ids) {
        int n = Integer.highestOneBit(ids.size());
        if (n < ids.size()) {
            n <<= 1;
        }
        Object last = ids.get(ids.size() - 1);
        while (ids.size() < n) {
            ids.add(last);
        }
    }

    /** The cells of the box, else of the radius; null without either. */
    private static GeoGrid.Cover geoCover(EventFilter f) {
        if (f.bbox() != null) {
            return GeoGrid.cover(f.bbox()[1], f.bbox()[3], f.bbox()[0], f.bbox()[2]);
        }
        if (f.near() != null) {
            double[] b = nearBox(f.near());
            return GeoGrid.cover(b[0], b[1], b[2], b[3]);
        }
        return null;
    }

    /** The box around a radius: minLat, maxLat, minLon, maxLon. */
    private static double[] nearBox(EventFilter.Near n) {
        double k = Math.cos(Math.toRadians(n.lat()));
        double dLat = n.radiusKm() / KM_PER_DEGREE;
        double dLon = n.radiusKm() / (KM_PER_DEGREE * Math.max(k, 0.01));
        return new double[]{n.lat() - dLat, n.lat() + dLat, n.lon() - dLon, n.lon() + dLon};
    }

    private static final double KM_PER_DEGREE = 111.195;

    /**
     * Every condition but the driving one's ({@link #branches}), as " AND ..." on unqualified columns of events.
     */
    private static Branch conditions(EventFilter f, String driver) {
        StringBuilder sb = new StringBuilder();
        List<Object> p = new ArrayList<>();
        if (f.from() != null) {
            sb.append(" AND event_date >= ?");
            p.add(f.from());
        }
        if (f.to() != null) {
            sb.append(" AND event_date <= ?");
            p.add(f.to());
        }
        if (f.side() != null && !driver.equals("side")) {
            sb.append(" AND (side1 = ? OR side2 = ?)");
            p.add(f.side());
            p.add(f.side());
        }
        if (f.actor() != null) {
            sb.append(" AND (LOWER(actor1) LIKE ? ESCAPE '!' OR LOWER(actor2) LIKE ? ESCAPE '!'"
                    + " OR LOWER(assoc_actor_1) LIKE ? ESCAPE '!' OR LOWER(assoc_actor_2) LIKE ? ESCAPE '!')");
            String like = like(f.actor());
            p.add(like);
            p.add(like);
            p.add(like);
            p.add(like);
        }
        if (f.type() != null && !driver.equals("type")) {
            sb.append(" AND (LOWER(event_type) = ? OR LOWER(sub_event_type) = ?)");
            String t = f.type().toLowerCase(Locale.ROOT);
            p.add(t);
            p.add(t);
        }
        if (f.place() != null) {
            sb.append(" AND (LOWER(location) LIKE ? ESCAPE '!' OR LOWER(place_name) LIKE ? ESCAPE '!'"
                    + " OR LOWER(admin1) LIKE ? ESCAPE '!' OR LOWER(admin2) LIKE ? ESCAPE '!')");
            String like = like(f.place());
            p.add(like);
            p.add(like);
            p.add(like);
            p.add(like);
        }
        boolean cells = !driver.equals("cells");
        // a box or a radius: the cells of the grid that may hold its points (an index lookup on (geo_cell,
        // event_date)), then the exact test on the coordinates
        if (f.bbox() != null) {
            if (cells) {
                cells(sb, p, f.bbox()[1], f.bbox()[3], f.bbox()[0], f.bbox()[2]);
            }
            sb.append(" AND longitude >= ? AND longitude <= ? AND latitude >= ? AND latitude <= ?");
            p.add(f.bbox()[0]);
            p.add(f.bbox()[2]);
            p.add(f.bbox()[1]);
            p.add(f.bbox()[3]);
        }
        if (f.near() != null) {
            // the box around the circle, then the distance on a local equirectangular projection
            double k = Math.cos(Math.toRadians(f.near().lat()));
            double dLat = f.near().radiusKm() / KM_PER_DEGREE;
            double dLon = f.near().radiusKm() / (KM_PER_DEGREE * Math.max(k, 0.01));
            if (cells || f.bbox() != null) {
                cells(sb, p, f.near().lat() - dLat, f.near().lat() + dLat, f.near().lon() - dLon, f.near().lon() + dLon);
            }
            sb.append(" AND latitude >= ? AND latitude <= ? AND longitude >= ? AND longitude <= ?"
                    + " AND ((latitude - ?) * (latitude - ?) + (longitude - ?) * (longitude - ?) * ?) <= ?");
            p.add(f.near().lat() - dLat);
            p.add(f.near().lat() + dLat);
            p.add(f.near().lon() - dLon);
            p.add(f.near().lon() + dLon);
            p.add(f.near().lat());
            p.add(f.near().lat());
            p.add(f.near().lon());
            p.add(f.near().lon());
            p.add(k * k);
            p.add(dLat * dLat);
        }
        if (f.source() != null && !driver.equals("source")) {
            sb.append(" AND LOWER(source) LIKE ? ESCAPE '!'");
            p.add(like(f.source()));
        }
        if (f.minConfidence() != null) {
            sb.append(" AND confidence >= ?");
            p.add(f.minConfidence());
        }
        if (f.status() != null) {
            sb.append(" AND review_status = ?");
            p.add(f.status());
        }
        return new Branch(sb.toString(), p);
    }

    private static void cells(StringBuilder sb, List<Object> p, double minLat, double maxLat, double minLon, double maxLon) {
        GeoGrid.Cover c = GeoGrid.cover(minLat, maxLat, minLon, maxLon);
        if (c.list() == null) {
            sb.append(" AND geo_cell >= ? AND geo_cell <= ?");
            p.add(c.first());
            p.add(c.last());
            return;
        }
        sb.append(" AND geo_cell IN (").append(String.join(", ", java.util.Collections.nCopies(c.list().length, "?"))).append(')');
        for (int cell : c.list()) {
            p.add(cell);
        }
    }

    private static String like(String s) {
        return "%" + s.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static long count(Connection conn, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);   // untyped: a corrected latitude may be cleared as well as a name
            } else if (v instanceof String s) {
                ps.setString(i + 1, s);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (v instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else if (v instanceof LocalDate d) {
                ps.setObject(i + 1, d);
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + v.getClass());
            }
        }
    }

    /** An event's store fields, before its document is read. */
    private record Row(String id, LocalDate date, String reportId, String file, String source, String reviewStatus, long storedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getObject("event_date", LocalDate.class), rs.getString("report_id"), rs.getString("file"),
                rs.getString("source"), rs.getString("review_status"), rs.getObject("ingested_at", OffsetDateTime.class).toEpochSecond());
    }

    /** The rows with their documents, in the rows' order. */
    private static List<StoredEvent> withDocuments(Connection conn, List<Row> rows) throws SQLException {
        Map<String, String> docs = documents(conn, rows);
        List<StoredEvent> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new StoredEvent(parse(docs.get(r.id())), r.reportId(), r.file(), r.source(), r.reviewStatus(), r.storedAt()));
        }
        return out;
    }

    /** The stored documents (event_json) of the rows, by event id. */
    private static Map<String, String> documents(Connection conn, List<Row> rows) throws SQLException {
        Map<String, String> docs = new HashMap<>();
        if (rows.isEmpty()) {
            return docs;
        }
        for (int from = 0; from < rows.size(); from += 500) {
            List<Object> chunk = new ArrayList<>();
            for (Row r : rows.subList(from, Math.min(rows.size(), from + 500))) {
                chunk.add(r.id());
            }
            padded(chunk);
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = conn.prepareStatement("SELECT event_id, event_json FROM event_documents WHERE event_id IN ("
                    + marks + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        docs.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return docs;
    }

    private static StoredEvent storedEvent(ResultSet rs) throws SQLException {
        return new StoredEvent(parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toEpochSecond());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static void setDate(PreparedStatement ps, int i, String date) throws SQLException {
        if (date == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, LocalDate.parse(date));
        }
    }

    private static void setInt(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v instanceof Number n) {
            ps.setInt(i, n.intValue());
        } else {
            ps.setNull(i, Types.INTEGER);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v instanceof Number n) {
            ps.setDouble(i, n.doubleValue());
        } else {
            ps.setNull(i, Types.DOUBLE);
        }
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> parse(String s) {
        try {
            return JSON.readValue(s, MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored JSON is unreadable: " + e.getMessage(), e);
        }
    }
}
