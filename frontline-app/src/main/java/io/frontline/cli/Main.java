package io.frontline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code frontline} command. */
@Command(name = "frontline", mixinStandardHelpOptions = true, version = "frontline 0.1.0",
        description = "Turns war reports into structured, source-linked, mapped conflict events.",
        subcommands = {ExtractCommand.class, IngestCommand.class, ServeCommand.class, EventsCommand.Events.class,
                EventsCommand.Export.class, ControlCommand.class, EvalCommand.class, PlacesCommand.class, BenchCommand.class,
                BenchStoreCommand.class, BenchControlCommand.class, GazetteerCommand.class, TokenCommand.class, LoadTestCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean debug = parsed.hasMatchedOption("--debug");
            cmd.getErr().println("frontline: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (debug) {
                ex.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(run with --debug for details)");
            }
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
