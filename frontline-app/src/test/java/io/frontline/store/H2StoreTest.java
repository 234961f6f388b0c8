package io.frontline.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class H2StoreTest extends StoreContractTest {
    @TempDir
    Path dir;

    @Override
    JdbcEventStore open(String failOn) {
        return failOn == null ? JdbcEventStore.embedded(dir.resolve("data")) : failing(JdbcEventStore.h2Url(dir.resolve("data")), "sa", "", failOn);
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
}
