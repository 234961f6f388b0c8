package io.frontline.bench;

import io.frontline.KnowledgeBase;
import io.frontline.gazetteer.Gazetteer;
import io.frontline.gazetteer.Place;
import io.frontline.text.SentenceSplitter;
import io.frontline.text.Sentence;
import io.frontline.text.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Inputs shared by the benchmarks: the bundled knowledge base, the corpus texts (system property
 * {@code frontline.corpus}, default {@code ../shared/data/corpus/wikipedia-dev}, else the bundled {@code samples/})
 * and their sentences, and gazetteer names with and without typos.
 */
final class BenchData {
    private static KnowledgeBase knowledge;
    private static List<String> texts;

    private BenchData() {
    }

    static synchronized KnowledgeBase knowledge() {
        if (knowledge == null) {
            knowledge = KnowledgeBase.of(BenchData::resource, List.of());
        }
        return knowledge;
    }

    private static List<String> resource(String file) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/io/frontline/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus reports, whole. */
    static synchronized List<String> texts() {
        if (texts == null) {
            Path dir = Path.of(System.getProperty("frontline.corpus", "../shared/data/corpus/wikipedia-dev"));
            if (!Files.isDirectory(dir)) {
                dir = Path.of("samples");
            }
            try (Stream<Path> s = Files.list(dir)) {
                List<String> out = new ArrayList<>();
                for (Path p : s.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).sorted().toList()) {
                    out.add(Files.readString(p, StandardCharsets.UTF_8));
                }
                if (out.isEmpty()) {
                    throw new IllegalStateException("no reports in " + dir.toAbsolutePath() + " (set -Dfrontline.corpus=DIR)");
                }
                texts = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    /** The corpus split into paragraphs (blank-line separated), as the pipeline's splitter sees them. */
    static List<String> paragraphs() {
        List<String> out = new ArrayList<>();
        for (String t : texts()) {
            for (String p : t.split("\\n\\s*\\n")) {
                if (!p.isBlank()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Every sentence of the corpus, as text. */
    static List<String> sentences() {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> out = new ArrayList<>();
        for (String p : paragraphs()) {
            for (Sentence s : splitter.split(p, new Span(0, p.length()), 0, 0)) {
                out.add(s.text());
            }
        }
        return out;
    }

    /** Up to 5,000 gazetteer names as spelled there. */
    static String[] gazetteerNames() {
        Gazetteer g = knowledge().gazetteer();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < g.size() && names.size() < 5000; i++) {
            g.byId("wm:" + i).map(Place::name).ifPresent(names::add);
        }
        return names.toArray(String[]::new);
    }

    /** The same names misspelled as {@code frontline bench} does: a vowel dropped, a consonant doubled. */
    static String[] typos() {
        return Arrays.stream(gazetteerNames())
                .map(k -> k.replaceFirst("[aeiou]", "").replaceFirst("([bdfklmnrst])", "$1$1")).toArray(String[]::new);
    }
}
