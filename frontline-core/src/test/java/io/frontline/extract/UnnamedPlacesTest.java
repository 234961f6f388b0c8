package io.frontline.extract;

import io.frontline.control.ControlRules;
import io.frontline.control.Effect;
import io.frontline.control.Observation;
import io.frontline.events.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures of places the sentence does not name: the event sits at its reference point, the words that say what was
 * taken are its {@code target}, the note says so, and the reference point does not change hands. Sentences written
 * for this test.
 */
class UnnamedPlacesTest {

    private static final DatedReport REPORT = new DatedReport("Example Agency, 12 March 2019");

    @Test
    void aCountedObjectIsAnUnnamedTarget() {
        Event e = REPORT.only("On 10 March, the army captured four more villages north of Tadef.");
        assertThat(e.subEventType()).isEqualTo("Government regains territory");
        assertThat(e.location()).isEqualTo("Tadef");
        assertThat(e.provenance().get("target").text()).isEqualTo("four more villages");
        assertThat(e.notes()).contains("four more villages near Tadef").doesNotContain("control of Tadef");
        assertThat(ControlRules.decide(new Observation(e, "high", 3, 0.9, 0)).effect()).isEqualTo(Effect.NONE);
    }

    @Test
    void indefiniteAndCoordinatedObjects() {
        Event a = REPORT.only("On 11 March, rebels seized a hilltop and two checkpoints east of Kafr Nabl.");
        assertThat(a.provenance().get("target").text()).isEqualTo("a hilltop and two checkpoints");
        Event b = REPORT.only("On 9 March, the SDF took control of another village near al-Shaddadi.");
        assertThat(b.provenance().get("target").text()).isEqualTo("another village");
        assertThat(b.notes()).contains("control of a village near al-Shaddadi");
        Event c = REPORT.only("On 8 March, ISIS overran nearly 30 villages around Deir Hafer.");
        assertThat(c.provenance().get("target").text()).isEqualTo("nearly 30 villages");
    }

    @Test
    void aNamedOrDefiniteObjectIsNoUnnamedTarget() {
        Event a = REPORT.only("On 10 March, the army captured the village of Rasm al-Abboud near Tadef.");
        assertThat(a.location()).isEqualTo("Rasm al-Abboud");
        assertThat(a.provenance()).doesNotContainKey("target");
        // shelling of positions near a town is placed at the town, as ACLED does: only captures have targets
        List<Event> es = REPORT.events("On 10 March, regime artillery shelled several rebel positions near Kafr Nabl.");
        assertThat(es).isNotEmpty().allMatch(e -> !e.provenance().containsKey("target"));
    }
}
