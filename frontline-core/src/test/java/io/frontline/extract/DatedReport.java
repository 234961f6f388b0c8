package io.frontline.extract;

import io.frontline.TestData;
import io.frontline.events.Event;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sentences written for a test, wrapped in a minimal report with a title and a dated publisher line. */
record DatedReport(String publisherLine) {

    List<Event> events(String text) {
        return TestData.frontline().extract("t.txt", "Test report\n\n" + publisherLine + "\n\n" + text + "\n").events();
    }

    /** The one event of the text (the test fails if there are more or none). */
    Event only(String text) {
        List<Event> es = events(text);
        assertThat(es).as(text).hasSize(1);
        return es.get(0);
    }
}
