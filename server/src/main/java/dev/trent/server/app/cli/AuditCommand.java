package dev.trent.server.app.cli;

import dev.trent.server.admin.AuditEndpoints;
import dev.trent.server.app.AuditCheck;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.audit.AuditExport;
import dev.trent.server.audit.AuditLog;
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
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
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

    /** Where a subcommand reads the trail from: a data dir (default ./trent-data) or a running server. */
    static final class Source {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "The data directory whose trail to read (default: ./trent-data).")
        Path dataDir;

        @Option(names = "--endpoint", paramLabel = "URL",
                description = "A running Trent whose trail to read, for example http://localhost:4566.")
        String endpoint;

        String name() {
            return endpoint != null ? endpoint : dataDir().toString();
        }

        Path dataDir() {
            return dataDir != null ? dataDir : TrentConfig.DEFAULT_DATA_DIR;
        }

        AuditLog read(AuditCommand audit, RootOfTrustOptions rootOfTrust, CommandSpec spec) {
            if (endpoint != null) {
                AdminClient client = new AdminClient(AdminClient.endpoint(endpoint), audit.aws.signer());
                return AuditEndpoints.parse(client.get("/_trent/audit/log"));
            }
            rootOfTrust.checkCombinations(spec.commandLine());
            TrentConfig.Builder config = TrentConfig.builder().dataDir(dataDir());
            rootOfTrust.applyTo(config, audit.environment);
            try {
                return AuditCheck.read(config.build());
            } catch (StorageException e) {
                throw new CliException(StartupFailure.messageOf(e), e);
            }
        }
    }

    /** {@code trent audit export [--data-dir DIR | --endpoint URL] [--format F] [--output FILE]}. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            sortOptions = false,
            usageHelpWidth = 100,
            header = "Write the audit trail's events out, oldest first.",
            descriptionHeading = "%n",
            description = "jsonl writes one CloudTrail record per line; cloudtrail writes CloudTrail's log-file"
                    + " layout, a gzip-compressed {\"Records\": [...]} (it needs --output). Events that do not open"
                    + " are left out; 'trent audit verify' reports them.",
            optionListHeading = "%nOptions:%n")
    static final class Export implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true)
        Source source = new Source();

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
                description = "jsonl or cloudtrail (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output.")
        Path output;

        @Mixin
        RootOfTrustOptions rootOfTrust = new RootOfTrustOptions();

        @Override
        public Integer call() throws java.io.IOException {
            AuditExport.Format chosen = switch (format) {
                case "jsonl" -> AuditExport.Format.JSONL;
                case "cloudtrail" -> AuditExport.Format.CLOUDTRAIL;
                default -> throw new CliException("invalid --format '" + format + "': expected jsonl or cloudtrail");
            };
            if (chosen == AuditExport.Format.CLOUDTRAIL && output == null) {
                throw new CliException("--format cloudtrail writes gzip; give --output FILE");
            }
            AuditLog log = (source != null ? source : new Source()).read(audit, rootOfTrust, spec);
            if (output == null) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                AuditExport.write(log, chosen, bytes);
                spec.commandLine().getOut().print(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
                return Cli.OK;
            }
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(output)) {
                int events = AuditExport.write(log, chosen, out);
                spec.commandLine().getErr().println(output + ": " + events + " events");
            }
            return Cli.OK;
        }
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

        @ArgGroup(exclusive = true)
        Source source = new Source();

        @Mixin
        RootOfTrustOptions rootOfTrust = new RootOfTrustOptions();

        @Override
        public Integer call() {
            Source from = source != null ? source : new Source();
            String name = from.name();
            ChainVerifier.Verdict verdict = ChainVerifier.verify(from.read(audit, rootOfTrust, spec));
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
