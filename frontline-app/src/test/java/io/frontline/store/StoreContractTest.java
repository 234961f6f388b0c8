package io.frontline.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Reads run on connections of their own: while one reader is stopped in the middle of a scan (its connection and
     * transaction held), a report is stored and other reads answer; the stopped reader keeps its snapshot.
     */
    /**
     * Keyset pages (pages of 3 following next_cursor) and offset pages of 5 list exactly what one offset page of 1000
     * lists, in the same order, for every kind of filter, events without a date and events sharing a date included;
     * the type and source filters
     * (answered through the stored spellings) equal a brute-force test of every event, corrected spellings included.
     */
    @Test
    void cursorPagesWalkEveryMatchOnceAndFiltersEqualABruteForceTest() {
        List<Object[]> rows = new java.util.ArrayList<>();
        String[] sides = {"sdf", "islamic_state", "government", "civilians", null};
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 40; i++) {
            String date = i % 9 == 0 ? null : "2017-09-" + String.format("%02d", 1 + r.nextInt(6));
            rows.add(new Object[]{date, sides[r.nextInt(4)], sides[1 + r.nextInt(4)], 35 + r.nextDouble(), 38 + r.nextDouble()});
        }
        store().save(StoreFixtures.doc("k1", rows.subList(0, 20).toArray(new Object[0][])));
        store().save(StoreFixtures.doc("k2", rows.subList(20, 40).toArray(new Object[0][])));
        store().review("k1-002", "correct", "tester", Map.of("sub_event_type", "armed CLASH"));
        store().review("k2-003", "correct", "tester", Map.of("event_type", "BATTLES", "sub_event_type", "Attack"));
        List<StoredEvent> all = store().events(EventFilter.ALL, 1000, 0).items();
        assertThat(all).hasSize(40);
        // the JSON text the API writes is the object json() gives, corrected events included
        List<String> texts = store().eventsJson(EventFilter.ALL, 1000, 0, null).items();
        com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < all.size(); i++) {
            try {
                assertThat(om.readTree(texts.get(i))).isEqualTo(om.valueToTree(all.get(i).json()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(texts.get(i), e);
            }
        }
        List<Map<String, String>> filters = List.of(Map.of(), Map.of("side", "sdf"), Map.of("type", "armed clash"),
                Map.of("type", "Battles"), Map.of("type", "attack"), Map.of("type", "no such type"), Map.of("source", "WIRE"),
                Map.of("source", "nobody"), Map.of("status", "corrected"), Map.of("from", "2017-09-02", "to", "2017-09-04"),
                Map.of("bbox", "38.2,35.2,38.9,35.9"), Map.of("bbox", "38.2,35.2,38.9,35.9", "from", "2017-09-03"),
                Map.of("type", "Armed clash", "side", "islamic_state", "min_confidence", "0.1"), Map.of("actor", "OF SDF"),
                Map.of("place", "place 1"), Map.of("place", "deir EZ", "from", "2017-09-03"));
        for (Map<String, String> fp : filters) {
            EventFilter f = EventFilter.parse(fp, n -> null);
            Page<StoredEvent> whole = store().events(f, 1000, 0);
            assertThat(whole.totalCapped()).isFalse();
            assertThat(whole.nextCursor()).isNull();
            assertThat(whole.total()).as("%s", fp).isEqualTo(whole.items().size());
            // the response cache's test of a written event lists what the store lists (on plain data, exactly)
            assertThat(all.stream().filter(f::mayMatch).map(StoredEvent::id).toList()).as("%s", fp)
                    .isEqualTo(whole.items().stream().map(StoredEvent::id).toList());
            if (fp.size() == 1 && (fp.containsKey("type") || fp.containsKey("source"))) {
                String v = fp.values().iterator().next().toLowerCase(java.util.Locale.ROOT);
                List<String> expected = all.stream().filter(e -> fp.containsKey("type")
                                ? v.equals(lower(e.contract().get("event_type"))) || v.equals(lower(e.contract().get("sub_event_type")))
                                : lower(e.source()).contains(v)).map(StoredEvent::id).toList();
                assertThat(whole.items().stream().map(StoredEvent::id).toList()).as("%s", fp).isEqualTo(expected);
            }
            List<String> walked = new java.util.ArrayList<>();
            String cursor = null;
            for (int guard = 0; guard < 100; guard++) {
                Page<StoredEvent> p = store().events(f, 3, 0, cursor);
                p.items().forEach(e -> walked.add(e.id()));
                assertThat(p.total()).isEqualTo(whole.total());
                cursor = p.nextCursor();
                if (cursor == null) {
                    break;
                }
                assertThat(p.items()).hasSize(3);
            }
            assertThat(walked).as("%s", fp).isEqualTo(whole.items().stream().map(StoredEvent::id).toList());
            // offset pages under the cap (chosen among the keys the count read, on H2) are slices of the whole list
            List<String> ids = whole.items().stream().map(StoredEvent::id).toList();
            for (int offset = 0; offset <= ids.size(); offset += 7) {
                Page<StoredEvent> p = store().events(f, 5, offset);
                assertThat(p.items().stream().map(StoredEvent::id).toList()).as("%s offset %d", fp, offset)
                        .isEqualTo(ids.subList(offset, Math.min(ids.size(), offset + 5)));
                assertThat(p.total()).isEqualTo(ids.size());
                assertThat(p.nextCursor() != null).isEqualTo(offset + 5 < ids.size());
            }
        }
        assertThat(store().events(EventFilter.parse(Map.of("type", "armed clash"), n -> null), 1000, 0).items())
                .extracting(StoredEvent::id).contains("k1-002").doesNotContain("k2-003");
        assertThatThrownBy(() -> store().events(EventFilter.ALL, 3, 3, all.get(0).id())).isInstanceOf(BadFilterException.class);
        assertThatThrownBy(() -> store().events(EventFilter.ALL, 3, 0, "not a cursor")).isInstanceOf(BadFilterException.class)
                .hasMessageContaining("cursor");
    }

    private static String lower(Object o) {
        return o == null ? "" : o.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** Totals are counted up to the cap (or to offset + limit) and flagged beyond it. */
    @Test
    void totalsAreCappedAndFlaggedUnlessThePageReachesBeyondTheCap() {
        int n = JdbcEventStore.TOTAL_CAP + 30;
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[]{"2017-09-" + String.format("%02d", 1 + i % 28), i % 2 == 0 ? "sdf" : "government", "islamic_state", 35.5, 38.5});
        }
        for (int from = 0; from < n; from += 200) {
            store().save(StoreFixtures.doc("c" + from / 200, rows.subList(from, Math.min(n, from + 200)).toArray(new Object[0][])));
        }
        Page<StoredEvent> first = store().events(EventFilter.ALL, 50, 0);
        assertThat(first.total()).isEqualTo(JdbcEventStore.TOTAL_CAP);
        assertThat(first.totalCapped()).isTrue();
        assertThat(first.nextCursor()).isNotNull();
        Page<StoredEvent> last = store().events(EventFilter.ALL, 50, n - 20);
        assertThat(last.items()).hasSize(20);
        assertThat(last.total()).isEqualTo(n);
        assertThat(last.totalCapped()).isFalse();
        assertThat(last.nextCursor()).isNull();
        // a side matches half: through the two side branches, capped too
        Page<StoredEvent> side = store().events(EventFilter.parse(Map.of("side", "sdf"), x -> null), 10, 0);
        assertThat(side.total()).isEqualTo(Math.min(JdbcEventStore.TOTAL_CAP, (n + 1) / 2));
        Page<StoredEvent> sideAll = store().events(EventFilter.parse(Map.of("side", "sdf"), x -> null), 1000, 0);
        assertThat(sideAll.items()).hasSize((n + 1) / 2).allMatch(e -> "sdf".equals(e.contract().get("side1")));
        assertThat(store().eventCount()).isEqualTo(n);
    }

    @Test
    void aReadInProgressHoldsUpNeitherWritesNorOtherReads() throws Exception {
        ReportDoc seed = StoreFixtures.seedDoc();
        SyntheticReports syn = new SyntheticReports(List.of(seed), 3, 11);
        store().save(syn.report(0));
        java.util.concurrent.CountDownLatch inScan = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger scanned = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> store().scan(EventFilter.ALL, e -> {
            if (scanned.getAndIncrement() == 0) {
                inScan.countDown();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        reader.start();
        try {
            assertThat(inScan.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                // with one connection for everything these would wait for the stopped scan: a timeout fails the test
                IngestResult stored = pool.submit(() -> store().save(syn.report(1))).get(20, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(stored.stored()).isTrue();
                Page<StoredEvent> page = pool.submit(() -> store().events(EventFilter.ALL, 100, 0)).get(20, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(page.total()).isEqualTo(6);
                assertThat(pool.submit(() -> store().eventCount()).get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(6);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            release.countDown();
            reader.join(30_000);
        }
        // the scan began before the second report was committed and read one snapshot
        assertThat(scanned.get()).isEqualTo(3);
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

    @Test
    void aReportFailingInsideItsBatchLeavesNothingBehindForTheNext() {
        store().save(StoreFixtures.doc("first", new Object[]{"2017-09-01", "sdf", null, 35.0, 40.0}));
        // two events with the same id: the batch of events fails on the primary key, after the report row was written
        ReportDoc twice = StoreFixtures.doc("twice", new Object[]{"2017-09-02", "sdf", null, 35.0, 40.0},
                new Object[]{"2017-09-03", "sdf", null, 35.0, 40.0});
        twice.events().get(1).put("event_id", twice.events().get(0).get("event_id"));
        assertThatThrownBy(() -> store().save(twice)).isInstanceOf(StoreException.class);
        assertThat(store().report("twice")).isEmpty();
        // the statements reused for the next report carry nothing of the failed one
        IngestResult next = store().save(StoreFixtures.doc("next", new Object[]{"2017-09-05", "government", null, 35.1, 40.1},
                new Object[]{"2017-09-06", "government", null, 35.2, 40.2}));
        assertThat(next.stored()).isTrue();
        assertThat(store().eventCount()).isEqualTo(3);
        assertThat(store().events(EventFilter.ALL, 10, 0).items()).extracting(StoredEvent::id)
                .containsExactly("first-001", "next-001", "next-002");
        assertThat(store().reports(10, 0).total()).isEqualTo(2);
        assertThat(store().claims(null, 10, 0).total()).isEqualTo(2);
        assertThat(store().evidence("next-002")).isNotEmpty();
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

    /**
     * The type and source filters read the stored spellings once per store version: a spelling that a later report or a
     * correction brings is found by the next filter, and one no event has any more matches nothing.
     */
    @Test
    void typeAndSourceFiltersSeeSpellingsWrittenAfterTheFirstFilter() {
        filterFixture();
        assertThat(ids(Map.of("type", "Strategic developments"))).isEmpty();
        assertThat(ids(Map.of("source", "other wire"))).isEmpty();
        assertThat(ids(Map.of("type", "violence against civilians"))).containsExactly("a-003");
        store().review("a-001", "correct", "analyst1", Map.of("event_type", "Strategic developments")).orElseThrow();
        assertThat(ids(Map.of("type", "strategic developments"))).containsExactly("a-001");
        ReportDoc other = StoreFixtures.doc("c", new Object[]{"2017-09-02", "sdf", "civilians", 36.0, 39.0});
        other = new ReportDoc(other.id(), other.contentHash(), other.file(), other.text(), "Other Wire", other.report(),
                other.events(), other.claims());
        store().save(other);
        assertThat(ids(Map.of("type", "violence against civilians"))).containsExactly("c-001", "a-003");
        assertThat(ids(Map.of("source", "other wire"))).containsExactly("c-001");
        store().review("c-001", "correct", "analyst1", Map.of("event_type", "Battles")).orElseThrow();
        assertThat(ids(Map.of("type", "violence against civilians"))).containsExactly("a-003");
        assertThat(ids(Map.of("type", "battles"))).contains("c-001");
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

    /**
     * Boxes and radii are searched through the grid cells of geo_cell; they must return exactly the events a plain
     * test of the coordinates returns, on cell boundaries, at the poles, at +-180 and for boxes of more cells than
     * are listed (one range of cells instead).
     */
    @Test
    void boxesAndRadiiThroughTheGridMatchABruteForceFilter() {
        java.util.Random r = new java.util.Random(11);
        List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            points.add(new double[]{32 + r.nextDouble() * 6, 35 + r.nextDouble() * 8});
        }
        for (int i = 0; i < 60; i++) {
            // exactly on cell boundaries (multiples of 0.25) and just beside them
            double lat = 33 + 0.25 * r.nextInt(12);
            double lon = 36 + 0.25 * r.nextInt(12);
            points.add(new double[]{lat, lon});
            points.add(new double[]{Math.nextDown(lat), Math.nextUp(lon)});
        }
        for (double[] edge : new double[][]{{90, 0}, {-90, 0}, {89.99, 179.99}, {89.9, -180}, {-89.9, 180}, {0, 180}, {0, -180},
                {45, 0}, {0, 0}, {-0.0, -0.0}, {60, 10}, {80, 100}}) {
            points.add(edge);
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        for (double[] pt : points) {
            rows.add(new Object[]{"2017-09-01", "sdf", "islamic_state", pt[0], pt[1]});
        }
        rows.add(new Object[]{"2017-09-01", "sdf", null, null, null});
        for (int from = 0; from < rows.size(); from += 100) {
            store().save(StoreFixtures.doc("g" + from / 100, rows.subList(from, Math.min(rows.size(), from + 100)).toArray(new Object[0][])));
        }
        // the ids in the order of the points: g<report>-<seq>
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ids.add("g" + i / 100 + "-" + String.format("%03d", i % 100 + 1));
        }
        List<StoredEvent> stored = store().events(EventFilter.ALL, 10_000, 0).items();
        List<Map<String, String>> extras = List.of(Map.of(), Map.of("from", "2017-08-01", "to", "2017-09-30"),
                Map.of("from", "2017-09-01", "side", "islamic_state"), Map.of("to", "2017-09-01", "side", "sdf"));
        List<double[]> boxes = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            double lat = 32 + r.nextDouble() * 6;
            double lon = 35 + r.nextDouble() * 8;
            double size = r.nextDouble() * (i < 20 ? 2 : 8);
            boxes.add(new double[]{lon, lat, Math.min(180, lon + size), Math.min(90, lat + size * 0.7)});
        }
        boxes.add(new double[]{36.25, 33.25, 36.5, 33.5});   // exactly one cell, edges included
        boxes.add(new double[]{36.5, 33.5, 36.5, 33.5});     // a point on a corner of four cells
        boxes.add(new double[]{-180, -90, 180, 90});         // the world: a range of cells
        boxes.add(new double[]{179, 89, 180, 90});
        boxes.add(new double[]{-180, -90, -179, 90});
        for (double[] b : boxes) {
            Set<String> expected = new java.util.TreeSet<>();
            for (int i = 0; i < points.size(); i++) {
                double lat = points.get(i)[0];
                double lon = points.get(i)[1];
                if (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]) {
                    expected.add(ids.get(i));
                }
            }
            String bbox = b[0] + "," + b[1] + "," + b[2] + "," + b[3];
            // alone (an IN-list of cells), with dates (a branch per cell), with dates and a side (per cell and side)
            for (Map<String, String> extra : extras) {
                Map<String, String> params = new HashMap<>(extra);
                params.put("bbox", bbox);
                EventFilter f = EventFilter.parse(params, n -> null);
                Page<StoredEvent> page = store().events(f, 10_000, 0);
                assertThat(new java.util.TreeSet<>(page.items().stream().map(StoredEvent::id).toList())).as("" + params).isEqualTo(expected);
                // the response cache's test of a written event (on plain data as exact as the store's query)
                assertThat(new java.util.TreeSet<>(stored.stream().filter(f::mayMatch).map(StoredEvent::id).toList()))
                        .as("" + params).isEqualTo(expected);
                assertThat(page.total()).as("" + params).isEqualTo(expected.size());
            }
        }
        List<double[]> nears = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            nears.add(new double[]{32 + r.nextDouble() * 6, 35 + r.nextDouble() * 8, i < 20 ? 1 + r.nextDouble() * 60 : 100 + r.nextDouble() * 500});
        }
        nears.add(new double[]{33.5, 36.5, 30});       // centred on a cell corner
        nears.add(new double[]{points.get(0)[0], points.get(0)[1], 0.001});
        nears.add(new double[]{90, 0, 2000});          // the pole, the largest radius
        nears.add(new double[]{-89.95, 0, 50});
        nears.add(new double[]{89.99, 179.99, 1500});
        nears.add(new double[]{0, 180, 2000});
        nears.add(new double[]{35, 38, 2000});
        for (double[] n : nears) {
            double k = Math.cos(Math.toRadians(n[0]));
            double dLat = n[2] / 111.195;
            double dLon = n[2] / (111.195 * Math.max(k, 0.01));
            Set<String> expected = new java.util.TreeSet<>();
            for (int i = 0; i < points.size(); i++) {
                double lat = points.get(i)[0];
                double lon = points.get(i)[1];
                if (lat >= n[0] - dLat && lat <= n[0] + dLat && lon >= n[1] - dLon && lon <= n[1] + dLon
                        && ((lat - n[0]) * (lat - n[0]) + (lon - n[1]) * (lon - n[1]) * (k * k)) <= dLat * dLat) {
                    expected.add(ids.get(i));
                }
            }
            String near = n[0] + "," + n[1];
            for (Map<String, String> extra : extras) {
                Map<String, String> params = new HashMap<>(extra);
                params.put("near", near);
                params.put("radius_km", String.valueOf(n[2]));
                EventFilter f = EventFilter.parse(params, x -> null);
                Page<StoredEvent> page = store().events(f, 10_000, 0);
                assertThat(page.items()).as("" + params).allMatch(f::mayMatch);
                assertThat(new java.util.TreeSet<>(page.items().stream().map(StoredEvent::id).toList())).as("" + params).isEqualTo(expected);
                assertThat(page.total()).as("" + params).isEqualTo(expected.size());
            }
        }
        // a corrected position moves the event to its new cell; a cleared one leaves every box
        String moved = ids.get(0);
        store().review(moved, "correct", "analyst", Map.of("latitude", 10.1, "longitude", 20.2)).orElseThrow();
        assertThat(store().events(EventFilter.parse(Map.of("bbox", "20.1,10,20.3,10.2"), x -> null), 10, 0).items())
                .extracting(StoredEvent::id).containsExactly(moved);
        assertThat(store().events(EventFilter.parse(Map.of("near", "10.1,20.2", "radius_km", "1"), x -> null), 10, 0).items())
                .extracting(StoredEvent::id).containsExactly(moved);
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("latitude", null);
        store().review(moved, "correct", "analyst", cleared).orElseThrow();
        assertThat(store().events(EventFilter.parse(Map.of("bbox", "-180,-90,180,90"), x -> null), 10_000, 0).items())
                .extracting(StoredEvent::id).doesNotContain(moved).hasSize(points.size() - 1);
    }

    /**
     * Bulk ingest ({@code saveAll}, batches split inside a story and holding the same text twice) stores what ingesting
     * the same reports one by one stores: the same reports, events, claims and story clusters (members, ordinals, story
     * ids, origins). Each batch is one transaction (the write version grows by one), and a text stored before or earlier
     * in its batch is reported as present under the first report's id.
     */
    @Test
    void bulkIngestStoresWhatOneByOneIngestStores() {
        List<ReportDoc> docs = StoreFixtures.storyDocs();
        for (ReportDoc d : docs) {
            store().save(d);
        }
        Map<String, Object> oneByOne = contents(store());
        assertThat(store().storyMembers(0)).hasSize(docs.size() - 1);
        store().close();

        store = open(null);
        long v0 = store.version();
        // a story split across batches (the seed, then its republished copy) and one within a batch (the al-bab copy,
        // then its original); the seed's exact text twice in the first batch
        List<IngestResult> first = store.saveAll(List.of(docs.get(0), docs.get(1), docs.get(2), docs.get(5)));
        assertThat(store.version()).isEqualTo(v0 + 1);
        List<IngestResult> second = store.saveAll(docs.subList(1, docs.size()));
        assertThat(store.version()).isEqualTo(v0 + 2);
        assertThat(first).extracting(IngestResult::stored).containsExactly(true, true, true, false);
        assertThat(second).extracting(IngestResult::stored).containsExactly(false, false, true, true, false);
        assertThat(second).extracting(IngestResult::refused).containsOnlyNulls();
        String seedId = docs.get(1).id();
        assertThat(first.get(3).reportId()).as("a copy of a text earlier in the batch").isEqualTo(seedId);
        assertThat(second.get(0).reportId()).isEqualTo(seedId);
        assertThat(second.get(4).reportId()).as("a copy of a text stored before").isEqualTo(seedId);
        assertThat(second.get(2).events()).isEqualTo(docs.get(3).events().size()).isPositive();
        assertThat(store.saveAll(docs)).extracting(IngestResult::stored).containsOnly(false);
        assertThat(store.version()).as("a batch that writes nothing").isEqualTo(v0 + 2);
        Map<String, Object> bulk = contents(store);
        assertThat(bulk).isEqualTo(oneByOne);
        // copies joined stories: fewer stories than reports
        assertThat(store.storyMembers(0).stream().map(StoryMember::storyId).distinct().count()).isLessThan(docs.size() - 1);
    }

    /** What a store holds, but for the times of ingest: reports (with text, events and claims), events, story members. */
    private static Map<String, Object> contents(JdbcEventStore s) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        List<Object> reports = new java.util.ArrayList<>();
        for (Map<String, Object> r : s.reports(1000, 0).items()) {
            reports.add(withoutTimes(s.report((String) r.get("id")).orElseThrow()));
        }
        reports.sort(java.util.Comparator.comparing(Object::toString));
        out.put("reports", reports);
        List<Object> events = new java.util.ArrayList<>();
        s.scan(EventFilter.ALL, e -> events.add(List.of(e.id(), e.reportId(), e.file(), e.reviewStatus(), withoutTimes(e.json()))));
        out.put("events", events);
        out.put("claims", s.claims(null, 1000, 0).items().stream().map(StoreContractTest::withoutTimes).toList());
        out.put("stories", s.storyMembers(0).stream().map(m -> List.of(m.reportId(), m.ordinal(), m.storyId(), m.originId(),
                String.valueOf(m.originSource()), String.valueOf(m.url()))).toList());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object withoutTimes(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> copy = new java.util.TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> {
                if (!k.equals("ingested_at")) {
                    copy.put(k, withoutTimes(v));
                }
            });
            return copy;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(StoreContractTest::withoutTimes).toList();
        }
        return o;
    }

    /**
     * A report the store refuses inside a batch (a value it cannot hold, a failure before the commit) is named in its
     * result, and the other reports of the batch are stored, each whole.
     */
    @Test
    void aReportTheStoreRefusesInsideABatchIsNamedAndTheOthersAreStored() {
        store = open("bad");
        ReportDoc notADate = StoreFixtures.doc("baddate", new Object[]{"2017-09-01", "sdf", null, 35.0, 40.0});
        notADate.events().get(0).put("event_date", "2017-09-31");
        List<IngestResult> results = store.saveAll(List.of(
                StoreFixtures.doc("one", new Object[]{"2017-09-01", "government", "islamic_state", 35.3, 40.1}),
                StoreFixtures.doc("bad", new Object[]{"2017-09-02", "government", "islamic_state", 35.3, 40.1}),
                notADate,
                StoreFixtures.doc("two", new Object[]{"2017-09-03", "sdf", "islamic_state", 35.9, 39.0},
                        new Object[]{"2017-09-04", "sdf", null, 35.9, 39.0})));
        assertThat(results).extracting(IngestResult::stored).containsExactly(true, false, false, true);
        assertThat(results.get(1).refused()).contains("bad.txt").contains("injected failure");
        assertThat(results.get(2).refused()).contains("baddate.txt").contains("2017-09-31");
        assertThat(results.get(0).refused()).isNull();
        assertThat(store.reports(10, 0).items()).extracting(r -> r.get("id")).containsExactlyInAnyOrder("one", "two");
        assertThat(store.eventCount()).isEqualTo(3);
        assertThat(store.claims(null, 10, 0).total()).isEqualTo(2);
        assertThat(store.storyMembers(0)).extracting(StoryMember::reportId).containsExactly("one", "two");
        assertThat(store.storyMembers(0)).extracting(StoryMember::ordinal).containsExactly(1L, 2L);
        // save() still throws for the refused report
        assertThatThrownBy(() -> store.save(StoreFixtures.doc("bad", new Object[]{"2017-09-02", "sdf", null, null, null})))
                .isInstanceOf(StoreException.class).hasMessageContaining("bad.txt");
    }
}
