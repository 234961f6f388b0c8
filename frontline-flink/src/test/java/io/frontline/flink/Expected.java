package io.frontline.flink;

import io.frontline.Extraction;
import io.frontline.Frontline;
import io.frontline.ingest.Format;
import io.frontline.ingest.Report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the core itself extracts from the same inputs, without Flink: the figures the job must reproduce. */
final class Expected {
    final List<Extraction> extractions = new ArrayList<>();

    static Expected of(List<ReportInput> inputs) {
        Frontline f = Knowledge.frontline();
        Expected e = new Expected();
        for (ReportInput in : inputs) {
            for (Report r : f.read(in.name, in.content, Format.valueOf(in.format)).reports()) {
                e.extractions.add(f.extract(r));
            }
        }
        return e;
    }

    Set<String> eventIds() {
        Set<String> ids = new LinkedHashSet<>();
        extractions.forEach(x -> x.events().forEach(ev -> ids.add(ev.eventId())));
        return ids;
    }

    int claims() {
        Set<String> reports = new LinkedHashSet<>();
        int n = 0;
        for (Extraction x : extractions) {
            if (reports.add(x.report().id())) {
                n += x.claims().size();
            }
        }
        return n;
    }

    /** The events of the report with this text's id. */
    List<String> eventIdsOf(String reportId) {
        return extractions.stream().filter(x -> x.report().id().equals(reportId)).findFirst().orElseThrow()
                .events().stream().map(ev -> ev.eventId()).toList();
    }
}
