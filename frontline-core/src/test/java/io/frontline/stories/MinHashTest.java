package io.frontline.stories;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Band keys (what a streaming index looks a report up by) agree with the batch candidate pairs. */
class MinHashTest {
    private static final String ARTICLE = "Government forces captured the village of Uqayribat from ISIS on Monday after two days of "
            + "fighting in the eastern countryside of Hama, according to a military source. The Syrian Arab Army and the "
            + "National Defense Forces also shelled ISIS positions near Luwaybidah. The militants withdrew from their positions "
            + "in the area, the source said. Meanwhile, the SDF entered the town of al-Husayniyah north of Deir Ezzor city.";

    private static long[] keys(String text) {
        return MinHash.bandKeys(MinHash.signature(Shingles.of(text)));
    }

    private static boolean shareAKey(long[] a, long[] b) {
        for (long x : a) {
            for (long y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aCopyWithOtherFurnitureSharesABandKeyAndIsTheSameStoryAndAnotherArticleIsNot() {
        String copy = "Mirror Daily. Republished with permission. " + ARTICLE + " Share this article with your friends.";
        String other = "Turkish artillery shelled the village of Arima the next day, while rebels took two villages west of "
                + "al-Bab after clashes with the Islamic State that lasted into the night, a monitor said on Thursday.";
        long[] a = keys(ARTICLE);
        assertThat(a).hasSize(MinHash.BANDS);
        assertThat(shareAKey(a, keys(copy))).isTrue();
        assertThat(shareAKey(a, keys(other))).isFalse();
        assertThat(Stories.sameStory(Shingles.of(ARTICLE), Shingles.of(copy))).isTrue();
        assertThat(Stories.sameStory(Shingles.of(ARTICLE), Shingles.of(other))).isFalse();

        List<long[]> sigs = List.of(MinHash.signature(Shingles.of(ARTICLE)), MinHash.signature(Shingles.of(copy)),
                MinHash.signature(Shingles.of(other)));
        assertThat(MinHash.candidatePairs(sigs)).extracting(p -> p[0] + "-" + p[1]).containsExactly("0-1");
    }

    @Test
    void anEmptyTextHasNoBandKeys() {
        assertThat(MinHash.bandKeys(MinHash.signature(Shingles.of("")))).isEmpty();
    }
}
