package io.frontline.cli;

import io.frontline.store.JdbcEventStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the store is: {@code --data DIR} (embedded H2, the default) or {@code --db URL} (PostgreSQL). */
public final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "frontline-data",
            description = "Embedded store directory, created on first use (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "A PostgreSQL database instead of the embedded store, "
            + "e.g. jdbc:postgresql://localhost:5432/frontline.")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $FRONTLINE_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (default: $FRONTLINE_DB_PASSWORD).")
    String password;

    /** The API tokens of the same store. */
    public io.frontline.store.TokenStore openTokens() {
        if (db == null || db.isBlank()) {
            return io.frontline.store.TokenStore.embedded(data);
        }
        checkUrl();
        String u = user != null ? user : System.getenv("FRONTLINE_DB_USER");
        String p = password != null ? password : System.getenv("FRONTLINE_DB_PASSWORD");
        return io.frontline.store.TokenStore.open(db, u, p);
    }

    private void checkUrl() {
        if (!db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:h2:")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--db: expected a jdbc:postgresql://HOST[:PORT]/DATABASE URL, got '" + db + "'");
        }
    }

    public JdbcEventStore open() {
        if (db == null || db.isBlank()) {
            return JdbcEventStore.embedded(data);
        }
        if (!db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:h2:")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--db: expected a jdbc:postgresql://HOST[:PORT]/DATABASE URL, got '" + db + "'");
        }
        String u = user != null ? user : System.getenv("FRONTLINE_DB_USER");
        String p = password != null ? password : System.getenv("FRONTLINE_DB_PASSWORD");
        return JdbcEventStore.open(db, u, p == null ? "" : p);
    }
}
