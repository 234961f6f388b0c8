package io.frontline.text;

import io.frontline.KnowledgeBase;
import io.frontline.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The literal-head prefilter of {@link Lexicon} never changes a result: every lexicon, on every corpus sentence,
 * (and, for page furniture, every line), finds exactly what running every rule's regular expression finds.
 */
class LexiconPrefilterTest {

    private static List<Lexicon.Hit> bruteForce(Lexicon lex, String text, String kind) {
        List<Lexicon.Hit> out = new ArrayList<>();
        for (Lexicon.Rule r : lex.rules()) {
            if (kind != null && !r.kind().equals(kind)) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                if (m.end() > m.start()) {
                    out.add(new Lexicon.Hit(r, m.start(), m.end(), m.group(), m.groupCount() > 0 ? m.group(1) : null));
                }
            }
        }
        return out;
    }

    private static Optional<Lexicon.Hit> bruteFirst(Lexicon lex, String text, String kind) {
        for (Lexicon.Rule r : lex.rules()) {
            if (kind != null && !r.kind().equals(kind)) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
            if (m.find()) {
                return Optional.of(new Lexicon.Hit(r, m.start(), m.end(), m.group(), m.groupCount() > 0 ? m.group(1) : null));
            }
        }
        return Optional.empty();
    }

    @Test
    void headsAreReadFromMostTriggerRules() {
        Lexicon t = TestData.knowledge().triggers();
        int read = 0;
        for (int i = 0; i < t.rules().size(); i++) {
            read += t.heads(i) != null ? 1 : 0;
        }
        assertThat(read).isGreaterThan(t.rules().size() * 2 / 3);
    }

    @Test
    void headsOfSmallPatterns() {
        assertThat(heads("(?<!\\bthe )\\b(?:Captured|missiles?|air ?strikes?)\\b")).containsExactlyInAnyOrder("captured", "missile", "strike");
        assertThat(heads("^\\W*(donate|support)")).containsExactlyInAnyOrder("donate", "support");
        assertThat(heads("\\b(paypal|ko-fi\\.com)\\b|/donate\\b")).containsExactlyInAnyOrder("paypal", "ko-fi", "/donate");
        assertThat(heads("(?:a|b)?c")).containsExactlyInAnyOrder("c");
        assertThat(heads("\\b(?:hand[- ])?grenades?\\b")).containsExactlyInAnyOrder("grenade");
        assertThat(heads("(?:a|b){0,2}c")).containsExactlyInAnyOrder("c");
        assertThat(heads("(?:ab|cd){1,2}[x]")).containsExactlyInAnyOrder("ab", "cd");
        assertThat(heads("(?:a|b)?")).isNull();
        assertThat(heads("(?:x|(?-i:[A-Z]))y")).containsExactlyInAnyOrder("y");
        assertThat(heads("(?:x|(?-i:[A-Z]))")).isNull();
        assertThat(heads("\\b(?:cleared|(?:secured)(?=\\s+(?-i:[A-Z])))\\b")).containsExactlyInAnyOrder("cleared", "secured");
        assertThat(heads("(?u)é")).isNull();
        assertThat(heads("\\u0041bc|x")).isNull();
        assertThat(heads("\\p{L}+ing")).isNull();
        assertThat(heads("^\\W*(?:related|read more)\\s*:?\\W*$")).containsExactlyInAnyOrder("related", "read more");
        assertThat(heads("\\b((?:the\\s+)?(?:[A-Z][\\w'’-]+\\s+){0,5}?(?:sources?|officials?)\\s+(?:said|say))"))
                .containsExactlyInAnyOrder("source", "official");
        assertThat(heads("ab+c")).containsExactlyInAnyOrder("ab");
        assertThat(heads("a+")).containsExactlyInAnyOrder("a");
        assertThat(heads("x?[ab]*")).isNull();
        assertThat(heads("(?:a|)c")).containsExactlyInAnyOrder("c");
        assertThat(heads("x(?:a|)")).containsExactlyInAnyOrder("x");
        assertThat(heads("(?:a|)")).isNull();
        assertThat(heads("(?x)a b")).isNull();
        assertThat(heads("(?<=\\bdrones?\\s)(?:struck|hit)")).containsExactlyInAnyOrder("struck", "hit");
        assertThat(heads("[ab]c")).containsExactlyInAnyOrder("c");
        assertThat(heads("[ab]")).isNull();
        assertThat(heads("\\Qa|b\\E")).isNull();
        assertThat(heads("©|\\ball rights\\b")).containsExactlyInAnyOrder("©", "all rights");
    }

    @Test
    void startsOfSmallPatterns() {
        assertThat(starts("(?<!\\bthe |\\ba )\\b(?:Captured|seize)\\b(?!\\s+of\\b)")).containsExactlyInAnyOrder("captured", "seize");
        assertThat(starts("\\b(?:IEDs?|car bombs?|(?<=\\bby )(?:mines|a mine)|explosive devices?)\\b"))
                .containsExactlyInAnyOrder("ied", "car bomb", "mines", "a mine", "explosive device");
        assertThat(starts("^\\W*(donate|support)")).isNull();
        assertThat(starts("(?:a|b)?c")).isNull();
        assertThat(starts("(?:a|)c")).isNull();
        assertThat(starts("a?b")).isNull();
        assertThat(starts("ab?c")).containsExactlyInAnyOrder("a");
        assertThat(starts("\\bthe (?:next|following) day")).containsExactlyInAnyOrder("the ");
        assertThat(starts("(?:ab|cd)+x|y")).containsExactlyInAnyOrder("ab", "cd", "y");
        assertThat(starts("[ab]c")).isNull();
        assertThat(starts("\\sx")).isNull();
        assertThat(starts("\\.x")).isNull();
        assertThat(starts("\\Gx")).isNull();
        assertThat(starts("\\b(?=x)\\b")).isNull();
        assertThat(starts("(?x)a b")).isNull();
        assertThat(starts("(?-i:[A-Z])x")).isNull();
    }

    private static List<String> starts(String regex) {
        String[] h = Heads.starts(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));
        return h == null ? null : Arrays.asList(h);
    }

    @Test
    void startsAreReadFromMostTriggerRules() {
        Lexicon t = TestData.knowledge().triggers();
        int read = 0;
        for (int i = 0; i < t.rules().size(); i++) {
            read += t.starts(i) != null ? 1 : 0;
        }
        assertThat(read).isGreaterThan(t.rules().size() / 2);
    }

    private static List<String> heads(String regex) {
        String[] h = Heads.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));
        return h == null ? null : Arrays.asList(h);
    }

    @Test
    void sameHitsAsEveryRuleOnTheCorpus() throws IOException {
        List<String> sentences = new ArrayList<>(List.of("The ARMY Captured Tal Abyad; mines were cleared.", "", "ISBN: 978",
                "© 2017 all rights reserved", "Shared on FACEBOOK", "According to SANA, the town fell."));
        List<String> lines = new ArrayList<>(sentences);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(TestData.CORPUS)) {
            try (Stream<Path> s = Files.list(TestData.CORPUS)) {
                s.sorted().forEach(files::add);
            }
        }
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            s.sorted().forEach(files::add);
        }
        files.add(TestData.SEED);
        SentenceSplitter splitter = new SentenceSplitter();
        for (Path p : files) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            String text = Files.readString(p, StandardCharsets.UTF_8);
            lines.addAll(text.lines().toList());
            for (String para : text.split("\\n\\s*\\n")) {
                for (Sentence s : splitter.split(para, new Span(0, para.length()), 0, 0)) {
                    sentences.add(s.text());
                }
            }
        }
        assertThat(sentences.size()).isGreaterThan(100);
        int n = sentences.size();
        for (int i = 0; i < n; i++) { // upper case, and the parts before and after the middle (the cues run on parts)
            String t = sentences.get(i);
            sentences.add(t.toUpperCase(java.util.Locale.ROOT));
            sentences.add(t.substring(0, t.length() / 2));
            sentences.add(t.substring(t.length() / 2));
        }
        KnowledgeBase kb = TestData.knowledge();
        for (String t : sentences) {
            same(kb.triggers(), t, null);
            same(kb.loadedTerms(), t, null);
            for (String kind : List.of("predicted", "intended", "negated", "attempted", "failed", "analysis", "attribution", "claimed")) {
                same(kb.cues(), t, kind);
            }
        }
        for (String t : lines) {
            same(kb.furniture(), t, null);
        }
    }

    private static void same(Lexicon lex, String t, String kind) {
        assertThat(lex.findAll(t, kind)).as("findAll %s in [%s]", kind, t).isEqualTo(bruteForce(lex, t, kind));
        assertThat(lex.first(t, kind)).as("first %s in [%s]", kind, t).isEqualTo(bruteFirst(lex, t, kind));
    }
}
