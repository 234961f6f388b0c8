package io.frontline.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Map;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class H2StoreTest extends StoreContractTest {
    @TempDir
    Path dir;

    private int opened;

    @Override
    JdbcEventStore open(String failOn) {
        Path data = dir.resolve("data" + ++opened); // each an empty store
        return failOn == null ? JdbcEventStore.embedded(data) : failing(JdbcEventStore.h2Url(data), "sa", "", failOn);
    }

    @Test
    void theDataDirectoryIsCreatedOnFirstUseAndKeepsItsContent() {
        Path data = dir.resolve("new/data");
        try (JdbcEventStore s = JdbcEventStore.embedded(data)) {
            s.save(StoreFixtures.doc("x", new Object[]{"2017-09-01", "sdf", null, null, null}));
        }
        assertThat(Files.isDirectory(data)).isTrue();
        try (JdbcEventStore s = JdbcEventStore.embedded(data)) {
            assertThat(s.eventCount()).isEqualTo(1);
        }
    }

    @Test
    void anEmbeddedStoreLetsATransactionHoldMoreChangedPagesThanH2Would() {
        // H2's own limit is 19 MB at most; bulk ingest writes a batch's pages once, at its commit (see writeBuffer)
        try (JdbcEventStore s = JdbcEventStore.embedded(dir.resolve("buffer"))) {
            assertThat(s.writeBufferInUse()).isEqualTo(JdbcEventStore.writeBuffer()).isGreaterThan(19 << 20);
            s.saveAll(java.util.List.of(StoreFixtures.doc("a", new Object[]{"2017-09-01", "sdf", null, null, null}),
                    StoreFixtures.doc("b", new Object[]{"2017-09-02", "government", null, null, null})));
            assertThat(s.eventCount()).isEqualTo(2);
        }
    }

    /** The benchmark's load-free count: what H2 wrote to its file grows with what is stored. */
    @Test
    void bytesWrittenCountsWhatH2WritesToItsFile() {
        try (JdbcEventStore s = JdbcEventStore.embedded(dir.resolve("bytes"))) {
            long before = s.bytesWritten();
            assertThat(before).isNotNegative();
            s.save(StoreFixtures.doc("r1", new Object[]{"2017-09-01", "sdf", "government", 35.0, 38.0}));
            assertThat(s.bytesWritten()).isGreaterThan(before);
        }
    }

    @Test
    void aVersion1StoreIsMigratedWithItsEvents() throws Exception {
        Path data = dir.resolve("v1");
        String url = JdbcEventStore.h2Url(data);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reports (id, content_hash, file, event_count, claim_count, "
                    + "report_json, text, ingested_at) VALUES ('r', 'h', 'r.txt', 1, 0, '{\"id\":\"r\"}', 'text', ?)")) {
                ps.setObject(1, OffsetDateTime.now());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (id, report_id, seq, event_date, side1, provenance, "
                    + "event_json, review_status, ingested_at) VALUES ('r-001', 'r', 0, DATE '2017-09-01', 'sdf', '{}', "
                    + "'{\"event_id\":\"r-001\",\"side1\":\"sdf\"}', 'unreviewed', ?)")) {
                ps.setObject(1, OffsetDateTime.now());
                ps.executeUpdate();
            }
            // V4 computes the grid cell of a stored position
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (id, report_id, seq, event_date, side1, latitude, "
                    + "longitude, provenance, event_json, review_status, ingested_at) VALUES ('r-002', 'r', 1, DATE '2017-09-02', "
                    + "'government', 35.25, 40.1, '{\"event_date\":{\"start\":3,\"end\":7,\"text\":\"date\",\"rule\":\"d\"}}', "
                    + "'{\"event_id\":\"r-002\",\"evidence\":{\"start\":0,\"end\":4,\"text\":\"text\",\"rule\":\"r\"}}', "
                    + "'unreviewed', ?)")) {
                ps.setObject(1, OffsetDateTime.now());
                ps.executeUpdate();
            }
        }
        try (JdbcEventStore s = JdbcEventStore.embedded(data)) {
            assertThat(s.event("r-001").orElseThrow().contract()).isEqualTo(Map.of("event_id", "r-001", "side1", "sdf"));
            assertThat(s.events(EventFilter.parse(Map.of("side", "sdf"), n -> null), 10, 0).total()).isEqualTo(1);
            assertThat(s.events(EventFilter.parse(Map.of("bbox", "40,35.25,40.2,35.3"), n -> null), 10, 0).items())
                    .extracting(StoredEvent::id).containsExactly("r-002");
            assertThat(s.events(EventFilter.parse(Map.of("near", "35.25,40.1", "radius_km", "1"), n -> null), 10, 0).total()).isEqualTo(1);
            // the evidence spans come from the event's documents
            assertThat(s.evidence("r-002")).extracting(m -> m.get("field"), m -> m.get("start"), m -> m.get("text"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("event", 0, "text"),
                            org.assertj.core.groups.Tuple.tuple("event_date", 3, "date"));
        }
    }
}
