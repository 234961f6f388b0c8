package io.frontline.store;

/** The same behaviour against a real PostgreSQL server (FRONTLINE_TEST_PG_URL; .ci/run starts one). */
class PostgresStoreTest extends StoreContractTest {
    @Override
    JdbcEventStore open(String failOn) {
        String[] pg = StoreFixtures.postgres();
        return failOn == null ? JdbcEventStore.open(pg[0], pg[1], pg[2]) : failing(pg[0], pg[1], pg[2], failOn);
    }
}
