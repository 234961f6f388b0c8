package io.frontline.eval;

import io.frontline.events.Event;
import io.frontline.events.Evidence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching and the events set aside as outside the gold's coding rules. */
class ScorerTest {

    private static Event event(String date, int timePrecision, String place, boolean unnamedTarget) {
        Evidence ev = new Evidence(0, 5, "words", "rule", "file", null);
        Map<String, Evidence> prov = unnamedTarget ? Map.of("target", ev) : Map.of();
        return new Event("r-1", date, timePrecision, "Battles", "Government regains territory", "a", "", "b", "",
                "government", "islamic_state", 1, 2, place, null, null, 35.0, 38.0, 1, 0, "reported", null, "",
                ev, 0.9, "resolved", null, place, "fact", List.of(), List.of(), prov);
    }

    private static GoldEvent gold(String date, String place) {
        return new GoldEvent("f.txt", date, "Government regains territory", "government", "islamic_state", place, 0, "");
    }

    @Test
    void eventsOutsideTheGoldRulesAreSetAsideUnlessTheyMatch() {
        List<Event> extracted = List.of(
                event("2017-05-21", 1, "Maskanah", false),   // matches
                event("2017-05-22", 3, "Dayr Hafir", false), // a month only, no gold: aside
                event("2017-05-23", 1, "Tadef", true),       // unnamed places near Tadef, no gold: aside
                event("2017-05-24", 1, "Resafa", false),     // a plain extra
                event("2017-05-25", 3, "Khafsah", false));   // a month only, but it matches: counted
        Scorer.Score s = Scorer.score(List.of(gold("2017-05-21", "Maskanah"), gold("2017-05-26", "Khafsah")),
                Map.of("f.txt", extracted));
        assertThat(s.matched()).isEqualTo(2);
        assertThat(s.outOfScope()).extracting(p -> p.extracted().location()).containsExactly("Dayr Hafir", "Tadef");
        assertThat(s.extra()).extracting(p -> p.extracted().location()).containsExactly("Resafa");
        assertThat(s.precision()).isEqualTo(2.0 / 3);
        assertThat(s.precisionCountingAll()).isEqualTo(2.0 / 5);
        assertThat(s.recall()).isEqualTo(1.0);
    }
}
