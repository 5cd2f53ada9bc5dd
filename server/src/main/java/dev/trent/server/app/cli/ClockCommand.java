package dev.trent.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trent.server.app.TrentServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code trent clock}: shows the clock of a running Trent; {@code trent clock advance DURATION} moves it forward
 * and fires everything due on the way; {@code trent clock reset} takes it back to real time. All three talk to
 * the admin API at {@code --endpoint}.
 */
@Command(
        name = "clock",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        usageHelpWidth = 100,
        synopsisSubcommandLabel = "[COMMAND]",
        header = "Show the clock of a running Trent, move it forward, or reset it to real time.",
        descriptionHeading = "%n",
        description = "Without a command: prints the server's current time and how far it is ahead of real time."
                + " Moving the clock fires, in order and at once, everything that would have happened in that"
                + " time: keys whose deletion window ends are deleted, due keys rotate, imported material and"
                + " import tokens expire.",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        subcommands = {ClockCommand.Advance.class, ClockCommand.Reset.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  trent clock",
            "  trent clock advance 8d",
            "  trent clock reset",
        })
final class ClockCommand implements Callable<Integer> {

    static final String CLOCK_PATH = "/_trent/clock";

    @Option(names = "--endpoint", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The running Trent to talk to (default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL or "
                    + AwsEnvironment.DEFAULT_ENDPOINT + ").")
    String endpoint;

    @Spec
    CommandSpec spec;

    private final AwsEnvironment aws;

    ClockCommand(AwsEnvironment aws) {
        this.aws = aws;
    }

    @Override
    public Integer call() {
        JsonNode clock = client().get(CLOCK_PATH);
        out(spec).println("Now " + now(clock) + " (" + offset(clock) + ").");
        return Cli.OK;
    }

    AdminClient client() {
        return new AdminClient(AdminClient.endpoint(endpoint != null ? endpoint : aws.endpoint()), aws.signer());
    }

    /** {@code trent clock advance DURATION}. */
    @Command(
            name = "advance",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            usageHelpWidth = 100,
            header = "Move the clock forward, firing everything that falls due on the way.",
            descriptionHeading = "%n",
            description = "DURATION is a whole number and a unit: s, m, h, d, w (7 days) or y (365 days),"
                    + " for example 90s, 30m, 12h, 8d, 2w or 1y; at most 100 years at a time.",
            optionListHeading = "%nOptions:%n")
    static final class Advance implements Callable<Integer> {

        @ParentCommand
        ClockCommand clock;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DURATION", converter = ClockDuration.class,
                description = "How far to move the clock forward, for example 8d.")
        Duration amount;

        @Override
        public Integer call() {
            JsonNode answer = clock.client().post(CLOCK_PATH,
                    JsonNodeFactory.instance.objectNode().put("advanceSeconds", amount.getSeconds()));
            out(spec).println("Clock advanced " + ClockDuration.format(amount) + ": now " + now(answer) + " ("
                    + offset(answer) + "). Fired: " + fired(answer.path("fired")) + ".");
            return Cli.OK;
        }
    }

    /** {@code trent clock reset}. */
    @Command(
            name = "reset",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            usageHelpWidth = 100,
            header = "Take the clock back to real time. Nothing that fired is undone.",
            optionListHeading = "%nOptions:%n")
    static final class Reset implements Callable<Integer> {

        @ParentCommand
        ClockCommand clock;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode answer = clock.client().delete(CLOCK_PATH);
            out(spec).println("Clock reset: now " + now(answer) + " (" + offset(answer) + ").");
            return Cli.OK;
        }
    }

    private static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    /** The server's time to the second: what a person reads; the API has the full precision. */
    private static String now(JsonNode clock) {
        String text = clock.path("now").asText();
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            throw new CliException("the server answered without a valid time: '" + text + "'", e);
        }
    }

    private static String offset(JsonNode clock) {
        long seconds = clock.path("offsetSeconds").asLong();
        return seconds == 0 ? "real time" : "offset +" + ClockDuration.format(Duration.ofSeconds(seconds));
    }

    /** The counts in the order the server gives them, in words for the ones this version knows. */
    static String fired(JsonNode fired) {
        List<String> parts = new ArrayList<>();
        fired.fields().forEachRemaining(field -> parts.add(describe(field)));
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static String describe(Map.Entry<String, JsonNode> field) {
        int n = field.getValue().asInt();
        return switch (field.getKey()) {
            case TrentServer.KEYS_DELETED -> n + (n == 1 ? " key deleted" : " keys deleted");
            case TrentServer.ROTATIONS -> n + (n == 1 ? " rotation" : " rotations");
            case TrentServer.MATERIAL_EXPIRED -> n + (n == 1 ? " material expiry" : " material expiries");
            case TrentServer.CRYPTOPERIODS_ENDED -> n + (n == 1 ? " cryptoperiod end" : " cryptoperiod ends");
            default -> field.getKey() + " " + n;
        };
    }
}
