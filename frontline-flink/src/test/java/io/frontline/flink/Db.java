package io.frontline.flink;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests' database: PostgreSQL where FRONTLINE_TEST_PG_URL is set (CI; the job's tables are dropped first), else a
 * fresh in-memory H2 database, as the application's store tests do.
 */
final class Db {
    private Db() {
    }

    static JdbcTarget fresh(String name) {
        String url = System.getenv("FRONTLINE_TEST_PG_URL");
        JdbcTarget t;
        if (url != null && !url.isBlank()) {
            t = new JdbcTarget(url, System.getenv().getOrDefault("FRONTLINE_TEST_PG_USER", "frontline"),
                    System.getenv().getOrDefault("FRONTLINE_TEST_PG_PASSWORD", ""));
        } else {
            t = new JdbcTarget("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        try (Connection c = t.connect(); Statement st = c.createStatement()) {
            for (String table : List.of(JdbcTarget.EVENTS, JdbcTarget.CLAIMS, JdbcTarget.CONTROL)) {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return t;
    }

    static List<Map<String, Object>> rows(JdbcTarget t, String sql) {
        try (Connection c = t.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static long count(JdbcTarget t, String sql) {
        return ((Number) rows(t, sql).get(0).values().iterator().next()).longValue();
    }
}
