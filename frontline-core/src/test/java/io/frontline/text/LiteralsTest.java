package io.frontline.text;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The Aho–Corasick scan answers exactly as {@code asciiLower(text).indexOf(s) >= 0} per string would. */
class LiteralsTest {
    private static final String LETTERS = "abAB -é’";

    private static String random(Random r, int max) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            sb.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
        }
        return sb.toString();
    }

    @Test
    void sameAsIndexOfOnRandomStrings() {
        Random r = new Random(11);
        for (int round = 0; round < 300; round++) {
            int rules = 1 + r.nextInt(130);
            String[][] strings = new String[rules][];
            for (int i = 0; i < rules; i++) {
                if (r.nextInt(10) == 0) {
                    continue; // null: always
                }
                strings[i] = new String[1 + r.nextInt(4)];
                for (int k = 0; k < strings[i].length; k++) {
                    String s;
                    do {
                        s = Lexicon.asciiLower(random(r, 5));
                    } while (s.isEmpty());
                    strings[i][k] = s;
                }
            }
            Literals lit = new Literals(strings);
            for (int t = 0; t < 20; t++) {
                String text = random(r, 40);
                String lower = Lexicon.asciiLower(text);
                long[] got = lit.scan(text);
                for (int i = 0; i < rules; i++) {
                    boolean want = strings[i] == null;
                    for (int k = 0; !want && k < strings[i].length; k++) {
                        want = lower.contains(strings[i][k]);
                    }
                    assertThat(Literals.has(got, i)).as("rule %d in [%s]", i, text).isEqualTo(want);
                }
            }
        }
    }
}
