package io.frontline.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.ingest.Report;
import io.frontline.stories.MinHash;
import io.frontline.stories.Shingles;
import io.frontline.stories.Stories;
import io.frontline.stories.Story;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Story clusters kept in the store (migration V6): when a report is saved, its body's MinHash band keys
 * ({@link MinHash#bandKeys}) are looked up in {@code story_bands} (an index, not a scan), each candidate's body is
 * compared with the core's {@link Stories#sameStory}, and the report joins the stories of the copies it matches (all
 * of them become one story, whose origin and origin source {@link Stories#story} decides, as a batch run decides
 * them). Because every pair that shares a band is tested when the later of the two arrives, the stored clusters are
 * the connected groups {@link Stories#cluster} finds over the same reports in ingest order.
 */
final class StoryIndex {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoryIndex() {
    }

    /** A stored report as the core's {@link Report} for stories: no text, only what decides the origin and the source. */
    static Report report(String id, String file, String title, String publisher, String originalSource, LocalDate published, String url) {
        return new Report(id, file == null ? "" : file, title, publisher, originalSource, published, List.of(), List.of(), Map.of(),
                "", "", List.of(), List.of(), List.of()).located(url, Report.IN_BODY);
    }

    /** Statements prepared once per connection and reused (the store's cache). */
    interface Statements {
        PreparedStatement prepared(String sql) throws SQLException;
    }

    /**
     * The input-order numbers of one write transaction: the first is MAX + 1 of the stored ones, read once, each next
     * one more. The caller holds the writers' lock from the first number to the commit.
     */
    static final class Ordinals {
        private final Statements st;
        private long last = -1;

        Ordinals(Statements st) {
            this.st = st;
        }

        long next() throws SQLException {
            if (last < 0) {
                try (ResultSet rs = st.prepared("SELECT MAX(ordinal) FROM report_stories").executeQuery()) {
                    rs.next();
                    last = rs.getLong(1); // 0 when there is none: the first is 1
                }
            }
            return ++last;
        }
    }

    private static final String CANDIDATES;

    static {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT b.report_id, r.report_json FROM story_bands b JOIN reports r ON r.id = b.report_id "
                + "WHERE b.band_key IN (");
        for (int i = 0; i < MinHash.BANDS; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        CANDIDATES = sql.append(')').toString();
    }

    /**
     * Clusters one report written in the current transaction (its row in {@code reports} exists); {@code self} is
     * that report as {@link #report} makes it. A report that matches no earlier one (the common case) costs five
     * prepared statements: the band lookup, its story row, its membership row and its band keys (and, once per
     * transaction, the last ordinal). Writers must be serialised from the first {@code ordinals.next()} to the commit
     * (the store's story lock): the ordinal is MAX + 1, and two copies written at once in two transactions would not
     * see each other. Reports added before in the same transaction are seen: their rows are written at once.
     */
    static void add(Connection conn, Statements st, Ordinals ordinals, Report self, String body) throws SQLException {
        String reportId = self.id();
        long[] shingles = Shingles.of(body == null ? "" : body);
        long[] keys = MinHash.bandKeys(MinHash.signature(shingles));
        Set<String> matched = new LinkedHashSet<>();
        if (keys.length == MinHash.BANDS) {
            PreparedStatement ps = st.prepared(CANDIDATES);
            for (int i = 0; i < keys.length; i++) {
                ps.setLong(i + 1, keys[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(reportId) && Stories.sameStory(shingles, Shingles.of(body(rs.getString(2))))) {
                        matched.add(rs.getString(1));
                    }
                }
            }
        }
        Set<String> joined = new LinkedHashSet<>();
        for (String m : matched) {
            PreparedStatement ps = st.prepared("SELECT story_id FROM report_stories WHERE report_id = ?");
            ps.setString(1, m);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    joined.add(rs.getString(1));
                }
            }
        }
        long ordinal = ordinals.next();
        // the members of every story joined, and the new report, in input order
        record Member(long ordinal, Report report) {
        }
        List<Member> members = new ArrayList<>();
        if (!joined.isEmpty()) {
            StringBuilder sql = new StringBuilder("SELECT s.ordinal, r.id, r.file, r.title, r.publisher, r.original_source, r.published, s.url "
                    + "FROM report_stories s JOIN reports r ON r.id = s.report_id WHERE s.story_id IN (");
            int i = 0;
            for (String ignored : joined) {
                sql.append(i++ == 0 ? "?" : ", ?");
            }
            sql.append(')');
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                i = 0;
                for (String s : joined) {
                    ps.setString(++i, s);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        members.add(new Member(rs.getLong(1), report(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8))));
                    }
                }
            }
        }
        members.add(new Member(ordinal, self));
        members.sort(Comparator.comparingLong(Member::ordinal).thenComparing(m -> m.report().id()));
        Story story = Stories.story(members.stream().map(Member::report).toList());
        for (String old : joined) {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE report_stories SET story_id = ? WHERE story_id = ?")) {
                ps.setString(1, story.id());
                ps.setString(2, old);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM stories WHERE id = ?")) {
                ps.setString(1, old);
                ps.executeUpdate();
            }
        }
        PreparedStatement member = st.prepared("INSERT INTO report_stories (report_id, ordinal, story_id, url) VALUES (?, ?, ?, ?)");
        member.setString(1, reportId);
        member.setLong(2, ordinal);
        member.setString(3, story.id());
        member.setString(4, self.url());
        member.executeUpdate();
        PreparedStatement row = st.prepared("INSERT INTO stories (id, origin_report_id, origin_source, report_count) VALUES (?, ?, ?, ?)");
        row.setString(1, story.id());
        row.setString(2, story.origin().id());
        row.setString(3, story.originSource());
        row.setInt(4, members.size());
        row.executeUpdate();
        if (keys.length > 0) {
            PreparedStatement ps = st.prepared("INSERT INTO story_bands (band_key, report_id) VALUES (?, ?)");
            for (long k : keys) {
                ps.setLong(1, k);
                ps.setString(2, reportId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static String body(String reportJson) {
        try {
            JsonNode b = JSON.readTree(reportJson).get("body");
            return b == null || b.isNull() ? "" : b.asText();
        } catch (java.io.IOException e) {
            throw new StoreException("unreadable report document: " + e.getMessage(), e);
        }
    }

    static String url(String reportJson) {
        try {
            JsonNode u = JSON.readTree(reportJson).get("url");
            return u == null || u.isNull() ? null : u.asText();
        } catch (java.io.IOException e) {
            throw new StoreException("unreadable report document: " + e.getMessage(), e);
        }
    }

    /**
     * Clusters the reports stored before V6 (none has a {@code report_stories} row), in ingest order, committing every
     * {@code batch} reports; returns how many it clustered. Run when the store is opened.
     */
    static int backfill(Connection conn, Statements st, int batch) throws SQLException {
        int done = 0;
        while (true) {
            List<Report> todo = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT r.id, r.file, r.title, r.publisher, r.original_source, r.published, "
                    + "r.report_json FROM reports r WHERE NOT EXISTS (SELECT 1 FROM report_stories s WHERE s.report_id = r.id) "
                    + "ORDER BY r.ingested_at, r.id LIMIT ?")) {
                ps.setInt(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String json = rs.getString(7);
                        todo.add(report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getObject(6, LocalDate.class), url(json)));
                        bodies.add(body(json));
                    }
                }
            }
            if (todo.isEmpty()) {
                conn.commit();
                return done;
            }
            Ordinals ordinals = new Ordinals(st);
            for (int i = 0; i < todo.size(); i++) {
                add(conn, st, ordinals, todo.get(i), bodies.get(i));
            }
            JdbcEventStore.bumpVersion(conn);
            conn.commit();
            done += todo.size();
        }
    }
}
