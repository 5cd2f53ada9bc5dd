package dev.trent.server.app.cli;

import dev.trent.server.app.StoreCheck;
import dev.trent.server.app.TrentConfig;
import dev.trent.storage.StorageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trent fsck}: checks a data dir and changes nothing. */
@Command(
        name = "fsck",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpWidth = 100,
        header = "Check a data directory for damage, changing nothing.",
        descriptionHeading = "%n",
        description = "Opens the keyring with the root of trust, then checks that every record opens, that the"
                + " records match the sealed integrity manifest (no row altered, deleted, added or put back from"
                + " an older copy), and that the database holds every commit its commit witness vouches for (no"
                + " lost or damaged write-ahead log, no database restored from an older copy). Prints one line per"
                + " problem. Exit status: 0 when sound, 4 when damage was found, 1 when the check could not run."
                + " Safe while a server is running.",
        optionListHeading = "%nOptions:%n")
final class FsckCommand implements Callable<Integer> {

    static final int DAMAGED = 4;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data directory to check (default: ./trent-data).")
    Path dataDir = TrentConfig.DEFAULT_DATA_DIR;

    @Mixin
    RootOfTrustOptions rootOfTrust = new RootOfTrustOptions();

    private final Function<String, String> environment;

    FsckCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        rootOfTrust.checkCombinations(spec.commandLine());
        TrentConfig.Builder config = TrentConfig.builder().dataDir(dataDir);
        rootOfTrust.applyTo(config, environment);
        List<String> problems;
        try {
            problems = StoreCheck.run(config.build());
        } catch (StorageException e) {
            throw new CliException(StartupFailure.messageOf(e), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (problems.isEmpty()) {
            out.println(dataDir + ": sound");
            return Cli.OK;
        }
        problems.forEach(problem -> out.println(dataDir + ": " + problem));
        out.println(dataDir + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found");
        return DAMAGED;
    }
}
