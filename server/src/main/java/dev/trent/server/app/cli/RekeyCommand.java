package dev.trent.server.app.cli;

import dev.trent.pkcs11.Pkcs11RootOfTrust;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import dev.trent.storage.DataDirInUseException;
import dev.trent.storage.DataDirLock;
import dev.trent.storage.RekeyResult;
import dev.trent.storage.RootOfTrustProvider;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.Storage;
import dev.trent.storage.StorageException;
import dev.trent.storage.WrongRootOfTrustException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code trent rekey}: moves a data dir from one root of trust to another by re-wrapping its keyring; the records
 * are not touched. Runs only while no server has the data dir open.
 */
@Command(
        name = "rekey",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpWidth = 100,
        header = "Move a data directory from one root of trust to another.",
        descriptionHeading = "%n",
        description = "Opens the keyring with the --from root and wraps it, with every term, under the --to root;"
                + " the stored records are not rewritten. The switch is one atomic write, so a crash leaves the data"
                + " directory opening with exactly one of the two roots. Afterwards the --from root no longer opens"
                + " it, but copies and backups taken before still open with it. Stop the server first: rekey"
                + " refuses to run while the data directory is open elsewhere. Secrets never go on the command"
                + " line: passphrases and PINs are read from the environment variables named.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  trent rekey --from key-file --to passphrase --to-passphrase-env NEW_PASSPHRASE",
            "  trent rekey --from passphrase --from-passphrase-env OLD_PASSPHRASE --to key-file=new.key",
        })
final class RekeyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data directory to rekey (default: ./trent-data).")
    Path dataDir = TrentConfig.DEFAULT_DATA_DIR;

    @Option(names = "--from", required = true, paramLabel = "KIND[=FILE]",
            description = "The root of trust the data directory is sealed with now: key-file (DIR/master.key),"
                    + " key-file=FILE, passphrase or pkcs11.")
    String from;

    @Option(names = "--from-passphrase-env", paramLabel = "VAR",
            description = "With --from passphrase: the environment variable holding the current passphrase.")
    String fromPassphraseEnv;

    @Option(names = "--from-pkcs11-library", paramLabel = "FILE",
            description = "With --from pkcs11: the PKCS#11 library of the token.")
    Path fromPkcs11Library;

    @Option(names = "--from-pkcs11-token-label", paramLabel = "LABEL",
            description = "With --from pkcs11: the label of the token.")
    String fromPkcs11TokenLabel;

    @Option(names = "--from-pkcs11-key-label", paramLabel = "LABEL",
            description = "With --from pkcs11: the label of the root key in the token"
                    + " (default: " + Pkcs11RootOfTrust.DEFAULT_KEY_LABEL + ").")
    String fromPkcs11KeyLabel;

    @Option(names = "--from-pkcs11-pin-env", paramLabel = "VAR",
            description = "With --from pkcs11: the environment variable holding the token's user PIN.")
    String fromPkcs11PinEnv;

    @Option(names = "--to", required = true, paramLabel = "KIND[=FILE]",
            description = "The new root of trust: key-file (DIR/master.key), key-file=FILE (created, readable by"
                    + " its owner only, when missing), passphrase (new random salt) or pkcs11. May be the same kind"
                    + " as --from.")
    String to;

    @Option(names = "--to-passphrase-env", paramLabel = "VAR",
            description = "With --to passphrase: the environment variable holding the new passphrase.")
    String toPassphraseEnv;

    @Option(names = "--to-pkcs11-library", paramLabel = "FILE",
            description = "With --to pkcs11: the PKCS#11 library of the token.")
    Path toPkcs11Library;

    @Option(names = "--to-pkcs11-token-label", paramLabel = "LABEL",
            description = "With --to pkcs11: the label of the token.")
    String toPkcs11TokenLabel;

    @Option(names = "--to-pkcs11-key-label", paramLabel = "LABEL",
            description = "With --to pkcs11: the label of the root key in the token, created (non-extractable)"
                    + " when missing (default: " + Pkcs11RootOfTrust.DEFAULT_KEY_LABEL + ").")
    String toPkcs11KeyLabel;

    @Option(names = "--to-pkcs11-pin-env", paramLabel = "VAR",
            description = "With --to pkcs11: the environment variable holding the token's user PIN.")
    String toPkcs11PinEnv;

    private final Function<String, String> environment;

    RekeyCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        RootSpec fromRoot = spec(new RootSpec.SideOptions("from", from, fromPassphraseEnv, fromPkcs11Library,
                fromPkcs11TokenLabel, fromPkcs11KeyLabel, fromPkcs11PinEnv));
        RootSpec toRoot = spec(new RootSpec.SideOptions("to", to, toPassphraseEnv, toPkcs11Library,
                toPkcs11TokenLabel, toPkcs11KeyLabel, toPkcs11PinEnv));
        requireDifferentKeyFiles(fromRoot, toRoot);
        requireDifferentTokens(fromRoot, toRoot);
        Path database = dataDir.resolve(TrentServer.DATABASE_FILE);
        if (!Files.isRegularFile(database)) {
            throw new CliException("there is no Trent data directory at " + display(dataDir) + " (no "
                    + TrentServer.DATABASE_FILE + " in it)");
        }
        boolean createsKeyFile = toRoot instanceof RootSpec.KeyFile keyFile && !Files.exists(keyFile.file());

        RekeyResult result;
        try (DataDirLock lock = lockDataDir()) {
            RootOfTrustProvider fromProvider = fromRoot.provider(environment);
            try {
                RootOfTrustProvider toProvider = toRoot.provider(environment);
                try {
                    result = rekey(database, fromProvider, toProvider);
                } finally {
                    closeIfCloseable(toProvider);
                }
            } finally {
                closeIfCloseable(fromProvider);
            }
        }

        int terms = result.keyringTerms();
        spec.commandLine().getOut().println("Rekeyed " + display(dataDir) + " from " + fromRoot.describe() + " to "
                + toRoot.describe() + (createsKeyFile ? ", a new key file" : "") + "; the keyring has " + terms
                + (terms == 1 ? " term." : " terms."));
        return Cli.OK;
    }

    /** The same lock a server holds while it runs, so neither can start while the other has the data dir. */
    private DataDirLock lockDataDir() {
        try {
            return DataDirLock.acquire(dataDir, "rekeying", Clock.systemUTC());
        } catch (DataDirInUseException e) {
            throw new CliException(e.getMessage() + "; stop it, then run rekey again", e);
        } catch (StorageException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private RekeyResult rekey(Path database, RootOfTrustProvider fromProvider, RootOfTrustProvider toProvider) {
        try (SqlitePhysicalStore physical = SqlitePhysicalStore.openForSoleUse(database)) {
            return Storage.rekey(physical, fromProvider, toProvider);
        } catch (WrongRootOfTrustException e) {
            throw new CliException("the --from root of trust does not open " + display(dataDir)
                    + ", so nothing was changed: " + e.getMessage(), e);
        } catch (StorageException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private RootSpec spec(RootSpec.SideOptions options) {
        try {
            return RootSpec.of(options, defaultKeyFile());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Re-wrapping under the very key that wraps the keyring now would change nothing but look like it did. */
    private void requireDifferentKeyFiles(RootSpec fromRoot, RootSpec toRoot) {
        if (fromRoot instanceof RootSpec.KeyFile a && toRoot instanceof RootSpec.KeyFile b
                && a.file().toAbsolutePath().normalize().equals(b.file().toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--from and --to are the same key file "
                    + display(a.file()) + "; to move to a new key file, name it with --to key-file=FILE");
        }
    }

    /** A process can be logged in to a token only once, so both roots cannot be open together. */
    private void requireDifferentTokens(RootSpec fromRoot, RootSpec toRoot) {
        if (fromRoot instanceof RootSpec.Pkcs11 a && toRoot instanceof RootSpec.Pkcs11 b && a.sameToken(b)) {
            throw new ParameterException(spec.commandLine(), "--from and --to are in the same PKCS#11 token '"
                    + a.tokenLabel() + "', which one process can log in to only once at a time; rekey through"
                    + " another root in two steps (for example --to key-file=FILE, then --from key-file=FILE)");
        }
    }

    /** The same default as {@code trent serve}. */
    private Path defaultKeyFile() {
        return TrentConfig.builder().dataDir(dataDir).build().keyFile();
    }

    private static void closeIfCloseable(RootOfTrustProvider provider) throws Exception {
        // A PKCS#11 provider stays logged in to its token until it is closed.
        if (provider instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static String display(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
