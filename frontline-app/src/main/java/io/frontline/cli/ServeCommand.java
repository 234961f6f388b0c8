package io.frontline.cli;

import io.frontline.Frontline;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.JdbcEventStore;
import io.frontline.store.TokenStore;
import io.frontline.web.AccessControl;
import io.frontline.web.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code frontline serve}: the HTTP API over the store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP API (JSON over the store; OpenAPI description at /openapi.json) until stopped.",
                "Writes need 'Authorization: Bearer TOKEN' (see 'frontline token'); when the store has no active token, one "
                        + "named admin is created and printed at startup. --open turns authentication off (one analyst on "
                        + "localhost only)."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Mixin
    StoreOptions store;

    @Option(names = "--gazetteer", paramLabel = "FILE", description = "Extra gazetteer file (Frontline TSV or GeoNames format); repeatable.")
    List<Path> gazetteers = new ArrayList<>();

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "5000000",
            description = "Refuse request bodies larger than this with 413 (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--open", description = "No authentication: anyone who reaches the port may write (prints a warning).")
    boolean open;

    @Option(names = "--private-reads", description = "Reads under /api/ need a token too.")
    boolean privateReads;

    @Option(names = "--read-rate", paramLabel = "N", defaultValue = "500",
            description = "Reads allowed per second per client IP, then 429 (default: ${DEFAULT-VALUE}; 0: no limit).")
    double readRate;

    @Option(names = "--write-rate", paramLabel = "N", defaultValue = "50",
            description = "Writes allowed per second per client IP, then 429 (default: ${DEFAULT-VALUE}; 0: no limit).")
    double writeRate;

    @Option(names = "--cache-entries", paramLabel = "N", defaultValue = "10000",
            description = "Answers of the read endpoints kept by request and store write version (default: ${DEFAULT-VALUE}; 0: no cache).")
    int cacheEntries;

    @Option(names = "--cache-mb", paramLabel = "MB", defaultValue = "64",
            description = "At most this many megabytes of cached answers (default: ${DEFAULT-VALUE}).")
    long cacheMb;

    @Option(names = "--event-cache-mb", paramLabel = "MB", defaultValue = "-1",
            description = "At most this many megabytes of listed events kept by id as their JSON, so that a page of them reads "
                    + "only its keys from the store (default: 256 or an eighth of the heap, whichever is less; 0: none; "
                    + "nothing without the answer cache).")
    long eventCacheMb;

    @Option(names = "--no-warm-up", description = "Do not read the store-wide analysis state (stories, corroboration, the "
            + "control model) in the background at start: the first /api/control, /api/stories or /api/sources request reads it. "
            + "At 1,000,000 events that read takes many CPU-minutes and most of a default heap.")
    boolean noWarmUp;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    /**
     * When the store has no active token, creates one named {@code admin} (or {@code admin-N} when that name was used
     * and revoked) and returns "NAME TOKEN"; else null.
     */
    static String bootstrapToken(TokenStore tokens) {
        if (tokens.list().stream().anyMatch(TokenStore.TokenInfo::active)) {
            return null;
        }
        String name = "admin";
        for (int i = 2; tokens.find(name).isPresent(); i++) {
            name = "admin-" + i;
        }
        return name + " " + tokens.create(name);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (open && privateReads) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--open and --private-reads contradict each other: choose one");
        }
        if (readRate < 0 || writeRate < 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--read-rate and --write-rate must be 0 (no limit) or more");
        }
        var knowledge = BundledKnowledge.load(gazetteers);
        JdbcEventStore s = store.open();
        TokenStore tokens = open ? null : store.openTokens();
        String created = tokens == null ? null : bootstrapToken(tokens);
        AccessControl access = new AccessControl(tokens, privateReads, readRate, writeRate);
        ApiServer server = new ApiServer(s, new Frontline(knowledge), knowledge.gazetteer(), maxBody, access)
                .responseCache(cacheEntries, cacheMb << 20, eventCacheMb < 0 ? ApiServer.defaultEventCacheBytes() : eventCacheMb << 20);
        int actual = server.start(port);
        if (!noWarmUp) {
            server.warmUp();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            long[] answers = server.cacheCounts();
            long[] events = server.eventCacheCounts();
            System.out.printf("frontline: cache: %d answers from the cache, %d computed; events of listings: %d from the cache, "
                    + "%d read from the store%n", answers[0], answers[1], events[0], events[1]);
            System.out.flush();
            s.close();
            if (tokens != null) {
                tokens.close();
            }
            stopped.countDown();
        }));
        System.out.printf("frontline: serving %s on http://localhost:%d/ (API description: /openapi.json); Ctrl-C stops%n",
                s.url(), actual);
        if (open) {
            System.out.println("frontline: WARNING: --open: no authentication, anyone who can reach this port can add reports "
                    + "and review events; use it only on localhost");
        } else if (created != null) {
            String[] nt = created.split(" ", 2);
            System.out.printf("frontline: the store had no active token, so one was created: name %s, token%n  %s%n"
                    + "  (shown only now; enter it in the page's Token field, or send 'Authorization: Bearer TOKEN'; "
                    + "'frontline token revoke %s' revokes it)%n", nt[0], nt[1], nt[0]);
        } else {
            System.out.printf("frontline: writes%s need a token ('frontline token create NAME' makes one)%n",
                    privateReads ? " and reads" : "");
        }
        System.out.flush();
        stopped.await();
        return 0;
    }
}
