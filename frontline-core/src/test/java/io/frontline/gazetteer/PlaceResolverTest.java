package io.frontline.gazetteer;

import io.frontline.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceResolverTest {
    private final Gazetteer g = TestData.knowledge().gazetteer();
    private final PlaceResolver resolver = new PlaceResolver(g);

    private GeoPoint at(String name) {
        return resolver.resolve(name, null, List.of()).point();
    }

    @Test
    void spellingVariantsResolveToOneEntry() {
        var a = resolver.resolve("Deir Ezzor", null, List.of());
        var b = resolver.resolve("Dayr az Zawr", null, List.of());
        var c = resolver.resolve("Deir ez-Zor", null, List.of());
        assertThat(a.place()).isNotNull();
        assertThat(b.place()).isEqualTo(a.place());
        assertThat(c.place()).isEqualTo(a.place());
        assertThat(resolver.resolve("Raqqah", null, List.of()).place()).isEqualTo(resolver.resolve("Ar-Raqqa", null, List.of()).place());
    }

    @Test
    void voweledAndUnvoweledSpellingsMeetThroughFuzzyMatching() {
        for (String variant : new String[]{"Lweibdeh", "Lawaybdah", "Luwaybdah"}) {
            assertThat(g.candidates(variant)).as(variant)
                    .anySatisfy(c -> assertThat(c.place().name()).isEqualTo("Luwaybidah"));
        }
    }

    @Test
    void candidateFarFromTheAnchorIsRejectedAndTheGapPlacedAtTheAnchor() {
        GeoPoint deirEzzor = at("Deir ez-Zor");
        var anchor = new PlaceResolver.Anchor("Deir Ezzor city", deirEzzor, 25, Double.NaN, 0, "flank of Deir Ezzor");
        var r = resolver.resolve("Baghiliyah", null, List.of(anchor));
        assertThat(r.status()).isEqualTo("gazetteer-gap");
        assertThat(r.geoPrecision()).isEqualTo(2);
        assertThat(r.point()).isEqualTo(deirEzzor);
        assertThat(r.rejected()).anySatisfy(s -> assertThat(s).contains("Baghiliyah").contains("km from Deir Ezzor"));
    }

    @Test
    void candidateNearTheAnchorIsTaken() {
        var salamiyah = new PlaceResolver.Anchor("Salamiyah", at("Salamiyah").offset(15, 90), 50, Double.NaN, 0, "countryside");
        var r = resolver.resolve("Luwaybidah", null, List.of(salamiyah));
        assertThat(r.status()).isEqualTo("resolved");
        assertThat(r.geoPrecision()).isEqualTo(1);
        assertThat(r.admin1()).isEqualTo("Hama");
        assertThat(resolver.resolve("Amudiyah", null, List.of(salamiyah)).status()).isEqualTo("gazetteer-gap");
    }

    @Test
    void unknownNameWithoutContextStaysUnresolved() {
        var r = resolver.resolve("Qaryat Xyzzyq", null, List.of());
        assertThat(r.status()).isEqualTo("unresolved");
        assertThat(r.point()).isNull();
    }

    @Test
    void featureWordFindsTheArabicGenericForm() {
        var r = resolver.resolve("Hayyan", "mountain", List.of());
        assertThat(r.place()).isNotNull();
        assertThat(r.place().name()).containsIgnoringCase("Hayyan");
    }
}
