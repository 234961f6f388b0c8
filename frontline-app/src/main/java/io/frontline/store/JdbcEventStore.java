package io.frontline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * Flyway ({@code db/migration}). One connection, used by one caller at a time; every write is one
 * transaction. SQL takes values only as bound parameters.
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

    private final Connection conn;
    private final String url;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    protected JdbcEventStore(String url, String user, String password) {
        this.url = url;
        try {
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
            conn = DriverManager.getConnection(url, user, password);
            conn.setAutoCommit(false);
            long t0 = System.nanoTime();
            int clustered = StoryIndex.backfill(conn, this::prepared, 500); // stores from before V6: their reports' stories, once
            if (clustered > 0) {
                System.err.printf(Locale.ROOT, "frontline: clustered %d stored reports into stories (once, V6) in %.1f s%n",
                        clustered, (System.nanoTime() - t0) / 1e9);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    /** Opens (and creates or migrates) a store: a JDBC URL, e.g. {@code jdbc:postgresql://host/db} or {@code jdbc:h2:...}. */
    public static JdbcEventStore open(String url, String user, String password) {
        return new JdbcEventStore(url, user, password);
    }

    /** The embedded H2 store in {@code dir}, created on first use. */
    public static JdbcEventStore embedded(Path dir) {
        return new JdbcEventStore(h2Url(dir), "sa", "");
    }

    public static String h2Url(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        // H2's page cache (KB): a quarter of the heap, at most 1 GB (the default, 64 MB, holds too little of a large store)
        long cacheKb = Math.max(65_536, Math.min(1L << 20, Runtime.getRuntime().maxMemory() / 4 / 1024));
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("frontline") + ";AUTO_SERVER=TRUE;CACHE_SIZE=" + cacheKb;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)password=[^&;]*", "password=***");
    }

    public String url() {
        return redact(url);
    }

    // ---------------------------------------------------------------- writes

    @Override
    public synchronized IngestResult save(ReportDoc doc) {
        try {
            PreparedStatement byHash = prepared("SELECT id FROM reports WHERE content_hash = ?");
            byHash.setString(1, doc.contentHash());
            try (ResultSet rs = byHash.executeQuery()) {
                if (rs.next()) {
                    String id = rs.getString(1);
                    conn.commit();
                    return new IngestResult(id, false, 0);
                }
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            insertReport(doc, now);
            insertEvents(doc, now);
            insertClaims(doc);
            Map<String, Object> r = doc.report();
            String published = str(r.get("published"));
            StoryIndex.add(conn, this::prepared, StoryIndex.report(doc.id(), doc.file(), str(r.get("title")), str(r.get("publisher")),
                    str(r.get("original_source")), published == null ? null : LocalDate.parse(published), str(r.get("url"))), str(r.get("body")));
            beforeCommit(doc);
            conn.commit();
            return new IngestResult(doc.id(), true, doc.events().size());
        } catch (SQLException | RuntimeException e) {
            rollback();
            clearBatches();
            if (e instanceof SQLException se && isUniqueViolation(se) && exists(doc.contentHash())) {
                return new IngestResult(doc.id(), false, 0);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot store " + doc.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The statements of {@link #save}, prepared once per connection and reused for every report (parsing and
     * planning an INSERT of 40 columns cost as much as executing it).
     */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = conn.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** After a failed write: no half-filled batch may leak into the next report. */
    private void clearBatches() {
        for (var it = statements.values().iterator(); it.hasNext(); ) {
            PreparedStatement ps = it.next();
            try {
                ps.clearBatch();
                ps.clearParameters();
            } catch (SQLException e) {
                // a statement that cannot be cleared is closed and prepared again for the next report
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // closing is best effort
                }
                it.remove();
            }
        }
    }

    /** Called after every row of a report is written and before the commit; tests inject failures here. */
    protected void beforeCommit(ReportDoc doc) throws SQLException {
    }

    private boolean exists(String hash) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM reports WHERE content_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                boolean found = rs.next();
                conn.commit();
                return found;
            }
        } catch (SQLException e) {
            rollback();
            return false;
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "23000".equals(state);
    }

    private void rollback() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private void insertReport(ReportDoc d, OffsetDateTime now) throws SQLException {
        Map<String, Object> r = d.report();
        PreparedStatement ps = prepared("INSERT INTO reports (id, content_hash, file, title, publisher, "
                + "original_source, source, published, event_count, claim_count, report_json, text, ingested_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        {
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
            ps.executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private void insertEvents(ReportDoc d, OffsetDateTime now) throws SQLException {
        if (d.events().isEmpty()) {
            return;
        }
        PreparedStatement ps = prepared("INSERT INTO events (id, report_id, seq, event_date, time_precision, "
                + "event_type, sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, side1, side2, inter1, inter2, "
                + "location, admin1, admin2, latitude, longitude, geo_precision, fatalities, status, attribution, notes, "
                + "confidence, location_status, place_id, place_name, modality, evidence_start, evidence_end, evidence_text, "
                + "evidence_rule, evidence_confidence, source, file, review_status, ingested_at, geo_cell) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?)");
        PreparedStatement docs = prepared("INSERT INTO event_documents (event_id, event_json, provenance) VALUES (?, ?, ?)");
        {
            int seq = 0;
            for (Map<String, Object> e : d.events()) {
                String id = str(e.get("event_id"));
                Map<String, Object> ev = (Map<String, Object>) e.getOrDefault("evidence", Map.of());
                Map<String, Object> prov = (Map<String, Object>) e.getOrDefault("provenance", Map.of());
                int i = 0;
                ps.setString(++i, id);
                ps.setString(++i, d.id());
                ps.setInt(++i, seq++);
                setDate(ps, ++i, str(e.get("event_date")));
                setInt(ps, ++i, e.get("time_precision"));
                for (String k : List.of("event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
                        "side1", "side2")) {
                    ps.setString(++i, str(e.get(k)));
                }
                setInt(ps, ++i, e.get("inter1"));
                setInt(ps, ++i, e.get("inter2"));
                for (String k : List.of("location", "admin1", "admin2")) {
                    ps.setString(++i, str(e.get(k)));
                }
                setDouble(ps, ++i, e.get("latitude"));
                setDouble(ps, ++i, e.get("longitude"));
                setInt(ps, ++i, e.get("geo_precision"));
                setInt(ps, ++i, e.get("fatalities"));
                for (String k : List.of("status", "attribution", "notes")) {
                    ps.setString(++i, str(e.get(k)));
                }
                setDouble(ps, ++i, e.get("confidence"));
                for (String k : List.of("location_status", "place_id", "place_name", "modality")) {
                    ps.setString(++i, str(e.get(k)));
                }
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
                docs.setString(1, id);
                docs.setString(2, json(e));
                docs.setString(3, json(prov));
                docs.addBatch();
            }
            ps.executeBatch();
            docs.executeBatch();
        }
    }

    @SuppressWarnings("unchecked")
    private void insertClaims(ReportDoc d) throws SQLException {
        if (d.claims().isEmpty()) {
            return;
        }
        PreparedStatement ps = prepared("INSERT INTO claims (report_id, seq, status, attribution, text, subject, "
                + "evidence_start, evidence_end, evidence_text, evidence_rule, evidence_confidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        {
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
            }
            ps.executeBatch();
        }
    }

    @Override
    public synchronized Optional<ReviewAction> review(String eventId, String action, String reviewer, Map<String, Object> fields) {
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
        try {
            Map<String, Object> contract;
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
            try (PreparedStatement ps = conn.prepareStatement("SELECT MAX(id) FROM review_actions WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            conn.commit();
            return Optional.of(new ReviewAction(id, eventId, action, reviewer, f, now));
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (e instanceof RuntimeException re) {
                throw re;
            }
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
    public synchronized Optional<String> reportIdByHash(String contentHash) {
        return read(() -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM reports WHERE content_hash = ?")) {
                ps.setString(1, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public synchronized Page<Map<String, Object>> reports(int limit, int offset) {
        return read(() -> {
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
            return new Page<>(items, count("SELECT COUNT(*) FROM reports", List.of()), limit, offset);
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
    public synchronized Optional<Map<String, Object>> report(String id) {
        return read(() -> {
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
            m.put("claims", claimsOf(" WHERE report_id = ?", List.of(id), Integer.MAX_VALUE, 0));
            return Optional.of(m);
        });
    }

    @Override
    public synchronized Page<StoredEvent> events(EventFilter f, int limit, int offset) {
        return read(() -> {
            Where w = where(f);
            List<StoredEvent> items = new ArrayList<>();
            List<Object> params = new ArrayList<>(w.params);
            params.add(limit);
            params.add(offset);
            // the page is chosen on the narrow events table, then only its rows' documents are read (a join
            // lets H2 drive the query from the documents table)
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + PAGE_COLUMNS + " FROM " + w.from
                    + " ORDER BY e.event_date, e.id LIMIT ? OFFSET ?")) {
                bind(ps, params);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                items.addAll(withDocuments(rows));
            }
            return new Page<>(items, count("SELECT COUNT(*) FROM " + w.from, w.params), limit, offset);
        });
    }

    @Override
    public synchronized void scan(EventFilter f, Consumer<StoredEvent> sink) {
        read(() -> {
            Where w = where(f);
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + PAGE_COLUMNS + " FROM " + w.from
                    + " ORDER BY e.event_date, e.id")) {
                ps.setFetchSize(1000);
                bind(ps, w.params);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                        if (rows.size() == 500) {
                            withDocuments(rows).forEach(sink);
                            rows.clear();
                        }
                    }
                }
                withDocuments(rows).forEach(sink);
            }
            return null;
        });
    }

    @Override
    public synchronized Optional<StoredEvent> event(String id) {
        return read(() -> {
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
    public synchronized List<Map<String, Object>> evidence(String eventId) {
        // read from the event's documents: its own evidence, then its provenance by field name (code point order)
        return read(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT event_json, provenance FROM event_documents WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return out;
                    }
                    Object own = parse(rs.getString(1)).get("evidence");
                    addSpan(out, "event", own instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
                    java.util.TreeMap<String, Object> prov = new java.util.TreeMap<>(parse(rs.getString(2)));
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
    public synchronized Page<Map<String, Object>> claims(String reportId, int limit, int offset) {
        return read(() -> {
            String where = reportId == null ? "" : " WHERE report_id = ?";
            List<Object> params = reportId == null ? List.of() : List.of(reportId);
            return new Page<>(claimsOf(where, params, limit, offset), count("SELECT COUNT(*) FROM claims" + where, params), limit, offset);
        });
    }

    private List<Map<String, Object>> claimsOf(String where, List<Object> params, int limit, int offset) throws SQLException {
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
    public synchronized List<ReviewAction> reviews(String eventId) {
        return read(() -> {
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
    public synchronized Page<ReviewAction> reviewLog(int limit, int offset) {
        return read(() -> {
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
            return new Page<>(out, count("SELECT COUNT(*) FROM review_actions", List.of()), limit, offset);
        });
    }

    @Override
    public synchronized List<StoryMember> storyMembers(long afterOrdinal) {
        return read(() -> {
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
    public synchronized List<StoredEvent> eventsOf(java.util.Collection<String> reportIds) {
        return read(() -> {
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

    @Override
    public synchronized long eventCount() {
        return read(() -> count("SELECT COUNT(*) FROM events", List.of()));
    }

    @Override
    public synchronized void close() {
        try {
            if (conn.isClosed()) {
                return;   // e.g. H2 closed it at JVM shutdown
            }
            conn.rollback();
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            statements.clear();
            conn.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private <T> T read(Sql<T> body) {
        try {
            T t = body.run();
            conn.commit();
            return t;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    /** The columns of events that listings read before joining the documents. */
    private static final String PAGE_COLUMNS = "e.id, e.event_date, e.report_id, e.file, e.source, e.review_status, e.ingested_at";

    /** The matching events as a relation aliased {@code e} (with its WHERE), and its parameters. */
    private record Where(String from, List<Object> params) {
    }

    /** Above this many cells, a box or radius with a date range is one IN-list instead of a branch per cell. */
    static final int MAX_CELL_BRANCHES = 36;

    /**
     * A side filter becomes two branches, side1 = ? and side2 = ? (not also side1), each with every other
     * condition, so that both can use the (side, event_date) indexes; an OR of the two columns would scan. A box or
     * a radius with a date range becomes a branch per grid cell (geo_cell = ? and the dates: one range of the
     * (geo_cell, event_date) index each; H2 reads an IN-list of cells without the date range). The branches are
     * disjoint, so their UNION ALL holds every match once.
     */
    private static Where where(EventFilter f) {
        GeoGrid.Cover cover = geoCover(f);
        boolean branchCells = cover != null && cover.list() != null && cover.list().length <= MAX_CELL_BRANCHES
                && (f.from() != null || f.to() != null);
        Where rest = conditions(f, !branchCells);
        List<String> branches = new ArrayList<>();
        List<List<Object>> branchParams = new ArrayList<>();
        if (f.side() == null) {
            branches.add("");
            branchParams.add(List.of());
        } else {
            branches.add(" AND side1 = ?");
            branchParams.add(List.of(f.side()));
            branches.add(" AND side2 = ? AND (side1 IS NULL OR side1 <> ?)");
            branchParams.add(List.of(f.side(), f.side()));
        }
        if (branchCells) {
            List<String> bySide = branches;
            List<List<Object>> bySideParams = branchParams;
            branches = new ArrayList<>();
            branchParams = new ArrayList<>();
            for (int i = 0; i < bySide.size(); i++) {
                for (int cell : cover.list()) {
                    branches.add(" AND geo_cell = ?" + bySide.get(i));
                    List<Object> bp = new ArrayList<>();
                    bp.add(cell);
                    bp.addAll(bySideParams.get(i));
                    branchParams.add(bp);
                }
            }
        }
        if (branches.size() == 1) {
            String all = branches.get(0) + rest.from;
            List<Object> p = new ArrayList<>(branchParams.get(0));
            p.addAll(rest.params);
            return new Where("events e" + (all.isEmpty() ? "" : " WHERE" + all.substring(4)), p);
        }
        String cols = "id, event_date, report_id, file, source, review_status, ingested_at";
        StringBuilder sql = new StringBuilder("(");
        List<Object> p = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(cols).append(" FROM events WHERE")
                    .append((branches.get(i) + rest.from).substring(4));
            p.addAll(branchParams.get(i));
            p.addAll(rest.params);
        }
        return new Where(sql.append(") e").toString(), p);
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
     * Every condition but the side's, as " AND ..." on unqualified columns of events; {@code cells}: with the
     * condition on the grid cells of the box (else of the radius), which {@link #where} otherwise puts in branches.
     */
    private static Where conditions(EventFilter f, boolean cells) {
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
        if (f.actor() != null) {
            sb.append(" AND (LOWER(actor1) LIKE ? ESCAPE '!' OR LOWER(actor2) LIKE ? ESCAPE '!'"
                    + " OR LOWER(assoc_actor_1) LIKE ? ESCAPE '!' OR LOWER(assoc_actor_2) LIKE ? ESCAPE '!')");
            String like = like(f.actor());
            p.add(like);
            p.add(like);
            p.add(like);
            p.add(like);
        }
        if (f.type() != null) {
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
        if (f.source() != null) {
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
        return new Where(sb.toString(), p);
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

    private long count(String sql, List<Object> params) throws SQLException {
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
    private record Row(String id, String reportId, String file, String source, String reviewStatus, long storedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("report_id"), rs.getString("file"), rs.getString("source"),
                rs.getString("review_status"), rs.getObject("ingested_at", OffsetDateTime.class).toEpochSecond());
    }

    /** The rows with their documents, in the rows' order. */
    private List<StoredEvent> withDocuments(List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, String> docs = new HashMap<>();
        for (int from = 0; from < rows.size(); from += 500) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = conn.prepareStatement("SELECT event_id, event_json FROM event_documents WHERE event_id IN ("
                    + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i).id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        docs.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        List<StoredEvent> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new StoredEvent(parse(docs.get(r.id())), r.reportId(), r.file(), r.source(), r.reviewStatus(), r.storedAt()));
        }
        return out;
    }

    private StoredEvent storedEvent(ResultSet rs) throws SQLException {
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
