package io.frontline.cli;

import io.frontline.store.BadFilterException;
import io.frontline.store.EventFilter;
import io.frontline.store.EventFormats;
import io.frontline.store.JdbcEventStore;
import io.frontline.store.Page;
import io.frontline.store.StoredEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code frontline events} and {@code frontline export}: query the store. */
final class EventsCommand {
    private EventsCommand() {
    }

    @Command(name = "events", mixinStandardHelpOptions = true,
            description = "List stored events matching the filters, ordered by date.")
    static final class Events implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Mixin
        EventQueryOptions query;
        @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
                description = "table (default), json, acled-csv or geojson.")
        String format;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many events (default: ${DEFAULT-VALUE}); 0: all.")
        int limit;
        @Option(names = "--offset", defaultValue = "0", description = "Skip this many events first.")
        int offset;
        @Option(names = "--cursor", paramLabel = "CURSOR", description = "Start after this cursor (the next page's, printed "
                + "with each page; JSON: next_cursor) instead of an offset: as fast on page 1,000 as on page 1.")
        String cursor;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return EventsCommand.run(spec, store, query, format, limit, offset, cursor, null);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export stored events (all, or those matching the filters) as ACLED-style CSV, GeoJSON or JSON.")
    static final class Export implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Mixin
        EventQueryOptions query;
        @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", description = "acled-csv, geojson or json.")
        String format;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path output;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (format.equals("table")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format: export writes acled-csv, geojson or json");
            }
            return EventsCommand.run(spec, store, query, format, 0, 0, null, output);
        }
    }

    static int run(CommandLine.Model.CommandSpec spec, StoreOptions store, EventQueryOptions query, String format, int limit,
                   int offset, String cursor, Path output) {
        EventFormats.Format f;
        EventFilter filter;
        try {
            f = EventFormats.Format.parse(format);
            filter = query.filter();
            if (cursor != null) {
                io.frontline.store.Cursor.parse(cursor);
                if (offset != 0) {
                    throw new BadFilterException("cursor", "give --cursor or --offset, not both");
                }
            }
        } catch (BadFilterException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.parameter().replace('_', '-') + ": "
                    + e.getMessage().substring(e.parameter().length() + 2));
        }
        if (limit < 0 || offset < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit and --offset must be >= 0");
        }
        try (JdbcEventStore s = store.open();
             OutputStream os = output == null ? new java.io.FilterOutputStream(System.out) {
                 @Override
                 public void close() throws java.io.IOException {
                     flush();
                 }
             } : Files.newOutputStream(output)) {
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8), false);
            EventFormats.Writer w = EventFormats.writer(f, out);
            if (limit == 0 && offset == 0 && cursor == null) {
                long[] n = {0};
                s.scan(filter, e -> {
                    n[0]++;
                    w.event(e);
                });
                w.finish(n[0]);
            } else {
                Page<StoredEvent> page = s.events(filter, limit == 0 ? Integer.MAX_VALUE : limit, offset, cursor);
                page.items().forEach(w::event);
                w.finish(page.total(), page.totalCapped(), page.nextCursor());
            }
            out.flush();
            if (output != null) {
                System.err.println("frontline: wrote " + output);
            }
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
