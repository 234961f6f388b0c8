package io.frontline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code frontline control} on the seed report, from the map snapshot. */
class ControlCommandTest {

    @Test
    void theSeedsCapturesOnlyQuestionTheMapWhileTheirSourcesAreRatedLow(@TempDir Path dir) throws Exception {
        ExtractCommandTest.requireSeed();
        // Luwaybidah, in the eastern Hama/Homs pocket, is IS-held on the map (c. July 2017); the seed (South Front,
        // republished by Global Research, both rated low) alone reports its capture by the government on 13 September
        JsonNode before = place("--date", "2017-09-01", "--seed-map", "--place", "Luwaybidah", "-f", "json", "../shared/seed/");
        assertThat(before.get("controller").asText()).isEqualTo("islamic_state");
        assertThat(before.get("status").asText()).isEqualTo("held");
        assertThat(before.get("evidence").get(0).get("effect").asText()).isEqualTo("seed");

        JsonNode claimed = place("--date", "2017-09-15", "--seed-map", "--place", "Luwaybidah", "-f", "json", "../shared/seed/");
        assertThat(claimed.get("controller").asText()).isEqualTo("islamic_state");
        assertThat(claimed.get("status").asText()).isEqualTo("uncertain");
        assertThat(claimed.get("others").get(0).asText()).isEqualTo("government");
        JsonNode claim = claimed.get("evidence").get(1);
        assertThat(claim.get("effect").asText()).isEqualTo("claim");
        assertThat(claim.get("reason").asText()).contains("low reliability");
        assertThat(claim.get("text").asText()).containsIgnoringCase("Luwaybidah");

        // rated high, the same report flips it
        Path sources = dir.resolve("sources.tsv");
        Files.writeString(sources, "publisher\taliases\tdomains\tcountry\talignment\treliability\tbasis\n"
                + "Global Research\t\tglobalresearch.ca\t\t\thigh\ttest\n"
                + "South Front\tSouthFront\tsouthfront.org\t\t\thigh\ttest\n");
        JsonNode flipped = place("--date", "2017-09-15", "--seed-map", "--place", "Luwaybidah", "-f", "json", "--sources", sources.toString(),
                "../shared/seed/");
        assertThat(flipped.get("controller").asText()).isEqualTo("government");
        assertThat(flipped.get("status").asText()).isEqualTo("held");
        assertThat(flipped.get("evidence").get(0).get("effect").asText()).isEqualTo("flip");

        var changes = ExtractCommandTest.run("control", "--date", "2017-09-30", "--since", "2017-09-01", "--seed-map", "../shared/seed/");
        assertThat(changes.code()).as(changes.err()).isZero();
        assertThat(changes.out()).contains("Luwaybidah").contains("islamic_state held -> islamic_state uncertain");
    }

    private static JsonNode place(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "control";
        System.arraycopy(args, 0, all, 1, args.length);
        var r = ExtractCommandTest.run(all);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("timelines")).hasSize(1);
        JsonNode places = doc.get("places");
        assertThat(places).hasSize(1);
        return places.get(0);
    }

    @Test
    void geoJsonHasAreasFrontsAndPocketsOfTheMap() throws Exception {
        ExtractCommandTest.requireSeed();
        var r = ExtractCommandTest.run("control", "--date", "2017-08-01", "--seed-map", "-f", "geojson");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode fc = new ObjectMapper().readTree(r.out());
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        var kinds = new java.util.HashMap<String, Integer>();
        for (JsonNode f : fc.get("features")) {
            kinds.merge(f.get("properties").get("kind").asText(), 1, Integer::sum);
            assertThat(f.get("properties").get("as_of").asText()).isEqualTo("2017-08-01");
        }
        assertThat(kinds).containsKeys("area", "front", "pocket", "place");
        assertThat(kinds.get("area")).isEqualTo(6); // government, islamic_state, sdf, opposition, hts, turkey
    }

    @Test
    void withoutReportsOrTheMapItSaysWhatIsMissing() {
        var r = ExtractCommandTest.run("control", "--date", "2017-08-01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("give REPORTS, --seed-map, or both");
    }
}
