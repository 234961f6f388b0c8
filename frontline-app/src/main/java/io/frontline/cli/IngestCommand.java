package io.frontline.cli;

import io.frontline.Frontline;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.IngestResult;
import io.frontline.store.JdbcEventStore;
import io.frontline.store.ReportDoc;
import io.frontline.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.frontline.ingest.Report;
import io.frontline.ingest.Reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code frontline ingest}: extract reports and keep them, with their events, in the store. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Extract events from reports and store reports, events, evidence and claims.",
                "PATH is read like extract's FILE: a report (text, page, feed or JSON lines), a directory, an http(s) URL or - for "
                        + "stdin. A report whose text is already stored (same SHA-256) is left as is.",
                "Extracted reports are stored --batch at a time, each batch in one transaction: a killed ingest leaves whole "
                        + "batches, and a rerun stores the rest."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was read and stored or already present", "1:some inputs were refused (named on stderr)",
                "2:a usage, store or internal error"})
final class IngestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Report files, directories, http(s) URLs, or - for stdin.")
    List<String> paths;

    @Mixin
    StoreOptions store;

    @Option(names = "--gazetteer", paramLabel = "FILE", description = "Extra gazetteer file (Frontline TSV or GeoNames format); repeatable.")
    List<Path> gazetteers = new ArrayList<>();

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "20000000", description = "Refuse inputs larger than this (default: ${DEFAULT-VALUE}).")
    long maxSize;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "200", description = "Reports stored per transaction "
            + "(default: ${DEFAULT-VALUE}; 1: one transaction per report). bench-store measured 2.3-3.0x the reports per "
            + "CPU-second of one per transaction into H2 at 20,000 and 200,000 events and 1.5-2.0x into PostgreSQL (see "
            + "README). A report the store refuses is named and the others of its batch are stored.")
    int batch;

    @Option(names = "--progress", description = "Show the progress line on stderr even when it is not a terminal (one line per input).")
    boolean progressLines;

    private int stored;
    private int present;
    private int events;

    @Override
    public Integer call() {
        if (batch < 1 || batch > 100_000) {
            System.err.println("frontline: ingest: --batch must be from 1 to 100000, got " + batch);
            return 2;
        }
        ReportInputs in = new ReportInputs(maxSize);
        for (String p : paths) {
            in.add(p, System.in);
        }
        int read = 0;
        List<ReportInputs.Problem> refused = new ArrayList<>(in.problems);
        if (!in.inputs.isEmpty()) {
            Frontline frontline = new Frontline(BundledKnowledge.load(gazetteers));
            Progress progress = new Progress(in.inputs.size(), progressLines);
            List<ReportDoc> pending = new ArrayList<>();
            try (JdbcEventStore s = store.open()) {
                for (ReportInputs.Input i : in.inputs) {
                    progress.step();
                    Reports reports;
                    try {
                        // a page, a feed or a JSON lines file is read like extract reads it: one or many reports
                        reports = frontline.read(i.name(), i.text(), i.format());
                    } catch (RuntimeException e) {
                        refused.add(new ReportInputs.Problem(i.name(), "cannot read as " + i.format() + ": " + e));
                        continue;
                    }
                    reports.problems().forEach(p -> refused.add(new ReportInputs.Problem(p.name(), p.reason())));
                    for (Report report : reports.reports()) {
                        read++;
                        String text = report.text(); // a page's or a feed item's article text; a text file as read
                        if (s.reportIdByHash(ReportDoc.sha256(text)).isPresent()) {
                            present++;
                            continue;
                        }
                        try {
                            pending.add(ReportDoc.of(frontline.extract(report), text));
                        } catch (RuntimeException e) {
                            refused.add(new ReportInputs.Problem(report.file(), "extraction failed: " + e));
                            if (debug) {
                                e.printStackTrace();
                            }
                            continue;
                        }
                        if (pending.size() >= batch) {
                            store(s, pending, refused);
                        }
                    }
                }
                store(s, pending, refused);
                progress.done();
                System.out.printf("store: %s%n", s.url());
            } catch (StoreException e) {
                System.err.println("frontline: " + e.getMessage());
                if (debug) {
                    e.printStackTrace();
                }
                System.out.printf("reports read: %d, stored: %d, already present: %d, refused: %d, events stored: %d%n",
                        read, stored, present, refused.size(), events);
                return 2;
            }
        }
        for (ReportInputs.Problem p : refused) {
            System.err.println("frontline: " + p.name() + ": " + p.reason());
        }
        System.out.printf("reports read: %d, stored: %d, already present: %d, refused: %d, events stored: %d%n",
                read, stored, present, refused.size(), events);
        return refused.isEmpty() ? 0 : 1;
    }

    /** Stores the pending reports (one transaction unless one of them is refused) and counts what happened. */
    private void store(JdbcEventStore s, List<ReportDoc> pending, List<ReportInputs.Problem> refused) {
        List<IngestResult> results = s.saveAll(pending);
        for (int k = 0; k < results.size(); k++) {
            IngestResult r = results.get(k);
            if (r.refused() != null) {
                refused.add(new ReportInputs.Problem(pending.get(k).file(), r.refused()));
            } else if (r.stored()) {
                stored++;
                events += r.events();
            } else {
                present++;
            }
        }
        pending.clear();
    }

    /** A progress line on stderr for long runs at a terminal: inputs done of all, refreshed at most twice a second. */
    private static final class Progress {
        private final int total;
        private final boolean shown;
        private final boolean lines;
        private int done;
        private long last;

        Progress(int total, boolean lines) {
            this.total = total;
            this.lines = lines;
            this.shown = lines || total >= 20 && System.console() != null;
        }

        void step() {
            done++;
            long now = System.nanoTime();
            if (lines) {
                // the reports of inputs before this one are stored, but for those of the batch not yet full
                System.err.printf("ingest: %d/%d inputs%n", done, total);
                System.err.flush();
            } else if (shown && now - last > 500_000_000L) {
                last = now;
                System.err.printf("\ringest: %d/%d inputs (%d%%)", done, total, 100 * done / total);
            }
        }

        void done() {
            if (shown) {
                System.err.printf("\ringest: %d/%d inputs (100%%)%n", total, total);
            }
        }
    }
}
