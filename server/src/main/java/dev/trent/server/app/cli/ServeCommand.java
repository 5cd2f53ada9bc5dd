package dev.trent.server.app.cli;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentConfig.RootOfTrustKind;
import dev.trent.server.app.cli.ServerLauncher.RunningServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trent serve}: maps the options onto a {@link TrentConfig}, starts the server, waits for a stop. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpWidth = 100,
        header = "Start the KMS endpoint and keep it running until Ctrl-C or SIGTERM.",
        descriptionHeading = "%n",
        description = "Without options: listens on 127.0.0.1:4566, keeps its data in ./trent-data and protects"
                + " it with a key file created there on first start (the development default). Prints 'Ready.' once"
                + " requests are accepted and 'Stopped.' after a clean shutdown.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  trent serve",
            "  trent serve --in-memory --port 0",
            "  TRENT_PASSPHRASE='a long passphrase' trent serve --master-passphrase-env TRENT_PASSPHRASE",
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + TrentConfig.DEFAULT_PORT,
            description = "TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = TrentConfig.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory holding the keyring and all keys (default: ./trent-data).")
    Path dataDir;

    @Option(names = "--in-memory",
            description = "Keep everything in memory under a throw-away root of trust: nothing is written to disk"
                    + " and all keys are gone when Trent stops. Cannot be combined with --data-dir, --key-file or"
                    + " --master-passphrase-env.")
    boolean inMemory;

    @Option(names = "--account-id", paramLabel = "ID", defaultValue = TrentConfig.DEFAULT_ACCOUNT,
            description = "AWS account id (12 digits) that owns the keys and appears in their ARNs"
                    + " (default: ${DEFAULT-VALUE}).")
    String accountId;

    @Option(names = "--access-key-account", paramLabel = "KEY=ACCOUNT",
            description = "Requests signed with access key KEY act in account ACCOUNT (repeatable). An access key"
                    + " that is itself a 12-digit number always means that account; other access keys use"
                    + " --account-id.")
    java.util.Map<String, String> accessKeyAccounts = new java.util.LinkedHashMap<>();

    @Option(names = "--region", paramLabel = "REGION", defaultValue = TrentConfig.DEFAULT_REGION,
            description = "Region used when a request carries no SigV4 credential scope; signed requests use the"
                    + " Region they are signed for (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Root of trust: the file holding the master key that wraps the keyring (default:"
                    + " DIR/master.key). Created with a new random key when missing. This is the development default:"
                    + " anyone who can read the file can decrypt the data directory.")
    Path keyFile;

    @Option(names = "--master-passphrase-env", paramLabel = "VAR",
            description = "Root of trust: derive the master key from a passphrase read from environment variable"
                    + " VAR, instead of a key file. The passphrase itself never appears on the command line.")
    String passphraseEnv;

    private final Function<String, String> environment;
    private final ServerLauncher launcher;
    private final StopSignal stopSignal;

    ServeCommand(Function<String, String> environment, ServerLauncher launcher, StopSignal stopSignal) {
        this.environment = environment;
        this.launcher = launcher;
        this.stopSignal = stopSignal;
    }

    /**
     * The configuration the parsed options describe. Throws {@link ParameterException} for options that may not
     * be combined (a usage error) and {@link CliException} for values that are wrong.
     */
    TrentConfig toConfig() {
        checkCombinations();
        TrentConfig.Builder config = TrentConfig.builder();
        if (host.isBlank()) {
            throw new CliException("invalid --host: must not be empty");
        }
        config.host(host);
        apply("--port", () -> config.port(port));
        apply("--account-id", () -> config.accountId(accountId));
        accessKeyAccounts.forEach((key, account) ->
                apply("--access-key-account", () -> config.accessKeyAccount(key, account)));
        apply("--region", () -> config.defaultRegion(region));
        if (inMemory) {
            config.inMemory();
            return config.build();
        }
        if (dataDir != null) {
            config.dataDir(dataDir);
        }
        if (passphraseEnv != null) {
            char[] passphrase = passphraseFromEnvironment();
            config.passphrase(passphrase);
            Arrays.fill(passphrase, '\0');
        } else if (keyFile != null) {
            config.keyFile(keyFile);
        }
        return config.build();
    }

    @Override
    public Integer call() throws InterruptedException {
        TrentConfig config = toConfig();
        PrintWriter out = spec.commandLine().getOut();
        boolean newKeyFile = usesKeyFile(config) && !Files.exists(config.keyFile());

        AtomicReference<RunningServer> running = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            RunningServer server = running.get();
            if (server != null && stopped.compareAndSet(false, true)) {
                server.close();
                out.println("Stopped.");
            }
        };
        stopSignal.arm(stop);

        RunningServer server;
        try {
            server = launcher.start(config);
        } catch (Exception e) {
            throw new CliException(StartupFailure.describe(e, config), e);
        }
        running.set(server);
        if (newKeyFile) {
            out.println("Created a new development key file at " + display(config.keyFile())
                    + ". A key file is the development default; for real use, protect the keyring with a passphrase"
                    + " (--master-passphrase-env).");
        }
        out.println("Trent " + Version.current() + " on " + server.endpoint()
                + " | data: " + (config.inMemory() ? "in memory" : display(config.dataDir()))
                + " | root of trust: " + describeRootOfTrust(config));
        out.println("Ready.");

        try {
            stopSignal.await();
        } finally {
            stop.run();
        }
        return Cli.OK;
    }

    private void checkCombinations() {
        if (inMemory) {
            List<String> conflicting = new ArrayList<>();
            if (dataDir != null) {
                conflicting.add("--data-dir");
            }
            if (keyFile != null) {
                conflicting.add("--key-file");
            }
            if (passphraseEnv != null) {
                conflicting.add("--master-passphrase-env");
            }
            if (!conflicting.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--in-memory cannot be combined with "
                        + String.join(", ", conflicting) + " (nothing is written to disk in memory)");
            }
        }
        if (keyFile != null && passphraseEnv != null) {
            throw new ParameterException(spec.commandLine(),
                    "--key-file and --master-passphrase-env are two different roots of trust; choose one");
        }
    }

    private char[] passphraseFromEnvironment() {
        String value = environment.apply(passphraseEnv);
        if (value == null) {
            throw new CliException("environment variable " + passphraseEnv
                    + " (named by --master-passphrase-env) is not set");
        }
        if (value.isEmpty()) {
            throw new CliException("environment variable " + passphraseEnv
                    + " (named by --master-passphrase-env) is empty");
        }
        return value.toCharArray();
    }

    private static void apply(String option, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid " + option + ": " + e.getMessage(), e);
        }
    }

    private static boolean usesKeyFile(TrentConfig config) {
        return !config.inMemory() && config.rootOfTrust() == RootOfTrustKind.KEY_FILE;
    }

    private String describeRootOfTrust(TrentConfig config) {
        if (config.inMemory()) {
            return "throw-away key (in memory)";
        }
        if (config.rootOfTrust() == RootOfTrustKind.PASSPHRASE) {
            return "passphrase from $" + passphraseEnv;
        }
        return "key file " + display(config.keyFile());
    }

    private static String display(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
