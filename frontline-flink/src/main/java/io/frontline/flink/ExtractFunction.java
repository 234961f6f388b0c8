package io.frontline.flink;

import io.frontline.Extraction;
import io.frontline.Frontline;
import io.frontline.events.Claim;
import io.frontline.events.Event;
import io.frontline.ingest.Format;
import io.frontline.ingest.Report;
import io.frontline.ingest.Reports;
import io.frontline.stories.Shingles;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an input with the core's readers (a JSON line, a text, a page, a feed) and extracts each of its reports with
 * the core pipeline. Inputs that cannot be read are logged with the reason and counted ({@code refused}), not fatal.
 */
public class ExtractFunction extends RichFlatMapFunction<ReportInput, ExtractedReport> {
    /** Accumulators of the job's result: reports read and events extracted (repeats included). */
    public static final String REPORTS = "reports-extracted";
    public static final String EVENTS = "events-extracted";
    private static final Logger LOG = LoggerFactory.getLogger(ExtractFunction.class);
    private transient Frontline frontline;
    private transient Counter refused;
    private transient LongCounter reports;
    private transient LongCounter events;

    @Override
    public void open(OpenContext context) {
        frontline = Knowledge.frontline();
        refused = getRuntimeContext().getMetricGroup().counter("refused");
        reports = new LongCounter();
        events = new LongCounter();
        getRuntimeContext().addAccumulator(REPORTS, reports);
        getRuntimeContext().addAccumulator(EVENTS, events);
    }

    @Override
    public void flatMap(ReportInput in, Collector<ExtractedReport> out) {
        Format format;
        try {
            format = Format.valueOf(in.format);
        } catch (IllegalArgumentException | NullPointerException e) {
            refuse(in.name, "unknown format " + in.format);
            return;
        }
        if (in.content == null || in.content.isBlank()) {
            refuse(in.name, "empty input");
            return;
        }
        Reports reports;
        try {
            reports = frontline.read(in.name, in.content, format);
        } catch (RuntimeException e) {
            refuse(in.name, "cannot read it: " + e.getMessage());
            return;
        }
        for (Reports.Problem p : reports.problems()) {
            refuse(p.name(), p.reason());
        }
        for (Report r : reports.reports()) {
            ExtractedReport x = of(frontline.extract(r));
            this.reports.add(1);
            events.add(x.events.size());
            out.collect(x);
        }
    }

    private void refuse(String name, String reason) {
        refused.inc();
        LOG.warn("refused {}: {}", name, reason);
    }

    /** The extraction in the job's form. */
    static ExtractedReport of(Extraction x) {
        Report r = x.report();
        ExtractedReport out = new ExtractedReport();
        out.reportId = r.id();
        out.file = r.file();
        out.title = r.title();
        out.publisher = r.publisher();
        out.originalSource = r.originalSource();
        out.published = r.published() == null ? null : r.published().toString();
        out.url = r.url();
        out.body = r.body();
        out.shingles = Shingles.of(out.body);
        for (Event e : x.events()) {
            out.events.add(Json.write(e));
        }
        for (Claim c : x.claims()) {
            out.claims.add(Json.write(c));
        }
        return out;
    }
}
