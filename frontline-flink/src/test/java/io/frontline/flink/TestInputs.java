package io.frontline.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tests' reports: the repository's {@code samples/} as JSON lines, a syndicated copy of one (another site's
 * header and footer, naming the original), and the seed report of {@code ../shared} where it is present (skipped
 * with a message where absent; required when FRONTLINE_REQUIRE_SHARED=1, as the core's {@code TestData} does).
 */
final class TestInputs {
    static final Path SAMPLES = Path.of("samples");
    static final Path SEED = Path.of("..", "shared", "seed", "000_0f73b6b4984142d8.txt");
    static final Path DESERT = SAMPLES.resolve("2017-09-20-desert-front.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestInputs() {
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the seed is there; fails in CI (FRONTLINE_REQUIRE_SHARED=1) where it is not. */
    static boolean seedPresent() {
        boolean present = Files.isRegularFile(SEED);
        if (!present && "1".equals(System.getenv("FRONTLINE_REQUIRE_SHARED"))) {
            throw new AssertionError("../shared is required (FRONTLINE_REQUIRE_SHARED=1) but missing at " + SEED.toAbsolutePath());
        }
        return present;
    }

    static void requireSeed() {
        Assumptions.assumeTrue(seedPresent(), "skipped: ../shared (the seed report) is not beside this checkout");
    }

    static String line(Map<String, String> fields) {
        ObjectNode n = JSON.createObjectNode();
        fields.forEach(n::put);
        return n.toString();
    }

    /** The bundled samples as JSON lines (a page as {@code html}, the others as {@code text}). */
    static List<String> sampleLines() {
        List<String> out = new ArrayList<>();
        for (String name : List.of("2016-11-24-al-bab-front.md", "2017-09-19-river-front.html", "2017-09-20-desert-front.txt")) {
            String content = read(SAMPLES.resolve(name));
            out.add(line(name.endsWith(".html") ? Map.of("html", content, "url", "https://samples.example/" + name)
                    : Map.of("text", content, "url", "https://samples.example/" + name)));
        }
        return out;
    }

    /** The desert-front sample republished by another site, with its own header and footer, naming the original. */
    static String syndicatedCopyText() {
        return "Mirror Daily\n\nThis article was republished with permission.\n\n" + read(DESERT)
                + "\n\nShare this article with your friends. Subscribe to Mirror Daily for more news from the region.\n";
    }

    static String syndicatedCopyLine() {
        return line(Map.of("text", syndicatedCopyText(), "publisher", "Mirror Daily", "original_source", "Frontline Samples",
                "url", "https://mirror.example/desert-front", "published", "2017-09-21"));
    }

    static String seedLine() {
        return line(Map.of("text", read(SEED), "url", "https://seed.example/000"));
    }
}
