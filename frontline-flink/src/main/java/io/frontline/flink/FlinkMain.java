package io.frontline.flink;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the frontline-flink jar:
 * <pre>
 * demo  [DIR]                  the job over an embedded Kafka broker in a local MiniCluster, fed DIR (default samples/)
 * bench [DIR] [REPEAT]         events/s at parallelism 1 and 2 (DIR default samples/, REPEAT default 40)
 * run   --bootstrap H:P [...]  the streaming job (under `flink run`, or locally)
 * batch --archive DIR [...]    reprocess an archive directory in batch mode
 * </pre>
 */
public final class FlinkMain {
    private FlinkMain() {
    }

    static final String USAGE = """
            usage: java -jar frontline-flink/target/frontline-flink.jar COMMAND
              demo [DIR]                 run the job locally (embedded Kafka, MiniCluster, in-memory H2) over DIR (default samples/)
              bench [DIR] [REPEAT]       events/s through the local pipeline at parallelism 1 and 2 (default samples/, 40)
              run --bootstrap H:P [...]  the streaming job over Kafka (submit with: flink run -c io.frontline.flink.FlinkMain JAR run ...)
              batch --archive DIR [...]  reprocess the report files of DIR in batch mode
            """ + JobOptions.USAGE;

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            System.out.print(USAGE);
            return;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "demo" -> {
                    new Demo(System.out).demo(Path.of(rest.isEmpty() ? "samples" : rest.get(0)));
                    System.exit(0); // the broker's and the MiniCluster's threads need not linger
                }
                case "bench" -> {
                    new Demo(System.out).bench(Path.of(rest.isEmpty() ? "samples" : rest.get(0)),
                            rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 40);
                    System.exit(0);
                }
                case "run", "batch" -> {
                    JobOptions o = JobOptions.parse(rest);
                    if (args[0].equals("batch") && o.archive() == null) {
                        throw new IllegalArgumentException("batch needs --archive DIR");
                    }
                    FrontlineRunner.run(StreamExecutionEnvironment.getExecutionEnvironment(), o);
                }
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("frontline-flink: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }
}
