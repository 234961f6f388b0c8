package io.frontline.knowledge;

import io.frontline.stories.SourceProfile;
import io.frontline.stories.SourceProfiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BundledKnowledgeTest {
    @Test
    void bundledSourceProfilesParseAndEveryRatingStatesItsBasis() {
        SourceProfiles profiles = BundledKnowledge.sources(null);
        assertThat(profiles.profiles()).isNotEmpty();
        for (SourceProfile p : profiles.profiles()) {
            assertThat(p.basis()).as(p.name()).isNotBlank();
        }
        // the outlets of the seed, as Media Bias/Fact Check rates them
        for (String outlet : new String[]{"Global Research", "South Front"}) {
            SourceProfile p = profiles.byName(outlet).orElseThrow();
            assertThat(p.reliability()).isEqualTo("low");
            assertThat(p.basis()).contains("Media Bias/Fact Check");
        }
        assertThat(profiles.byUrl("https://www.globalresearch.ca/video-syrian-army/5609264").orElseThrow().name()).isEqualTo("Global Research");
        assertThat(profiles.byUrl("https://southfront.org/x").orElseThrow().name()).isEqualTo("South Front");
    }
}
