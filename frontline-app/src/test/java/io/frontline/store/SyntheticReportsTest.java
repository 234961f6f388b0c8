package io.frontline.store;

import io.frontline.stories.Shingles;
import io.frontline.stories.Stories;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The store benchmark's reports are shaped like real ones: ids that are text hashes, bodies of a real report's size. */
class SyntheticReportsTest {
    @Test
    void idsAreTheTextsHashesAndBodiesAreRealSizedAndNoCopies() {
        ReportDoc seed = StoreFixtures.seedDoc();
        SyntheticReports syn = new SyntheticReports(List.of(seed), 3, 11);
        Set<String> ids = new HashSet<>();
        long[] before = null;
        String previousId = null;
        int outOfOrder = 0;
        for (int i = 0; i < 50; i++) {
            ReportDoc d = syn.report(i);
            assertThat(d.contentHash()).isEqualTo(ReportDoc.sha256(d.text()));
            assertThat(d.id()).hasSize(16).isEqualTo(d.contentHash().substring(0, 16));
            assertThat(d.events()).extracting(e -> (String) e.get("event_id")).allMatch(e -> e.startsWith(d.id() + "-"));
            assertThat(d.report().get("body")).isEqualTo(d.text());
            assertThat(words(d.text())).isGreaterThanOrEqualTo(words(seed.text()));
            assertThat(ids.add(d.id())).isTrue();
            long[] shingles = Shingles.of(d.text());
            if (before != null) {
                assertThat(Stories.sameStory(before, shingles)).isFalse();
            }
            if (previousId != null && previousId.compareTo(d.id()) > 0) {
                outOfOrder++;
            }
            before = shingles;
            previousId = d.id();
        }
        // hash ids: not in input order (the order real ingest inserts index entries in)
        assertThat(outOfOrder).isBetween(10, 40);
        // deterministic for a seed
        assertThat(new SyntheticReports(List.of(seed), 3, 11).report(0)).isEqualTo(new SyntheticReports(List.of(seed), 3, 11).report(0));
    }

    private static int words(String text) {
        return (int) java.util.Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).count();
    }
}
