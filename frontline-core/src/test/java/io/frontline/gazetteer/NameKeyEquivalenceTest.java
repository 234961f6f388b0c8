package io.frontline.gazetteer;

import io.frontline.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written {@link NameKey} produces exactly the keys of the former regex implementation
 * ({@link NameKeyReference}): on every name of the shipped gazetteer, every word and two-word phrase
 * of the corpus, and random strings over the letters the rules treat specially.
 */
class NameKeyEquivalenceTest {

    private static void check(Iterable<String> names) {
        int n = 0;
        for (String s : names) {
            assertThat(NameKey.key(s)).as("key of [%s]", s).isEqualTo(NameKeyReference.key(s));
            assertThat(NameKey.phonetic(s)).as("phonetic of [%s]", s).isEqualTo(NameKeyReference.phonetic(s));
            assertThat(NameKey.skeleton(s)).as("skeleton of [%s]", s).isEqualTo(NameKeyReference.skeleton(s));
            String k = NameKey.key(s);
            assertThat(NameKey.isGenericOnly(k)).as("generic [%s]", k).isEqualTo(NameKeyReference.isGenericOnly(k));
            n++;
        }
        assertThat(n).isPositive();
    }

    @Test
    void gazetteerNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : TestData.resource("gazetteer/sy-places.tsv")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length > 2) {
                names.add(f[1]);
                names.addAll(List.of(f[2].split("\\|")));
            }
        }
        assertThat(names.size()).isGreaterThan(6000);
        check(names);
    }

    @Test
    void corpusWordsAndPhrases() throws IOException {
        TestData.requireShared();
        Set<String> phrases = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestData.CORPUS)) {
            s.sorted().forEach(files::add);
        }
        for (Path p : files) {
            String[] w = Files.readString(p, StandardCharsets.UTF_8).split("[\\s\\t]+");
            for (int i = 0; i < w.length; i++) {
                phrases.add(w[i]);
                if (i + 1 < w.length) {
                    phrases.add(w[i] + " " + w[i + 1]);
                }
            }
        }
        check(phrases);
    }

    @Test
    void randomStrings() {
        String alphabet = "aaeeiioouuyyhhwwdtgkqzsnlrbmAEIOUDT '’‘`ʿʾ\"´-.,é ïÉçİ١ـعب\u0301";
        Random r = new Random(11);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            int len = 1 + r.nextInt(14);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            names.add(sb.toString());
        }
        names.addAll(List.of("", " ", "'", "al-", "Al Ezzor", "Deir Ezzor", "x ettal", "Umm al-Tal", "iyyah", "ia", "h", "ah",
                "Rouad mountain", "Kobanî", "Aïn", "\uD834\uDD65a", "a\uD835\uDC00b", "ⅫRaqqa"));
        check(names);
    }
}
