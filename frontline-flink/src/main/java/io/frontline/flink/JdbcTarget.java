package io.frontline.flink;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The database the job writes to and its SQL: three tables of its own (created when missing; the application's
 * Flyway schema is not touched), written by idempotent upserts keyed by the deterministic ids, so a replay after a
 * failure or a re-sent report overwrites rows instead of adding them. PostgreSQL uses
 * {@code INSERT ... ON CONFLICT (id) DO UPDATE}; H2 (tests, the demo) its {@code MERGE INTO ... KEY (id)}.
 */
public record JdbcTarget(String url, String user, String password) implements Serializable {
    public static final String EVENTS = "frontline_flink_events";
    public static final String CLAIMS = "frontline_flink_claims";
    public static final String CONTROL = "frontline_flink_control";

    public static final List<String> EVENT_COLUMNS = List.of("event_id", "report_id", "story_id", "duplicate_of", "place_key",
            "event_date", "sub_event_type", "side1", "side2", "location", "latitude", "longitude", "fatalities",
            "assessed_confidence", "doc");
    public static final List<String> CLAIM_COLUMNS = List.of("claim_id", "report_id", "story_id", "status", "attribution", "doc");
    public static final List<String> CONTROL_COLUMNS = List.of("change_id", "place_key", "from_date", "controller", "status",
            "withdrawn", "doc");

    public JdbcTarget {
        if (url == null || !(url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:"))) {
            throw new IllegalArgumentException("--jdbc must be a PostgreSQL (jdbc:postgresql://HOST/DB) or H2 (jdbc:h2:...) URL, not " + url);
        }
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public String driver() {
        return postgres() ? "org.postgresql.Driver" : "org.h2.Driver";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Creates the job's tables where they are missing. */
    public void createTables() {
        try (Connection c = connect(); var st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + EVENTS + " (event_id VARCHAR(200) PRIMARY KEY, report_id VARCHAR(200) NOT NULL,"
                    + " story_id VARCHAR(200), duplicate_of VARCHAR(200), place_key VARCHAR(400), event_date VARCHAR(10),"
                    + " sub_event_type VARCHAR(200), side1 VARCHAR(100), side2 VARCHAR(100), location VARCHAR(400),"
                    + " latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, fatalities INTEGER, assessed_confidence DOUBLE PRECISION,"
                    + " doc VARCHAR(1000000) NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS " + CLAIMS + " (claim_id VARCHAR(200) PRIMARY KEY, report_id VARCHAR(200) NOT NULL,"
                    + " story_id VARCHAR(200), status VARCHAR(40), attribution VARCHAR(1000), doc VARCHAR(1000000) NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS " + CONTROL + " (change_id VARCHAR(500) PRIMARY KEY, place_key VARCHAR(400) NOT NULL,"
                    + " from_date VARCHAR(10) NOT NULL, controller VARCHAR(100), status VARCHAR(40), withdrawn BOOLEAN NOT NULL,"
                    + " doc VARCHAR(1000000) NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the job's tables in " + url + ": " + e.getMessage(), e);
        }
    }

    /** The upsert of a row of {@code table} with {@code columns}, the first being the key. */
    public String upsert(String table, List<String> columns) {
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        String names = String.join(", ", columns);
        if (!postgres()) {
            return "MERGE INTO " + table + " (" + names + ") KEY (" + columns.get(0) + ") VALUES (" + marks + ")";
        }
        String updates = columns.subList(1, columns.size()).stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ") ON CONFLICT (" + columns.get(0) + ") DO UPDATE SET " + updates;
    }
}
