package io.frontline.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's behaviour, run against every database (H2 and PostgreSQL subclasses). */
abstract class StoreContractTest {
    private JdbcEventStore store;

    /** Opens an empty store; {@code failOn} non-null: a store that fails before committing that report. */
    abstract JdbcEventStore open(String failOn);

    JdbcEventStore store() {
        if (store == null) {
            store = open(null);
        }
        return store;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static JdbcEventStore failing(String url, String user, String password, String failOn) {
        return new JdbcEventStore(url, user, password) {
            @Override
            protected void beforeCommit(ReportDoc doc) throws SQLException {
                if (doc.id().equals(failOn)) {
                    throw new SQLException("injected failure after writing " + doc.events().size() + " events");
                }
            }
        };
    }

    @Test
    void theSeedIngestedTwiceIsStoredOnce() {
        ReportDoc seed = StoreFixtures.seedDoc();
        IngestResult first = store().save(seed);
        IngestResult second = store().save(StoreFixtures.seedDoc());
        assertThat(first.stored()).isTrue();
        assertThat(first.events()).isEqualTo(seed.events().size()).isGreaterThanOrEqualTo(12);
        assertThat(second.stored()).isFalse();
        assertThat(store().reportIdByHash(ReportDoc.sha256(seed.text()))).hasValue(seed.id());
        assertThat(store().reportIdByHash("0".repeat(64))).isEmpty();
        assertThat(second.reportId()).isEqualTo(seed.id());
        assertThat(store().reports(10, 0).total()).isEqualTo(1);
        assertThat(store().eventCount()).isEqualTo(seed.events().size());
        Map<String, Object> report = store().report(seed.id()).orElseThrow();
        assertThat(report.get("published")).isEqualTo("2017-09-14");
        assertThat((List<?>) report.get("events")).hasSize(seed.events().size());
        assertThat((List<?>) report.get("claims")).hasSize(seed.claims().size());
        // every field of the contract survives, evidence and provenance included
        StoredEvent e = store().event((String) seed.events().get(0).get("event_id")).orElseThrow();
        assertThat(e.contract()).isEqualTo(seed.events().get(0));
        assertThat(e.reviewStatus()).isEqualTo("unreviewed");
        assertThat(e.source()).isEqualTo(seed.source());
        // one evidence span per field: the event's own, then its provenance
        @SuppressWarnings("unchecked")
        Map<String, Object> prov = (Map<String, Object>) seed.events().get(0).get("provenance");
        List<Map<String, Object>> spans = store().evidence(e.id());
        assertThat(spans).hasSize(1 + prov.size());
        assertThat(spans.get(0)).containsEntry("field", "event");
        @SuppressWarnings("unchecked")
        Map<String, Object> ev = (Map<String, Object>) seed.events().get(0).get("evidence");
        assertThat(spans.get(0)).containsEntry("start", ev.get("start")).containsEntry("end", ev.get("end"))
                .containsEntry("text", ev.get("text")).containsEntry("rule", ev.get("rule"));
        assertThat(store().evidence("nope")).isEmpty();
    }

    @Test
    void aFailureMidWriteLeavesNoHalfWrittenReport() {
        store = open("bad");
        store.save(StoreFixtures.doc("good", new Object[]{"2017-09-01", "government", "islamic_state", 35.3, 40.1}));
        assertThatThrownBy(() -> store.save(StoreFixtures.doc("bad",
                new Object[]{"2017-09-02", "government", "islamic_state", 35.3, 40.1},
                new Object[]{"2017-09-03", "sdf", "islamic_state", 35.9, 39.0})))
                .isInstanceOf(StoreException.class).hasMessageContaining("injected failure");
        assertThat(store.reports(10, 0).total()).isEqualTo(1);
        assertThat(store.report("bad")).isEmpty();
        assertThat(store.eventCount()).isEqualTo(1);
        assertThat(store.claims(null, 10, 0).total()).isEqualTo(1);
        // the store is still usable afterwards
        store.save(StoreFixtures.doc("after", new Object[]{"2017-09-04", "sdf", null, null, null}));
        assertThat(store.eventCount()).isEqualTo(2);
    }

    private List<String> ids(Map<String, String> params) {
        EventFilter f = EventFilter.parse(params, name -> name.equals("Deir ez-Zor") ? new double[]{35.3359, 40.1408} : null);
        return store().events(f, 100, 0).items().stream().map(StoredEvent::id).toList();
    }

    private void filterFixture() {
        store().save(StoreFixtures.doc("a",
                new Object[]{"2017-09-01", "government", "islamic_state", 35.3359, 40.1408},   // a-001 Deir ez-Zor
                new Object[]{"2017-09-10", "sdf", "islamic_state", 35.95, 39.01},             // a-002 Raqqa
                new Object[]{"2017-10-05", "islamic_state", "civilians", 35.40, 40.20}));      // a-003 near Deir ez-Zor
        store().save(StoreFixtures.doc("b",
                new Object[]{"2016-12-31", "opposition", "government", 36.20, 37.15},        // b-001 Aleppo
                new Object[]{"2017-09-05", "russia", "opposition", null, null}));              // b-002 unlocated
    }

    @Test
    void filtersReturnTheRightEvents() {
        filterFixture();
        assertThat(ids(Map.of())).containsExactly("b-001", "a-001", "b-002", "a-002", "a-003");
        assertThat(ids(Map.of("from", "2017-09-01", "to", "2017-09-30"))).containsExactly("a-001", "b-002", "a-002");
        assertThat(ids(Map.of("side", "islamic_state"))).containsExactly("a-001", "a-002", "a-003");
        assertThat(ids(Map.of("side", "government", "from", "2017-01-01"))).containsExactly("a-001");
        assertThat(ids(Map.of("bbox", "39.5,35,40.5,35.6"))).containsExactly("a-001", "a-003");
        assertThat(ids(Map.of("near", "Deir ez-Zor", "radius_km", "15"))).containsExactly("a-001", "a-003");
        assertThat(ids(Map.of("near", "Deir ez-Zor", "radius_km", "5"))).containsExactly("a-001");
        assertThat(ids(Map.of("near", "35.95,39.01", "radius_km", "1"))).containsExactly("a-002");
        assertThat(ids(Map.of("type", "violence against civilians"))).containsExactly("a-003");
        assertThat(ids(Map.of("type", "Armed clash", "actor", "russia"))).containsExactly("b-002");
        assertThat(ids(Map.of("place", "place 3"))).containsExactly("a-003");
        assertThat(ids(Map.of("source", "test wire", "min_confidence", "0.75"))).containsExactly("a-003");
        assertThat(ids(Map.of("actor", "100%_!"))).isEmpty();
        assertThat(ids(Map.of("status", "unreviewed"))).hasSize(5);
        Page<StoredEvent> page = store().events(EventFilter.ALL, 2, 1);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(StoredEvent::id).containsExactly("a-001", "b-002");
    }

    @Test
    void badFiltersNameTheParameter() {
        Map<String, String> bad = new HashMap<>();
        for (var c : List.of(List.of("from", "2017-13-01"), List.of("bbox", "1,2,3"), List.of("radius_km", "-1"),
                List.of("min_confidence", "x"), List.of("status", "maybe"), List.of("near", "Nowhere-on-earth"))) {
            bad.clear();
            bad.put(c.get(0), c.get(1));
            if (c.get(0).equals("radius_km")) {
                bad.put("near", "35,40");
            }
            assertThatThrownBy(() -> EventFilter.parse(bad, n -> null)).isInstanceOf(BadFilterException.class)
                    .satisfies(e -> assertThat(((BadFilterException) e).parameter()).isEqualTo(c.get(0)));
        }
    }

    @Test
    void reviewsAreKeptAsAnAuditTrail() {
        filterFixture();
        store().review("a-001", "confirm", "analyst1", null).orElseThrow();
        ReviewAction corrected = store().review("a-002", "correct", "analyst2", Map.of("event_date", "2017-09-11",
                "fatalities", 4, "side1", "sdf")).orElseThrow();
        assertThat(corrected.action()).isEqualTo("correct");
        assertThat(store().review("nope", "reject", "analyst1", null)).isEmpty();
        assertThatThrownBy(() -> store().review("a-003", "approve", "x", null)).isInstanceOf(BadFilterException.class);
        assertThatThrownBy(() -> store().review("a-003", "correct", "x", Map.of("event_id", "z")))
                .isInstanceOf(BadFilterException.class);
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("latitude", null);
        cleared.put("longitude", null);
        cleared.put("actor2", null);
        store().review("a-003", "correct", "analyst2", cleared).orElseThrow();
        assertThat(store().event("a-003").orElseThrow().contract()).containsEntry("latitude", null).containsEntry("actor2", null);
        assertThat(ids(Map.of("bbox", "39.5,35,40.5,35.6"))).containsExactly("a-001");
        StoredEvent e = store().event("a-002").orElseThrow();
        assertThat(e.reviewStatus()).isEqualTo("corrected");
        assertThat(e.contract().get("event_date")).isEqualTo("2017-09-11");
        assertThat(e.contract().get("fatalities")).isEqualTo(4);
        assertThat(ids(Map.of("from", "2017-09-11", "to", "2017-09-11"))).containsExactly("a-002");
        assertThat(ids(Map.of("status", "confirmed"))).containsExactly("a-001");
        assertThat(ids(Map.of("status", "corrected"))).containsExactly("a-002", "a-003");
        assertThat(store().reviews("a-002")).singleElement().satisfies(r -> {
            assertThat(r.reviewer()).isEqualTo("analyst2");
            assertThat(r.fields()).containsEntry("fatalities", 4);
        });
        // the whole audit trail, oldest first, in pages
        var log = store().reviewLog(1000, 0);
        assertThat(log.total()).isEqualTo(log.items().size());
        assertThat(log.items().stream().map(ReviewAction::eventId).toList()).endsWith("a-001", "a-002", "a-003");
        assertThat(store().reviewLog(1, (int) log.total() - 2).items()).singleElement()
                .satisfies(r -> assertThat(r.reviewer()).isEqualTo("analyst2"));
    }
}
