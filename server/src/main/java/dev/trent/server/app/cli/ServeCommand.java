package dev.trent.server.app.cli;

import dev.trent.server.app.DescriptorBudget;
import dev.trent.server.auth.AuthMode;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentConfig.RootOfTrustKind;
import dev.trent.server.app.cli.ServerLauncher.RunningServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "  trent serve --tls-self-signed",
            "  trent serve --host 0.0.0.0 --hostname trent --allow-remote",
            "  ROOT_SECRET=... trent serve --auth verify --root-credentials 000000000000:AKIAROOTEXAMPLE:ROOT_SECRET",
            "  TRENT_PASSPHRASE='a long passphrase' trent serve --master-passphrase-env TRENT_PASSPHRASE",
            "  TRENT_PIN=1234 trent serve --root-of-trust pkcs11 --pkcs11-token-label trent \\",
            "      --pkcs11-library /usr/lib/softhsm/libsofthsm2.so --pkcs11-pin-env TRENT_PIN",
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + TrentConfig.DEFAULT_PORT,
            description = "TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = TrentConfig.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Any other than a loopback address makes"
                    + " the API reachable from the network: with --auth off Trent then refuses to start unless"
                    + " --allow-remote is given.")
    String host;

    @Option(names = "--allow-remote",
            description = "Listen on a non-loopback --host even with --auth off, when anyone who can connect may"
                    + " use, wipe or destroy the keys (a container network of your own, for example).")
    boolean allowRemote;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "off",
            description = "off: take any signature, the access key only picks the account (default). verify:"
                    + " every request must be SigV4-signed by a known access key, as AWS checks it, and the admin"
                    + " API only takes requests signed with root credentials or an --admin-principal's. enforce:"
                    + " verify, plus key policies, IAM policies and grants decide every KMS request, as in AWS.")
    String auth;

    @Option(names = "--root-credentials", paramLabel = "ACCOUNT:ACCESS_KEY:SECRET_ENV",
            description = "A root access key of account ACCOUNT for --auth verify/enforce, whose secret is read from"
                    + " the environment variable SECRET_ENV (repeatable). Without one for --account-id, that"
                    + " account's root is access key 'test' with secret 'test'.")
    List<String> rootCredentials = new ArrayList<>();

    @Option(names = "--admin-principal", paramLabel = "ARN",
            description = "An IAM user (arn:aws:iam::ACCOUNT:user/NAME) or role (arn:aws:iam::ACCOUNT:role/NAME,"
                    + " for its sessions) that may use the admin API under --auth verify/enforce besides the"
                    + " accounts' roots (repeatable).")
    List<String> adminPrincipals = new ArrayList<>();

    @Option(names = "--hostname", paramLabel = "NAME",
            description = "A name clients use to reach Trent, such as a container's service name (repeatable)."
                    + " Requests whose Host header names anything but localhost, an IP address, --host or a"
                    + " --hostname are refused, which defeats DNS rebinding; the self-signed certificate names"
                    + " them too.")
    List<String> hostnames = new ArrayList<>();

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve HTTPS with the PEM certificate chain in FILE (leaf first); needs --tls-key.")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The PEM private key (PKCS#8, or traditional RSA or EC) of --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-self-signed",
            description = "Serve HTTPS with a self-signed EC P-256 certificate for localhost, 127.0.0.1, ::1, --host"
                    + " and every --hostname, kept in DIR/tls (a temporary directory with --in-memory) and reused"
                    + " while it fits. Prints its SHA-256 fingerprint and the PEM file to give clients.")
    boolean tlsSelfSigned;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory holding the keyring and all keys (default: ./trent-data).")
    Path dataDir;

    @Option(names = "--in-memory",
            description = "Keep everything in memory under a throw-away root of trust: nothing is written to disk"
                    + " and all keys are gone when Trent stops. Cannot be combined with --data-dir or any"
                    + " root-of-trust option.")
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

    @Option(names = "--cloudhsm-cluster", paramLabel = "ID=LIBRARY:LABEL",
            description = "Offer the PKCS#11 token labelled LABEL, driven by the PKCS#11 library LIBRARY, as the"
                    + " CloudHSM cluster ID (cluster- and 11 to 16 letters or digits 2-7) for custom key stores"
                    + " (repeatable). The key store's KeyStorePassword is the token's user PIN.")
    java.util.List<String> cloudHsmClusters = new java.util.ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION", defaultValue = TrentConfig.DEFAULT_REGION,
            description = "Region used when a request carries no SigV4 credential scope; signed requests use the"
                    + " Region they are signed for (default: ${DEFAULT-VALUE}).")
    String region;

    @Mixin
    RootOfTrustOptions rootOfTrust = new RootOfTrustOptions();

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Most connections open at once; one more is closed as soon as it is accepted (default:"
                    + " what the process's file descriptor limit leaves free at start, less a reserve of up to "
                    + DescriptorBudget.RESERVE + ", at most " + DescriptorBudget.CEILING + ").")
    Integer maxConnections;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            defaultValue = "" + TrentConfig.DEFAULT_IDLE_TIMEOUT_SECONDS,
            description = "Close a connection after this long with no request being sent and none unanswered;"
                    + " 0 never does (default: ${DEFAULT-VALUE}, longer than AWS SDKs keep idle connections).")
    long idleTimeoutSeconds;

    @Option(names = "--audit-trail",
            description = "Record every call as a CloudTrail event in a hash-chained, signed audit trail in the data"
                    + " dir, searchable with `aws cloudtrail lookup-events` and checked by `trent audit verify`."
                    + " Off by default: it costs data-plane throughput and keeps every event until"
                    + " --audit-retention passes.")
    boolean auditTrail;

    @Option(names = "--audit-retention", paramLabel = "DURATION", converter = ClockDuration.class,
            defaultValue = "90d",
            description = "How long the audit trail keeps an event, by Trent's clock, for example 90d or 1y;"
                    + " older events are pruned and the chain still verifies (default: ${DEFAULT-VALUE}, as"
                    + " CloudTrail's event history).")
    Duration auditRetention;

    @Option(names = "--request-read-timeout", paramLabel = "SECONDS",
            defaultValue = "" + TrentConfig.DEFAULT_REQUEST_READ_TIMEOUT_SECONDS,
            description = "Close a connection whose client has not finished sending a request this long after"
                    + " its first byte; 0 never does (default: ${DEFAULT-VALUE}).")
    long requestReadTimeoutSeconds;

    @Option(names = "--init-dir", paramLabel = "DIR",
            description = "Run the scripts in DIR once Trent is ready, in name order (LocalStack's ready.d"
                    + " convention: .sh files with sh, other executables as they are), with the AWS CLI and"
                    + " 'awslocal' pointed at Trent. GET /_localstack/init/ready tells when they are done.")
    Path initDir;

    @Option(names = "--seed", paramLabel = "FILE",
            description = "Create the keys and aliases FILE describes (YAML or JSON; Trent's format or local-kms's"
                    + " seed.yaml) at start-up, unless they exist: nothing that exists is changed.")
    Path seedFile;

    @Option(names = "--iam", paramLabel = "FILE",
            description = "Create or update the IAM users (with access keys), roles, managed and inline policies"
                    + " and accounts' root access keys FILE describes (YAML or JSON) at start-up.")
    Path iamFile;

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
        hostnames.forEach(name -> apply("--hostname", () -> config.hostname(name)));
        if (tlsSelfSigned) {
            config.tlsSelfSigned();
        } else if (tlsCertificate != null) {
            config.tlsFiles(tlsCertificate, tlsKey);
        }
        apply("--port", () -> config.port(port));
        apply("--account-id", () -> config.accountId(accountId));
        accessKeyAccounts.forEach((key, account) ->
                apply("--access-key-account", () -> config.accessKeyAccount(key, account)));
        apply("--region", () -> config.defaultRegion(region));
        apply("--auth", () -> config.authMode(AuthMode.parse(auth)));
        rootCredentials.forEach(value -> addRootCredentials(config, value));
        adminPrincipals.forEach(arn -> apply("--admin-principal", () -> config.adminPrincipal(arn)));
        NetworkExposure.refusal(host, AuthMode.parse(auth), allowRemote).ifPresent(reason -> {
            throw new CliException(reason);
        });
        if (maxConnections != null) {
            apply("--max-connections", () -> config.maxConnections(maxConnections));
        }
        apply("--idle-timeout", () -> config.idleTimeout(Duration.ofSeconds(idleTimeoutSeconds)));
        apply("--audit-retention", () -> config.auditRetention(auditRetention));
        config.auditTrail(auditTrail);
        apply("--request-read-timeout", () -> config.requestReadTimeout(Duration.ofSeconds(requestReadTimeoutSeconds)));
        cloudHsmClusters.forEach(cluster -> apply("--cloudhsm-cluster",
                () -> config.cloudHsmCluster(dev.trent.server.keystore.Cluster.parse(cluster))));
        if (initDir != null) {
            if (!Files.isDirectory(initDir)) {
                throw new CliException("invalid --init-dir: " + initDir + " is not a directory");
            }
            config.initDir(initDir);
        }
        if (seedFile != null) {
            config.seedFile(seedFile);
        }
        if (iamFile != null) {
            config.iamFile(iamFile);
        }
        if (inMemory) {
            config.inMemory();
            return config.build();
        }
        if (dataDir != null) {
            config.dataDir(dataDir);
        }
        rootOfTrust.applyTo(config, environment);
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

        NetworkExposure.warning(config).ifPresent(spec.commandLine().getErr()::println);
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
                    + " (--master-passphrase-env) or a key in a PKCS#11 token (--root-of-trust pkcs11).");
        }
        out.println("Trent " + Version.current() + " on " + server.endpoint()
                + " | data: " + (config.inMemory() ? "in memory" : display(config.dataDir()))
                + " | root of trust: " + describeRootOfTrust(config));
        server.selfSignedCertificate().ifPresent(certificate -> out.println("TLS: self-signed certificate "
                + (certificate.created() ? "created" : "reused") + ", SHA-256 fingerprint "
                + certificate.sha256Fingerprint() + "; clients trust it with the PEM file "
                + display(certificate.certificateFile())));
        out.println("Ready.");

        try {
            stopSignal.await();
        } finally {
            stop.run();
        }
        return Cli.OK;
    }

    /** {@code ACCOUNT:ACCESS_KEY:SECRET_ENV}, the secret read from that variable, never from the command line. */
    private void addRootCredentials(TrentConfig.Builder config, String value) {
        String[] parts = value.split(":", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new CliException("invalid --root-credentials '" + value
                    + "': expected ACCOUNT:ACCESS_KEY:SECRET_ENV, e.g. 111122223333:AKIAROOTEXAMPLE:ROOT_SECRET");
        }
        char[] secret = EnvironmentSecret.read(environment, parts[2], "--root-credentials");
        apply("--root-credentials", () -> config.rootCredentials(parts[0], parts[1], secret));
    }

    private void checkCombinations() {
        if (inMemory) {
            List<String> conflicting = new ArrayList<>();
            if (dataDir != null) {
                conflicting.add("--data-dir");
            }
            conflicting.addAll(rootOfTrust.given());
            if (!conflicting.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--in-memory cannot be combined with "
                        + String.join(", ", conflicting) + " (nothing is written to disk in memory)");
            }
        }
        rootOfTrust.checkCombinations(spec.commandLine());
        if (tlsSelfSigned && (tlsCertificate != null || tlsKey != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--tls-self-signed cannot be combined with --tls-cert or --tls-key");
        }
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
        }
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
        return rootOfTrust.describe(config);
    }

    private static String display(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
