package io.frontline.control;

import io.frontline.Extraction;
import io.frontline.events.Event;
import io.frontline.stories.Assessment;
import io.frontline.stories.SourceProfiles;
import io.frontline.stories.Stories;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events of a batch of extractions as observations for the control model: copies of a story's events count
 * once (an event that is {@code duplicate_of} another is left out), each carries its source reliability,
 * corroboration and assessed confidence, and reports are ordered by publication date (undated ones first, then
 * input order), so that of two reports on one day the later published overrides.
 */
public final class Observations {
    private Observations() {
    }

    public static List<Observation> of(List<Extraction> xs, Stories stories, SourceProfiles profiles) {
        List<Extraction> ordered = new ArrayList<>(xs);
        ordered.sort(Comparator.comparing((Extraction x) -> x.report().published(), Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())));
        List<Observation> out = new ArrayList<>();
        for (Extraction x : ordered) {
            var story = stories.storyOf(x.report());
            for (Event e : x.events()) {
                if (stories.duplicateOf(e).isPresent()) {
                    continue;
                }
                int n = stories.corroboration(e);
                Assessment a = Assessment.of(e, x.report(), story, n, profiles);
                out.add(new Observation(e, a.sourceReliability(), n, a.confidence(), out.size()));
            }
        }
        return out;
    }
}
