package io.frontline.store;

import org.flywaydb.core.Flyway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens (table {@code api_tokens}, migration V3): a token is shown once when created; the store keeps its name,
 * a random salt and SHA-256(salt || token). Tokens are checked against every active row in constant time per row.
 */
public final class TokenStore implements AutoCloseable {
    /** A token row: never the token itself. */
    public record TokenInfo(String name, String salt, String hash, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }

        /** Whether {@code token} is this row's token (constant time in the token's content). */
        public boolean matches(String token) {
            return MessageDigest.isEqual(HexFormat.of().parseHex(hash), digest(salt, token));
        }
    }

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Connection conn;

    private TokenStore(String url, String user, String password) {
        try {
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
            conn = DriverManager.getConnection(url, user, password);
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("cannot open the token table at " + url.replaceAll("(?i)password=[^&;]*", "password=***")
                    + ": " + e.getMessage(), e);
        }
    }

    public static TokenStore open(String url, String user, String password) {
        return new TokenStore(url, user, password == null ? "" : password);
    }

    /** The tokens of the embedded store in {@code dir}. */
    public static TokenStore embedded(Path dir) {
        return new TokenStore(JdbcEventStore.h2Url(dir), "sa", "");
    }

    /** Creates a token named {@code name} and returns it (the only time it is seen). */
    public synchronized String create(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("token name '" + name + "': use 1 to 64 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit");
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("a token named '" + name + "' exists already (revoked tokens keep their name "
                    + "for the audit trail); choose another name, see 'frontline token list'");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "flt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] s = new byte[16];
        RANDOM.nextBytes(s);
        String salt = HexFormat.of().formatHex(s);
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO api_tokens (name, salt, token_hash, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, salt);
            ps.setString(3, HexFormat.of().formatHex(digest(salt, token)));
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
            ps.executeUpdate();
            JdbcEventStore.bumpVersion(conn);
        } catch (SQLException e) {
            throw new StoreException("cannot store the token '" + name + "': " + e.getMessage(), e);
        }
        return token;
    }

    /** Revokes the token; false when there is no active token of that name. */
    public synchronized boolean revoke(String name) {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
            ps.setString(2, name);
            boolean revoked = ps.executeUpdate() == 1;
            JdbcEventStore.bumpVersion(conn);
            return revoked;
        } catch (SQLException e) {
            throw new StoreException("cannot revoke the token '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Every token, active and revoked, by name. */
    public synchronized List<TokenInfo> list() {
        List<TokenInfo> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT name, salt, token_hash, created_at, revoked_at FROM api_tokens ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TokenInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the tokens: " + e.getMessage(), e);
        }
        return out;
    }

    public Optional<TokenInfo> find(String name) {
        return list().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    static byte[] digest(String salt, String token) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            md.update(token.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
