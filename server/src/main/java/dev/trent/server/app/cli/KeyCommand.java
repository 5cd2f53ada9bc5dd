package dev.trent.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code trent key ...}: a key's NIST SP 800-57 lifecycle on a running Trent, through the admin API: read its
 * phase, cryptoperiods and history; set or clear cryptoperiods; suspend, resume, or mark it compromised.
 */
@Command(
        name = "key",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        usageHelpWidth = 100,
        synopsisSubcommandLabel = "COMMAND",
        header = "Read and manage a key's lifecycle (NIST SP 800-57 phases) on a running Trent.",
        descriptionHeading = "%n",
        description = "KEY is a key id, key ARN or alias name. A key ARN names its own account and Region; ids"
                + " and aliases are looked up in the account given by --account (by default the server's) and the"
                + " Region given by --region, else AWS_REGION or AWS_DEFAULT_REGION, else the server's. The"
                + " endpoint is --endpoint, else AWS_ENDPOINT_URL_KMS or AWS_ENDPOINT_URL, else "
                + AwsEnvironment.DEFAULT_ENDPOINT + ".",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        subcommands = {KeyCommand.Lifecycle.class, KeyCommand.Cryptoperiods.class, KeyCommand.Suspend.class,
            KeyCommand.Resume.class, KeyCommand.Compromise.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  trent key lifecycle alias/orders",
            "  trent key cryptoperiods alias/orders --originator 90d --recipient 1y --reason 'policy K-12'",
            "  trent key suspend alias/orders --reason 'incident 42'",
            "  trent key compromise alias/orders --reason 'leaked in a log' --allow-processing",
        })
final class KeyCommand implements Runnable {

    @Option(names = "--endpoint", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The running Trent to talk to (default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL or "
                    + AwsEnvironment.DEFAULT_ENDPOINT + ").")
    String endpoint;

    @Option(names = "--region", paramLabel = "REGION", scope = ScopeType.INHERIT,
            description = "The Region of a key named by id or alias (default: AWS_REGION, AWS_DEFAULT_REGION or"
                    + " the server's).")
    String region;

    @Option(names = "--account", paramLabel = "ID", scope = ScopeType.INHERIT,
            description = "The account of a key named by id or alias (default: the server's).")
    String account;

    @Spec
    CommandSpec spec;

    private final AwsEnvironment aws;

    KeyCommand(AwsEnvironment aws) {
        this.aws = aws;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private AdminClient client() {
        return new AdminClient(AdminClient.endpoint(endpoint != null ? endpoint : aws.endpoint()), aws.signer());
    }

    private String path(String key, String action) {
        StringBuilder path = new StringBuilder("/_trent/keys/")
                .append(pathSegment(key)).append('/').append(action);
        List<String> query = new ArrayList<>();
        if (account != null) {
            query.add("account=" + URLEncoder.encode(account, StandardCharsets.UTF_8));
        }
        String where = region != null ? region : aws.region().orElse(null);
        if (where != null) {
            query.add("region=" + URLEncoder.encode(where, StandardCharsets.UTF_8));
        }
        return query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
    }

    /** URLEncoder writes a space as '+', which means '+' in a path; a path segment needs %20. */
    private static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code trent key lifecycle KEY}. */
    @Command(name = "lifecycle", mixinStandardHelpOptions = true, versionProvider = Version.class,
            usageHelpWidth = 100, header = "Show a key's AWS state, NIST phase, cryptoperiods and history.",
            optionListHeading = "%nOptions:%n")
    static final class Lifecycle implements Callable<Integer> {
        @ParentCommand
        KeyCommand key;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "KEY", description = "Key id, key ARN or alias name.")
        String keyId;
        @Option(names = "--json", description = "Print the admin API's JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode view = key.client().get(key.path(keyId, "lifecycle"));
            if (json) {
                spec.commandLine().getOut().println(view.toPrettyString());
            } else {
                LifecycleText.print(view, spec.commandLine().getOut());
            }
            return Cli.OK;
        }
    }

    /** {@code trent key cryptoperiods KEY (--originator D [--recipient D] | --clear)}. */
    @Command(name = "cryptoperiods", mixinStandardHelpOptions = true, versionProvider = Version.class,
            usageHelpWidth = 100, header = "Set or clear a key's cryptoperiods, counted from its creation.",
            descriptionHeading = "%n",
            description = "After the originator-usage period the key no longer encrypts, signs, generates data keys"
                    + " or MACs; after the recipient-usage period it no longer decrypts or verifies either."
                    + " Durations: a number and s, m, h, d, w or y, for example 90d or 1y.",
            optionListHeading = "%nOptions:%n")
    static final class Cryptoperiods implements Callable<Integer> {
        @ParentCommand
        KeyCommand key;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "KEY", description = "Key id, key ARN or alias name.")
        String keyId;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Change change;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the key's history.")
        String reason;

        static final class Change {
            @ArgGroup(exclusive = false)
            Periods periods;
            @Option(names = "--clear", required = true, description = "Remove the key's cryptoperiods.")
            boolean clear;
        }

        static final class Periods {
            @Option(names = "--originator", paramLabel = "DURATION", converter = ClockDuration.class,
                    description = "Originator-usage period: how long the key may protect data.")
            Duration originator;
            @Option(names = "--recipient", paramLabel = "DURATION", converter = ClockDuration.class,
                    description = "Recipient-usage period: how long the key may process data.")
            Duration recipient;
        }

        @Override
        public Integer call() {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            if (reason != null) {
                body.put("reason", reason);
            }
            JsonNode view;
            if (change.clear) {
                view = key.client().delete(key.path(keyId, "cryptoperiods"), body);
            } else {
                Periods p = change.periods;
                if (p == null || p.originator == null && p.recipient == null) {
                    throw new CliException("give --originator, --recipient or both (or --clear)");
                }
                if (p.originator != null) {
                    body.put("originatorUsagePeriod", p.originator.toString());
                }
                if (p.recipient != null) {
                    body.put("recipientUsagePeriod", p.recipient.toString());
                }
                view = key.client().put(key.path(keyId, "cryptoperiods"), body);
            }
            LifecycleText.print(view, spec.commandLine().getOut());
            return Cli.OK;
        }
    }

    /** An action on a key that needs only a reason: the admin API's {@code POST .../<action>}. */
    abstract static class ReasonedAction implements Callable<Integer> {
        @ParentCommand
        KeyCommand key;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "KEY", description = "Key id, key ARN or alias name.")
        String keyId;
        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why, for the key's history.")
        String reason;

        abstract String action();

        @Override
        public Integer call() {
            return key.act(spec, keyId, action(), JsonNodeFactory.instance.objectNode().put("reason", reason));
        }
    }

    /** {@code trent key suspend KEY --reason TEXT}. */
    @Command(name = "suspend", mixinStandardHelpOptions = true, versionProvider = Version.class,
            usageHelpWidth = 100, header = "Suspend a key (DisableKey), recording why.",
            optionListHeading = "%nOptions:%n")
    static final class Suspend extends ReasonedAction {
        @Override
        String action() {
            return "suspend";
        }
    }

    /** {@code trent key resume KEY --reason TEXT}. */
    @Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = Version.class,
            usageHelpWidth = 100, header = "Resume a suspended key (EnableKey), recording why.",
            optionListHeading = "%nOptions:%n")
    static final class Resume extends ReasonedAction {
        @Override
        String action() {
            return "resume";
        }
    }

    /** {@code trent key compromise KEY --reason TEXT [--allow-processing]}. */
    @Command(name = "compromise", mixinStandardHelpOptions = true, versionProvider = Version.class,
            usageHelpWidth = 100, header = "Mark a key compromised, for good: it never protects data again.",
            optionListHeading = "%nOptions:%n")
    static final class Compromise implements Callable<Integer> {
        @ParentCommand
        KeyCommand key;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "KEY", description = "Key id, key ARN or alias name.")
        String keyId;
        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why, for the key's history.")
        String reason;
        @Option(names = "--allow-processing",
                description = "Still let it decrypt and verify what it protected before (default: no).")
        boolean allowProcessing;

        @Override
        public Integer call() {
            return key.act(spec, keyId, "compromise", JsonNodeFactory.instance.objectNode()
                    .put("reason", reason).put("allowProcessing", allowProcessing));
        }
    }

    private int act(CommandSpec commandSpec, String keyId, String action, ObjectNode body) {
        LifecycleText.print(client().post(path(keyId, action), body), commandSpec.commandLine().getOut());
        return Cli.OK;
    }

    /** The lifecycle view as text a person reads. */
    static final class LifecycleText {

        private LifecycleText() {
        }

        static void print(JsonNode view, PrintWriter out) {
            out.println("Key " + view.path("arn").asText());
            out.println("  AWS state:   " + (view.path("awsState").isNull() ? "(destroyed)" : view.path("awsState").asText()));
            out.println("  NIST phase:  " + view.path("phase").asText());
            JsonNode periods = view.path("cryptoperiods");
            if (periods.isObject()) {
                out.println("  originator-usage period: " + period(periods, "originatorUsage"));
                out.println("  recipient-usage period:  " + period(periods, "recipientUsage"));
            } else {
                out.println("  cryptoperiods: none");
            }
            JsonNode compromise = view.path("compromise");
            if (compromise.isObject()) {
                out.println("  compromised since " + compromise.path("at").asText() + ": "
                        + compromise.path("reason").asText() + " (processing "
                        + (compromise.path("processingAllowed").asBoolean() ? "allowed" : "refused") + ")");
            }
            out.println("  history:");
            for (JsonNode e : view.path("history")) {
                String phases = (e.path("phaseFrom").isNull() ? "" : e.path("phaseFrom").asText() + " -> ")
                        + e.path("phaseTo").asText();
                String reason = e.path("reason").isNull() ? "" : " (" + e.path("reason").asText() + ")";
                out.println("    " + e.path("at").asText() + "  " + e.path("trigger").asText() + " by "
                        + e.path("caller").asText() + ": " + phases + reason);
            }
        }

        private static String period(JsonNode periods, String prefix) {
            JsonNode length = periods.path(prefix + "Period");
            if (length.isMissingNode()) {
                return "none";
            }
            JsonNode ends = periods.path(prefix + "Ends");
            return length.asText() + (ends.isMissingNode() ? "" : ", ends " + ends.asText());
        }
    }
}
