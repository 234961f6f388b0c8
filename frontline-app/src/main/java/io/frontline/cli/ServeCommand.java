package io.frontline.cli;

import io.frontline.Frontline;
import io.frontline.knowledge.BundledKnowledge;
import io.frontline.store.JdbcEventStore;
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
        description = "Serve the HTTP API (JSON over the store; OpenAPI description at /openapi.json) until stopped.")
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

    @Override
    public Integer call() throws InterruptedException {
        var knowledge = BundledKnowledge.load(gazetteers);
        JdbcEventStore s = store.open();
        ApiServer server = new ApiServer(s, new Frontline(knowledge), knowledge.gazetteer(), maxBody);
        int actual = server.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            s.close();
            stopped.countDown();
        }));
        System.out.printf("frontline: serving %s on http://localhost:%d/ (API description: /openapi.json); Ctrl-C stops%n",
                s.url(), actual);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
