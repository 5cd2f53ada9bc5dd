package dev.trent.server.app.cli;

import dev.trent.server.admin.AuditEndpoints;
import dev.trent.server.app.AuditCheck;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.audit.ChainVerifier;
import dev.trent.storage.StorageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trent audit}: works on the audit trail; {@code trent audit verify} checks it. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        usageHelpWidth = 100,
        synopsisSubcommandLabel = "COMMAND",
        header = "Work on the audit trail, the record of every call.",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    final Function<String, String> environment;
    final AwsEnvironment aws;

    AuditCommand(Function<String, String> environment, AwsEnvironment aws) {
        this.environment = environment;
        this.aws = aws;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code trent audit verify [--data-dir DIR | --endpoint URL]}. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            sortOptions = false,
            usageHelpWidth = 100,
            header = "Check the audit trail's hash chain and signed digests, changing nothing.",
            descriptionHeading = "%n",
            description = "Checks that every event opens, is stored where its sequence number says, and names the"
                    + " SHA-256 of the event before it; that every digest is signed by the trail's audit key,"
                    + " follows the digest before it and matches the event it covers; and that the chain head"
                    + " names the last event. Names the first broken event. Reads the data directory (safe beside"
                    + " a running server) or asks a running server at --endpoint. Exit status: 0 when sound, 4"
                    + " when the trail was tampered with, 1 when the check could not run.",
            optionListHeading = "%nOptions:%n")
    static final class Verify implements Callable<Integer> {

        static final int BROKEN = 4;

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        static final class Source {
            @Option(names = "--data-dir", paramLabel = "DIR",
                    description = "The data directory whose trail to check (default: ./trent-data).")
            Path dataDir;

            @Option(names = "--endpoint", paramLabel = "URL",
                    description = "A running Trent whose trail to check, for example http://localhost:4566.")
            String endpoint;
        }

        @ArgGroup(exclusive = true)
        Source source = new Source();

        @Mixin
        RootOfTrustOptions rootOfTrust = new RootOfTrustOptions();

        @Override
        public Integer call() {
            String name;
            ChainVerifier.Verdict verdict;
            if (source != null && source.endpoint != null) {
                name = source.endpoint;
                AdminClient client = new AdminClient(AdminClient.endpoint(source.endpoint), audit.aws.signer());
                verdict = ChainVerifier.verify(AuditEndpoints.parse(client.get("/_trent/audit/log")));
            } else {
                Path dataDir = source != null && source.dataDir != null ? source.dataDir
                        : TrentConfig.DEFAULT_DATA_DIR;
                name = dataDir.toString();
                rootOfTrust.checkCombinations(spec.commandLine());
                TrentConfig.Builder config = TrentConfig.builder().dataDir(dataDir);
                rootOfTrust.applyTo(config, audit.environment);
                try {
                    verdict = AuditCheck.run(config.build());
                } catch (StorageException e) {
                    throw new CliException(StartupFailure.messageOf(e), e);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (verdict.sound()) {
                out.println(name + ": audit trail sound (" + verdict.events() + " events, " + verdict.digests()
                        + " digests)");
                return Cli.OK;
            }
            verdict.problems().forEach(problem -> out.println(name + ": " + problem));
            verdict.firstBrokenEvent().ifPresent(event -> out.println(name + ": first broken event: " + event));
            return BROKEN;
        }
    }
}
