package io.frontline.control;

import io.frontline.TestData;
import io.frontline.gazetteer.GazetteerIndex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled gazetteer's map marks as the seed state: the snapshot's known facts (see the data's README). */
class ControlMarksTest {

    @Test
    void theMapSnapshotHoldsWhatItsReadmeSaysAboutJuly2017() {
        GazetteerIndex g = (GazetteerIndex) TestData.knowledge().gazetteer();
        ControlMarks.Seed seed = ControlMarks.seed(g.places(), ControlMarks.SNAPSHOT);
        assertThat(seed.places()).hasSizeGreaterThan(6000);
        ControlModel m = ControlModel.build(seed, List.of());
        assertThat(controller(m, g, "Maskanah")).isEqualTo("government"); // captured June 2017
        assertThat(controller(m, g, "Al-Sukhnah")).isEqualTo("islamic_state"); // captured 13 August 2017
        assertThat(controller(m, g, "Uqayribat")).isEqualTo("islamic_state");
        assertThat(m.on(ControlMarks.SNAPSHOT)).extracting(ControlState::controller).contains("sdf", "opposition", "hts", "turkey")
                .doesNotContainNull();
    }

    private static String controller(ControlModel m, GazetteerIndex g, String name) {
        return m.find(name, g).get(0).on(ControlMarks.SNAPSHOT).orElseThrow().controller();
    }
}
