package dev.trent.server.app;

import dev.trent.server.auth.AuthMode;
import dev.trent.server.auth.RootCredentials;
import dev.trent.server.auth.SecretAccessKey;
import dev.trent.server.keystore.Cluster;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything a Trent server needs to start. Built once, never changed; {@link #builder()} gives the embedded
 * defaults: 127.0.0.1:4566, data in {@code ./trent-data}, key-file root of trust, account 000000000000.
 */
public final class TrentConfig {

    /** Where the master key comes from. */
    public enum RootOfTrustKind { KEY_FILE, PASSPHRASE, PKCS11 }

    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final Path DEFAULT_DATA_DIR = Path.of("trent-data");
    private static final Pattern ADMIN_PRINCIPAL =
            Pattern.compile("arn:aws:iam::\\d{12}:(user|role)/[\\w+=,.@/-]{1,512}");
    private static final Pattern HOSTNAME =
            Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");
    /**
     * Longer than the AWS SDKs keep an idle connection for reuse (60 s for Java v2's clients, 90 s for Go's
     * default transport), so a client always drops an idle connection first and never reuses one the server is
     * closing at that moment.
     */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 120;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS);
    /** How long audit events are kept, as CloudTrail's event history keeps them: 90 days. */
    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(90);
    /** A KMS request is at most 1 MiB; even a slow link sends one well within this. */
    public static final int DEFAULT_REQUEST_READ_TIMEOUT_SECONDS = 30;
    public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(DEFAULT_REQUEST_READ_TIMEOUT_SECONDS);

    private final String host;
    private final int port;
    private final Path dataDir;
    private final boolean inMemory;
    private final String accountId;
    private final String defaultRegion;
    private final RootOfTrustKind rootOfTrust;
    private final Path keyFile;
    private final char[] passphrase;
    private final Pkcs11Root pkcs11Root;
    private final char[] pkcs11Pin;
    private final Clock clock;
    private final Path initDir;
    private final Path seedFile;
    private final Path iamFile;
    private final Map<String, String> accessKeyAccounts;
    private final List<Cluster> clusters;
    private final List<String> hostnames;
    private final ServerTls.Settings tls;
    private final Integer maxConnections;
    private final Duration idleTimeout;
    private final Duration auditRetention;
    private final boolean auditTrail;
    private final Duration requestReadTimeout;
    private final AuthMode authMode;
    private final List<RootCredentials.Entry> rootCredentials;
    private final Set<String> adminPrincipals;

    private TrentConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.dataDir = b.dataDir;
        this.inMemory = b.inMemory;
        this.accountId = b.accountId;
        this.defaultRegion = b.defaultRegion;
        this.rootOfTrust = b.rootOfTrust;
        this.keyFile = b.keyFile;
        this.passphrase = b.passphrase;
        this.pkcs11Root = b.pkcs11Root;
        this.pkcs11Pin = b.pkcs11Pin;
        this.clock = b.clock;
        this.initDir = b.initDir;
        this.seedFile = b.seedFile;
        this.iamFile = b.iamFile;
        this.accessKeyAccounts = Map.copyOf(b.accessKeyAccounts);
        this.clusters = List.copyOf(b.clusters.values());
        this.hostnames = List.copyOf(b.hostnames);
        this.tls = b.tls;
        this.maxConnections = b.maxConnections;
        this.idleTimeout = b.idleTimeout;
        this.auditRetention = b.auditRetention;
        this.auditTrail = b.auditTrail;
        this.requestReadTimeout = b.requestReadTimeout;
        this.authMode = b.authMode;
        List<RootCredentials.Entry> roots = new ArrayList<>(b.rootCredentials.values());
        boolean defaultAccountHasRoot = roots.stream().anyMatch(root -> root.account().equals(b.accountId));
        if (!defaultAccountHasRoot && !b.rootCredentials.containsKey(RootCredentials.DEFAULT_ACCESS_KEY_ID)) {
            roots.add(new RootCredentials.Entry(b.accountId, RootCredentials.DEFAULT_ACCESS_KEY_ID,
                    SecretAccessKey.of(RootCredentials.DEFAULT_SECRET)));
        }
        this.rootCredentials = List.copyOf(roots);
        this.adminPrincipals = Set.copyOf(b.adminPrincipals);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() { return host; }
    /** 0 asks the operating system for a free port; {@link TrentServer#port()} tells which. */
    public int port() { return port; }
    public Path dataDir() { return dataDir; }
    /** True when nothing may be written to disk: an in-memory store under an ephemeral root of trust. */
    public boolean inMemory() { return inMemory; }
    public String accountId() { return accountId; }
    /** The Region used when a request carries no SigV4 credential scope. */
    public String defaultRegion() { return defaultRegion; }
    public RootOfTrustKind rootOfTrust() { return rootOfTrust; }
    /** The key file; defaults to {@code master.key} inside the data dir. */
    public Path keyFile() { return keyFile != null ? keyFile : dataDir.resolve("master.key"); }
    public Optional<char[]> passphrase() { return Optional.ofNullable(passphrase); }
    /** The token and key of a {@link RootOfTrustKind#PKCS11} root of trust. */
    public Optional<Pkcs11Root> pkcs11Root() { return Optional.ofNullable(pkcs11Root); }
    /** The user PIN of that token. */
    public Optional<char[]> pkcs11Pin() { return Optional.ofNullable(pkcs11Pin); }
    public Clock clock() { return clock; }
    /** Scripts to run once Trent is ready (LocalStack's {@code ready.d}); empty when there are none. */
    public Optional<Path> initDir() { return Optional.ofNullable(initDir); }
    /** The seed file to apply at start-up, if any. */
    public Optional<Path> seedFile() { return Optional.ofNullable(seedFile); }
    /** The IAM file (accounts' root keys, users, roles, policies) to apply at start-up, if any. */
    public Optional<Path> iamFile() { return Optional.ofNullable(iamFile); }
    /** Access keys mapped to the accounts they act in; a 12-digit access key is its own account. */
    public Map<String, String> accessKeyAccounts() { return accessKeyAccounts; }
    /** The PKCS#11 tokens offered as CloudHSM clusters to custom key stores. */
    public List<Cluster> clusters() { return clusters; }
    /** Further names clients reach the server by, beside localhost and its addresses ({@code --hostname}). */
    public List<String> hostnames() { return hostnames; }
    /** Whether and how the server speaks HTTPS. */
    public ServerTls.Settings tls() { return tls; }
    /** The most connections open at once; empty means computed from the file descriptor limit at start. */
    public OptionalInt maxConnections() {
        return maxConnections == null ? OptionalInt.empty() : OptionalInt.of(maxConnections);
    }
    /** How long a connection may sit idle before it is closed; zero means never. */
    public Duration idleTimeout() { return idleTimeout; }
    public Duration auditRetention() { return auditRetention; }
    /** True when every call is recorded in the audit trail ({@code --audit-trail}). */
    public boolean auditTrail() { return auditTrail; }
    /** How long a client may take to send a request once it has begun; zero means no limit. */
    public Duration requestReadTimeout() { return requestReadTimeout; }
    /** Whether signatures are checked ({@code --auth}); {@link AuthMode#OFF} by default. */
    public AuthMode authMode() { return authMode; }
    /**
     * The accounts' root access keys that {@code verify} and {@code enforce} accept: those configured, and
     * access key {@code test} with secret {@code test} for the default account unless that account was given
     * root credentials of its own (or {@code test} was given to another account).
     */
    public List<RootCredentials.Entry> rootCredentials() { return rootCredentials; }
    /** IAM users and roles that may use the admin API under {@code --auth verify|enforce}, besides roots. */
    public Set<String> adminPrincipals() { return adminPrincipals; }
    /** True when the well-known {@code test}/{@code test} root credentials are among {@link #rootCredentials()}. */
    public boolean defaultRootCredentialsActive() {
        return rootCredentials.stream().anyMatch(root ->
                root.accessKeyId().equals(RootCredentials.DEFAULT_ACCESS_KEY_ID)
                && root.account().equals(accountId));
    }

    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Path dataDir = DEFAULT_DATA_DIR;
        private boolean inMemory;
        private String accountId = DEFAULT_ACCOUNT;
        private String defaultRegion = DEFAULT_REGION;
        private RootOfTrustKind rootOfTrust = RootOfTrustKind.KEY_FILE;
        private Path keyFile;
        private char[] passphrase;
        private Pkcs11Root pkcs11Root;
        private char[] pkcs11Pin;
        private Clock clock = Clock.systemUTC();
        private Path initDir;
        private Path seedFile;
        private Path iamFile;
        private final Map<String, String> accessKeyAccounts = new LinkedHashMap<>();
        private final Map<String, Cluster> clusters = new LinkedHashMap<>();
        private final List<String> hostnames = new ArrayList<>();
        private ServerTls.Settings tls = ServerTls.Settings.NONE;
        private Integer maxConnections;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration auditRetention = DEFAULT_AUDIT_RETENTION;
        private boolean auditTrail;
        private Duration requestReadTimeout = DEFAULT_REQUEST_READ_TIMEOUT;
        private AuthMode authMode = AuthMode.OFF;
        private final Map<String, RootCredentials.Entry> rootCredentials = new LinkedHashMap<>();
        private final Set<String> adminPrincipals = new LinkedHashSet<>();

        private Builder() {
        }

        public Builder host(String host) { this.host = Objects.requireNonNull(host); return this; }
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }
        public Builder dataDir(Path dataDir) { this.dataDir = Objects.requireNonNull(dataDir); this.inMemory = false; return this; }
        public Builder inMemory() { this.inMemory = true; return this; }
        public Builder accountId(String accountId) {
            if (!accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("an account id is 12 digits, got '" + accountId + "'");
            }
            this.accountId = accountId;
            return this;
        }
        public Builder defaultRegion(String region) {
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw new IllegalArgumentException("not a Region name: '" + region + "'");
            }
            this.defaultRegion = region;
            return this;
        }
        public Builder keyFile(Path keyFile) { this.rootOfTrust = RootOfTrustKind.KEY_FILE; this.keyFile = keyFile; return this; }
        public Builder passphrase(char[] passphrase) {
            this.rootOfTrust = RootOfTrustKind.PASSPHRASE;
            this.passphrase = passphrase.clone();
            return this;
        }
        /** The root of trust is the key {@code root} names, in a token logged in to with {@code pin} (copied). */
        public Builder pkcs11(Pkcs11Root root, char[] pin) {
            this.rootOfTrust = RootOfTrustKind.PKCS11;
            this.pkcs11Root = Objects.requireNonNull(root);
            this.pkcs11Pin = pin.clone();
            return this;
        }
        /** Requests signed with {@code accessKeyId} act in {@code account}. */
        public Builder accessKeyAccount(String accessKeyId, String account) {
            if (accessKeyId == null || accessKeyId.isEmpty()) {
                throw new IllegalArgumentException("an access key id must not be empty");
            }
            if (!account.matches("\\d{12}")) {
                throw new IllegalArgumentException("an account id is 12 digits, got '" + account + "'");
            }
            accessKeyAccounts.put(accessKeyId, account);
            return this;
        }
        /** Offers a PKCS#11 token as the CloudHSM cluster {@code cluster.id()}; each id once. */
        public Builder cloudHsmCluster(Cluster cluster) {
            if (clusters.putIfAbsent(cluster.id(), cluster) != null) {
                throw new IllegalArgumentException("cluster " + cluster.id() + " is given twice");
            }
            return this;
        }
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }
        public Builder initDir(Path dir) { this.initDir = Objects.requireNonNull(dir); return this; }
        public Builder seedFile(Path file) { this.seedFile = Objects.requireNonNull(file); return this; }
        public Builder iamFile(Path file) { this.iamFile = Objects.requireNonNull(file); return this; }

        /** A name clients use to reach the server: a DNS name or an IP address, without a port. */
        public Builder hostname(String name) {
            if (!HOSTNAME.matcher(name).matches() && !isIpv6Literal(name)) {
                throw new IllegalArgumentException("not a host name or IP address: '" + name + "'");
            }
            hostnames.add(name);
            return this;
        }
        /** HTTPS with the PEM certificate chain and private key in these files. */
        public Builder tlsFiles(Path certificateChain, Path privateKey) {
            this.tls = new ServerTls.Settings(Objects.requireNonNull(certificateChain),
                    Objects.requireNonNull(privateKey), false);
            return this;
        }
        /** HTTPS with a self-signed certificate for the server's names, made on first start. */
        public Builder tlsSelfSigned() {
            this.tls = new ServerTls.Settings(null, null, true);
            return this;
        }

        /** Parsed without a DNS lookup: the JDK takes any name with a colon for an IPv6 literal. */
        private static boolean isIpv6Literal(String name) {
            if (!name.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
                return false;
            }
            try {
                InetAddress.getByName(name);
                return true;
            } catch (UnknownHostException e) {
                return false;
            }
        }

        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("must be at least 1, got " + max);
            }
            this.maxConnections = max;
            return this;
        }
        public Builder idleTimeout(Duration timeout) { this.idleTimeout = notNegative(timeout); return this; }
        /** Records every call in the audit trail; off by default. */
        public Builder auditTrail(boolean on) { this.auditTrail = on; return this; }
        /** How long audit events are kept, by the server's clock; longer ones are pruned. */
        public Builder auditRetention(Duration retention) {
            if (retention.isZero() || retention.isNegative()) {
                throw new IllegalArgumentException("--audit-retention must be positive, got " + retention);
            }
            this.auditRetention = retention;
            return this;
        }
        public Builder requestReadTimeout(Duration timeout) {
            this.requestReadTimeout = notNegative(timeout);
            return this;
        }

        private static Duration notNegative(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("must not be negative, got " + timeout.toSeconds() + " seconds");
            }
            return timeout;
        }

        public Builder authMode(AuthMode mode) { this.authMode = Objects.requireNonNull(mode); return this; }

        /**
         * A root access key of {@code account} (repeatable; an account may have several). Giving the default
         * account one removes the default {@code test}/{@code test} credentials.
         */
        public Builder rootCredentials(String account, String accessKeyId, char[] secret) {
            if (secret == null || secret.length == 0) {
                throw new IllegalArgumentException("the secret access key must not be empty");
            }
            if (accessKeyId == null || accessKeyId.isBlank()
                    || accessKeyId.chars().anyMatch(c -> c == '/' || c <= ' ')) {
                throw new IllegalArgumentException("not an access key id: '" + accessKeyId + "'");
            }
            if (!account.matches("\\d{12}")) {
                throw new IllegalArgumentException("an account id is 12 digits, got '" + account + "'");
            }
            RootCredentials.Entry entry = new RootCredentials.Entry(account, accessKeyId, SecretAccessKey.of(secret));
            if (rootCredentials.putIfAbsent(accessKeyId, entry) != null) {
                throw new IllegalArgumentException("access key " + accessKeyId + " is given twice");
            }
            return this;
        }

        /** An IAM user or role ARN whose requests (a role's: its sessions') the admin API takes (repeatable). */
        public Builder adminPrincipal(String arn) {
            if (arn == null || !ADMIN_PRINCIPAL.matcher(arn).matches()) {
                throw new IllegalArgumentException("not an IAM user or role ARN: '" + arn
                        + "' (arn:aws:iam::<account>:user/<name> or arn:aws:iam::<account>:role/<name>)");
            }
            adminPrincipals.add(arn);
            return this;
        }

        public TrentConfig build() {
            return new TrentConfig(this);
        }
    }
}
