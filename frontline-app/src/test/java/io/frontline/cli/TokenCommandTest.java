package io.frontline.cli;

import io.frontline.store.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCommandTest {
    @Test
    void createListRevoke(@TempDir Path dir) {
        String data = dir.resolve("data").toString();
        var created = ExtractCommandTest.run("token", "create", "alice", "--data", data);
        assertThat(created.code()).as(created.err()).isZero();
        String token = created.out().trim();
        assertThat(token).startsWith("flt_").doesNotContain("\n");
        assertThat(created.err()).contains("shown only now");
        var again = ExtractCommandTest.run("token", "create", "alice", "--data", data);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("'alice' exists already", "token list");
        var bad = ExtractCommandTest.run("token", "create", "bad name", "--data", data);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("NAME 'bad name'").doesNotContain("Exception");
        var list = ExtractCommandTest.run("token", "list", "--data", data);
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("alice").doesNotContain(token);
        var revoke = ExtractCommandTest.run("token", "revoke", "alice", "--data", data);
        assertThat(revoke.code()).isZero();
        assertThat(revoke.out()).contains("revoked alice");
        var twice = ExtractCommandTest.run("token", "revoke", "alice", "--data", data);
        assertThat(twice.code()).isEqualTo(1);
        assertThat(twice.err()).contains("no active token named 'alice'");
        var none = ExtractCommandTest.run("token");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("create NAME, list or revoke NAME");
        var badDb = ExtractCommandTest.run("token", "list", "--db", "mysql://x");
        assertThat(badDb.code()).isEqualTo(2);
        assertThat(badDb.err()).contains("--db").doesNotContain("\tat ");
        try (TokenStore t = TokenStore.embedded(dir.resolve("data"))) {
            assertThat(t.find("alice").orElseThrow().revokedAt()).isNotNull();
            assertThat(t.find("alice").orElseThrow().matches(token)).isTrue();
        }
    }

    @Test
    void serveCreatesAnAdminTokenOnlyWhenNoneIsActive(@TempDir Path dir) {
        try (TokenStore t = TokenStore.embedded(dir)) {
            String first = ServeCommand.bootstrapToken(t);
            assertThat(first).startsWith("admin flt_");
            assertThat(ServeCommand.bootstrapToken(t)).isNull();
            t.revoke("admin");
            assertThat(ServeCommand.bootstrapToken(t)).startsWith("admin-2 flt_");
        }
    }
}
