package io.frontline;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test access to the bundled knowledge and to {@code ../shared}. Tests that need {@code ../shared} skip with a
 * message where it is absent (a user's clone), and fail instead when FRONTLINE_REQUIRE_SHARED=1 (CI).
 */
public final class TestData {
    public static final Path SHARED = Path.of("..", "shared");
    public static final Path SEED = SHARED.resolve("seed/000_0f73b6b4984142d8.txt");
    public static final Path CORPUS = SHARED.resolve("data/corpus/wikipedia-dev");
    private static KnowledgeBase knowledge;
    private static Frontline frontline;

    private TestData() {
    }

    public static synchronized KnowledgeBase knowledge() {
        if (knowledge == null) {
            knowledge = KnowledgeBase.of(TestData::resource, List.of());
        }
        return knowledge;
    }

    public static synchronized Frontline frontline() {
        if (frontline == null) {
            frontline = new Frontline(knowledge());
        }
        return frontline;
    }

    public static List<String> resource(String file) {
        try (InputStream in = TestData.class.getResourceAsStream("/io/frontline/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the calling test where ../shared is absent, unless CI requires it. */
    public static void requireShared() {
        boolean present = Files.isDirectory(SHARED);
        if (!present && "1".equals(System.getenv("FRONTLINE_REQUIRE_SHARED"))) {
            throw new AssertionError("../shared is required (FRONTLINE_REQUIRE_SHARED=1) but missing at " + SHARED.toAbsolutePath());
        }
        Assumptions.assumeTrue(present, "skipped: ../shared (seed and reference data) is not beside this checkout");
    }

    public static String read(Path p) {
        requireShared();
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Extraction extract(Path p) {
        return frontline().extract(p.toString(), read(p));
    }

    public static Path corpus(String name) {
        return CORPUS.resolve(name);
    }
}
