package io.frontline.stories;

import io.frontline.Extraction;
import io.frontline.TestData;
import io.frontline.events.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentTest {
    private static final String HEADER = String.join("\t", SourceProfiles.COLUMNS);
    private static final SourceProfiles PROFILES = SourceProfiles.parse(List.of(
            "# composed profiles for the test",
            HEADER,
            "Global Research\tCRG\tglobalresearch.ca\tCanada\tx\tlow\ta rater",
            "South Front\tSouthFront\tsouthfront.org\t\t\tmixed\t",
            "Monitor Example\t\tmonitor.example\t\t\thigh\tthe test"), "test.tsv");

    @Test
    void profilesAreFoundByNameAliasOrDomain() {
        assertThat(PROFILES.byName("global research").orElseThrow().reliability()).isEqualTo("low");
        assertThat(PROFILES.byName("SouthFront").orElseThrow().name()).isEqualTo("South Front");
        assertThat(PROFILES.byUrl("https://www.globalresearch.ca/some-page/123").orElseThrow().name()).isEqualTo("Global Research");
        assertThat(PROFILES.byUrl("https://notglobalresearch.ca/")).isEmpty();
        assertThat(PROFILES.byName("Unknown Outlet")).isEmpty();
    }

    @Test
    void badFilesAreRefusedWithFileAndLine() {
        assertThatThrownBy(() -> SourceProfiles.parse(List.of("publisher\tdomains"), "mine.tsv"))
                .hasMessageStartingWith("mine.tsv:1: the header must be");
        assertThatThrownBy(() -> SourceProfiles.parse(List.of(HEADER, "X\t\t\t\t\tdubious\t"), "mine.tsv"))
                .hasMessageStartingWith("mine.tsv:2: reliability must be one of");
        assertThatThrownBy(() -> SourceProfiles.parse(List.of(HEADER, "X\tY"), "mine.tsv"))
                .hasMessageStartingWith("mine.tsv:2: 7 tab-separated columns expected");
    }

    @Test
    void theLeastReliableOfPublisherAndOriginalSourceScalesConfidenceAndCorroborationRaisesIt() {
        Extraction seed = TestData.extract(TestData.SEED);
        Event e = seed.events().get(0);
        Story story = Stories.cluster(List.of(seed.report())).get(0);

        Assessment alone = Assessment.of(e, seed.report(), story, 1, PROFILES);
        assertThat(alone.sourceReliability()).isEqualTo("low");
        assertThat(alone.confidence()).isCloseTo(e.confidence() * 0.7, org.assertj.core.data.Offset.offset(0.006));
        assertThat(alone.reasons()).anySatisfy(r -> assertThat(r).contains("publisher Global Research").contains("a rater"))
                .anySatisfy(r -> assertThat(r).contains("original source South Front"))
                .anySatisfy(r -> assertThat(r).contains("no other story"));

        Assessment corroborated = Assessment.of(e, seed.report(), story, 3, PROFILES);
        assertThat(corroborated.confidence()).isGreaterThan(alone.confidence());
        assertThat(corroborated.reasons()).anySatisfy(r -> assertThat(r).contains("reported by 2 other independent stories"));

        Assessment unprofiled = Assessment.of(e, seed.report(), story, 1, SourceProfiles.NONE);
        assertThat(unprofiled.sourceReliability()).isEqualTo("unknown");
        assertThat(unprofiled.confidence()).isEqualTo(e.confidence());
    }
}
