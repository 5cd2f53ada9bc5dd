package dev.trent.server.app.cli;

import dev.trent.server.app.TrentConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code trent} command line, with its collaborators passed in: the environment (for
 * {@code --master-passphrase-env}), how a server is started, and how a stop is requested. Every failure becomes
 * one line on stderr starting with {@code trent: }; exit codes are {@link #OK}, {@link #FAILURE} and
 * {@link #USAGE}.
 */
public final class Cli {

    public static final int OK = 0;
    /**
     * An option value that makes no sense (not a number, not a kind of root, a negative timeout), a missing
     * environment variable, a server that cannot start.
     */
    public static final int FAILURE = 1;
    /** Unknown commands, unknown or conflicting options, missing parameters (picocli's usage-error code). */
    public static final int USAGE = 2;

    private final Function<String, String> environment;
    private final ServerLauncher launcher;
    private final StopSignal stopSignal;

    public Cli(Function<String, String> environment, ServerLauncher launcher, StopSignal stopSignal) {
        this.environment = environment;
        this.launcher = launcher;
        this.stopSignal = stopSignal;
    }

    /** Runs {@code trent args...}; for {@code serve}, returns only once the server has stopped. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler(Cli::usageError);
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            String message = e instanceof CliException
                    ? e.getMessage()
                    : "unexpected error: " + e.getClass().getSimpleName() + ": " + StartupFailure.messageOf(e);
            failed.getErr().println("trent: " + StartupFailure.oneLine(message));
            return FAILURE;
        });
        return commandLine.execute(args);
    }

    /**
     * Parses the options of {@code trent serve} (without the word {@code serve}) into the configuration it would
     * start with, starting nothing. Throws {@link ParameterException} for usage errors and {@link CliException}
     * for wrong values, exactly where {@link #run} would exit with {@link #USAGE} or {@link #FAILURE}.
     */
    public TrentConfig parseServe(String... serveArgs) {
        ServeCommand serve = new ServeCommand(environment, launcher, stopSignal);
        CommandLine commandLine = new CommandLine(serve);
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
        commandLine.setOut(discard);
        commandLine.setErr(discard);
        commandLine.parseArgs(serveArgs);
        return serve.toConfig();
    }

    private CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TrentCommand());
        commandLine.addSubcommand("serve", new ServeCommand(environment, launcher, stopSignal));
        AwsEnvironment aws = new AwsEnvironment(environment);
        commandLine.addSubcommand("clock", new ClockCommand(aws));
        commandLine.addSubcommand("key", new KeyCommand(aws));
        commandLine.addSubcommand("rekey", new RekeyCommand(environment));
        commandLine.addSubcommand("fsck", new FsckCommand(environment));
        commandLine.addSubcommand("audit", new AuditCommand(environment, aws));
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        return commandLine;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        StringBuilder line = new StringBuilder("trent: ");
        Optional<String> unknownCommand = unknownCommand(e);
        if (unknownCommand.isPresent()) {
            line.append("unknown command '").append(unknownCommand.get()).append("'");
        } else {
            line.append(StartupFailure.oneLine(e.getMessage()));
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?)");
        }
        if (unknownCommand.isPresent()) {
            line.append("; the commands are ").append(String.join(", ", failed.getSubcommands().keySet()));
        }
        line.append("; see '").append(failed.getCommandSpec().qualifiedName()).append(" --help'");
        failed.getErr().println(line);
        // A value picocli could not convert is a wrong value, like the ones the commands reject themselves.
        return e.getCause() instanceof TypeConversionException ? FAILURE : USAGE;
    }

    /** The word given where a command with subcommands expected one of them, when that is what went wrong. */
    private static Optional<String> unknownCommand(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched)
                || e.getCommandLine().getSubcommands().isEmpty()
                || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String first = unmatched.getUnmatched().get(0);
        return first.startsWith("-") ? Optional.empty() : Optional.of(first);
    }
}
