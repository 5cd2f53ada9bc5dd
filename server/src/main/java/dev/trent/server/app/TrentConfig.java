package dev.trent.server.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a Trent server needs to start. Built once, never changed; {@link #builder()} gives the embedded
 * defaults: 127.0.0.1:4566, data in {@code ./trent-data}, key-file root of trust, account 000000000000.
 */
public final class TrentConfig {

    /** Where the master key comes from. */
    public enum RootOfTrustKind { KEY_FILE, PASSPHRASE }

    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final Path DEFAULT_DATA_DIR = Path.of("trent-data");

    private final String host;
    private final int port;
    private final Path dataDir;
    private final boolean inMemory;
    private final String accountId;
    private final String defaultRegion;
    private final RootOfTrustKind rootOfTrust;
    private final Path keyFile;
    private final char[] passphrase;
    private final Clock clock;
    private final Map<String, String> accessKeyAccounts;

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
        this.clock = b.clock;
        this.accessKeyAccounts = Map.copyOf(b.accessKeyAccounts);
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
    public Clock clock() { return clock; }
    /** Access keys mapped to the accounts they act in; a 12-digit access key is its own account. */
    public Map<String, String> accessKeyAccounts() { return accessKeyAccounts; }

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
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> accessKeyAccounts = new LinkedHashMap<>();

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
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }

        public TrentConfig build() {
            return new TrentConfig(this);
        }
    }
}
