package io.frontline.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token table (migration V3) on a real PostgreSQL server (FRONTLINE_TEST_PG_URL; .ci/run starts one). */
class PostgresTokenStoreTest {
    @Test
    void createListRevokeOnPostgres() {
        String[] pg = StoreFixtures.postgres();
        try (TokenStore t = TokenStore.open(pg[0], pg[1], pg[2])) {
            String a = t.create("alice");
            assertThat(t.list()).singleElement().satisfies(i -> {
                assertThat(i.name()).isEqualTo("alice");
                assertThat(i.active()).isTrue();
                assertThat(i.matches(a)).isTrue();
                assertThat(i.hash()).doesNotContain(a);
            });
            assertThat(t.revoke("alice")).isTrue();
            assertThat(t.revoke("alice")).isFalse();
            assertThat(t.find("alice").orElseThrow().revokedAt()).isNotNull();
        }
    }
}
