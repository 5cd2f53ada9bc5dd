package dev.trent.server.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trent} itself: only help and version; without a command it prints its help. */
@Command(
        name = "trent",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        usageHelpWidth = 100,
        synopsisSubcommandLabel = "COMMAND",
        header = "Trent: a local AWS KMS for development, tests and CI.",
        descriptionHeading = "%n",
        description = "Speaks the AWS KMS JSON protocol, so the AWS CLI and SDKs work against it with an"
                + " endpoint override.",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = "Start with 'trent serve'; 'trent serve --help' lists its options.")
public final class TrentCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
