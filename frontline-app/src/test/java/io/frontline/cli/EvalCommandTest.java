package io.frontline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCommandTest {

    @Test
    void scoresTheSeedAgainstHandCodedRows(@TempDir Path dir) throws Exception {
        ExtractCommandTest.requireSeed();
        Path gold = dir.resolve("gold.csv");
        Files.writeString(gold, """
                file,event_date,sub_event_type,side1,side2,location,fatalities,evidence
                000_0f73b6b4984142d8.txt,2017-09-14,Government regains territory,government,islamic_state,Umm Rujm,0,"liberated the villages of Um Rujm"
                000_0f73b6b4984142d8.txt,2017-09-13,Government regains territory,government,islamic_state,Luwaybidah,0,
                000_0f73b6b4984142d8.txt,2017-09-14,Armed clash,sdf,islamic_state,Raqqa,33,"the SDF repelled an ISIS attack"
                000_0f73b6b4984142d8.txt,2017-09-14,Government regains territory,government,islamic_state,Palmyra,0,"not in the text"
                """);
        var r = ExtractCommandTest.run("eval", gold.toString(), "../shared/seed/", "--show", "missed,extra,wrong");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("gold events 4").contains("matched 3")
                .contains("missed: 000_0f73b6b4984142d8.txt 2017-09-14 Government regains territory government>islamic_state @ Palmyra")
                .containsPattern("accuracy of fatalities\\s+1.000")
                .contains("precision=" + String.format(java.util.Locale.ROOT, "%.3f", 3.0 / 13)).contains("recall=0.750");
    }

    @Test
    void goldWithoutRequiredColumnsIsRefusedClearly(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("bad.csv");
        Files.writeString(gold, "file,date,type\nx.txt,2017-01-01,Armed clash\n");
        var r = ExtractCommandTest.run("eval", gold.toString(), dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv").contains("lacks the column 'event_date'").doesNotContain("\tat ");
    }
}
