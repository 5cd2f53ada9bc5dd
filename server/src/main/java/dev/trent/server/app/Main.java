package dev.trent.server.app;

import dev.trent.server.app.cli.Cli;
import dev.trent.server.app.cli.ProcessStopSignal;
import dev.trent.server.app.cli.ServerLauncher;
import java.io.PrintStream;

/**
 * {@code trent}: the entry point of the shaded jar. {@code trent serve} starts a {@link TrentServer} and keeps it
 * running until Ctrl-C or SIGTERM; {@code trent --help} explains the rest.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line against the real server, process environment and signals; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return processCli(err).run(args, out, err);
    }

    /**
     * The configuration {@code trent serve serveArgs...} would start with, reading the process environment;
     * starts nothing. See {@link Cli#parseServe(String...)} for the exceptions.
     */
    public static TrentConfig parseServe(String... serveArgs) {
        return processCli(System.err).parseServe(serveArgs);
    }

    private static Cli processCli(PrintStream err) {
        return new Cli(System::getenv, ServerLauncher.trentServer(), new ProcessStopSignal(err));
    }
}
