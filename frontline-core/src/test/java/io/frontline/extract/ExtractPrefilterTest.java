package io.frontline.extract;

import io.frontline.TestData;
import io.frontline.text.Sentence;
import io.frontline.text.SentenceSplitter;
import io.frontline.text.Span;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The literal prefilters of {@link Fatalities} and {@link TimeExpressions} never change a result: on every sentence
 * of the corpus, the samples and the seed (and on each of them upper-cased and with hand-written cases), the answer
 * equals the one found by running every pattern.
 */
class ExtractPrefilterTest {

    static List<String> sentences() throws IOException {
        List<String> out = new ArrayList<>(List.of("", "KILLING 12 FIGHTERS", "On 13 SEPTEMBER, 40 were killed.",
                "The death toll rose to 40.", "Five people died; 13 days later it was retaken.", "between 6 and 14 Nov. 2016",
                "on Tuesday", "later that day", "killing a soldier", "120 ISIL fighters and 35 pro-government fighters died",
                "in late August", "mid-May", "15–21 dead", "yesterday 3 dead", "May 5", "Mar 3, 2017", "by 31 August",
                // the date window (first digit, first and last month name) and the follow-up words after the offset
                "before   the\t\n 16th   of \n September.  ,\n\n   2016 was over", "between 16th and 24th November, 2016",
                "12 fighters died in the market in March; on the 3rd of December 2015 the base fell, and the next day 4 more",
                "in 2015 the city fell; later, on December 31st, 2015", "September 12th, 2016", "since 3   Dec.\t2016",
                "In May 2015, 40 were killed. May they rest; on 9 May",
                "the next day it fell; 13 days later", "13 days later the next day later the day after a week later"));
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
            for (String para : text.split("\\n\\s*\\n")) {
                for (Sentence s : splitter.split(para, new Span(0, para.length()), 0, 0)) {
                    out.add(s.text());
                }
            }
        }
        int n = out.size();
        for (int i = 0; i < n; i++) {
            out.add(out.get(i).toUpperCase(java.util.Locale.ROOT));
        }
        return out;
    }

    @Test
    void fatalitiesUnchanged() throws IOException {
        List<String> all = sentences();
        assertThat(all.size()).isGreaterThan(200);
        int found = 0;
        for (String s : all) {
            List<Fatalities.Count> ref = Fatalities.find(s, false);
            assertThat(Fatalities.find(s, true)).as("[%s]", s).isEqualTo(ref);
            found += ref.isEmpty() ? 0 : 1;
        }
        assertThat(found).isGreaterThan(20);
    }

    @Test
    void timeExpressionsUnchanged() throws IOException {
        List<String> all = sentences();
        List<TimeExpressions.Context> contexts = List.of(
                new TimeExpressions.Context(LocalDate.of(2016, 11, 24), LocalDate.of(2016, 11, 20), 2016),
                new TimeExpressions.Context(LocalDate.of(2017, 9, 19), null, 0),
                new TimeExpressions.Context(null, LocalDate.of(2014, 1, 2), 2014, LocalDate.of(2013, 12, 1), LocalDate.of(2014, 3, 1)),
                new TimeExpressions.Context(null, null, 0));
        int found = 0;
        for (String s : all) {
            for (TimeExpressions.Context c : contexts) {
                var ref = TimeExpressions.find(s, c, false);
                assertThat(TimeExpressions.find(s, c, true)).as("[%s] %s", s, c).isEqualTo(ref);
                found += ref.isPresent() ? 1 : 0;
            }
            for (int from : new int[] {0, s.length() / 2, s.length()}) {
                assertThat(TimeExpressions.followUps(s, from, LocalDate.of(2016, 3, 12), true))
                        .as("[%s] from %d", s, from).isEqualTo(TimeExpressions.followUps(s, from, LocalDate.of(2016, 3, 12), false));
            }
        }
        assertThat(found).isGreaterThan(100);
    }
}
