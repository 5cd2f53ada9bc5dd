package dev.trent.server.app.cli;

import dev.trent.pkcs11.Pkcs11Labels;
import dev.trent.pkcs11.Pkcs11RootOfTrust;
import dev.trent.server.app.Pkcs11Root;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentConfig.RootOfTrustKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The root-of-trust options of {@code trent serve}, a picocli mixin: which kind of root, and the options of each
 * kind. {@code --master-passphrase-env} alone still means a passphrase root, as it always has; options of another
 * kind than the one in use are usage errors, so a typo never silently starts Trent under a different root.
 */
final class RootOfTrustOptions {

    /** The words of {@code --root-of-trust}, in the order the help lists them. */
    private static final Map<String, RootOfTrustKind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("key-file", RootOfTrustKind.KEY_FILE);
        KINDS.put("passphrase", RootOfTrustKind.PASSPHRASE);
        KINDS.put("pkcs11", RootOfTrustKind.PKCS11);
    }

    @Option(names = "--root-of-trust", paramLabel = "KIND", converter = KindConverter.class,
            description = "What protects the keyring: key-file (the default), passphrase (needs"
                    + " --master-passphrase-env) or pkcs11 (a key inside a PKCS#11 token; needs --pkcs11-library,"
                    + " --pkcs11-token-label and --pkcs11-pin-env).")
    RootOfTrustKind kind;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Root of trust: the file holding the master key that wraps the keyring (default:"
                    + " DIR/master.key). Created with a new random key when missing. This is the development default:"
                    + " anyone who can read the file can decrypt the data directory.")
    Path keyFile;

    @Option(names = "--master-passphrase-env", paramLabel = "VAR",
            description = "Root of trust: derive the master key from a passphrase read from environment variable"
                    + " VAR, instead of a key file. The passphrase itself never appears on the command line.")
    String passphraseEnv;

    @Option(names = "--pkcs11-library", paramLabel = "PATH",
            description = "With --root-of-trust pkcs11: the PKCS#11 library of the token, such as"
                    + " /usr/lib/softhsm/libsofthsm2.so for SoftHSM2 or the library an HSM vendor ships.")
    Path pkcs11Library;

    @Option(names = "--pkcs11-token-label", paramLabel = "LABEL",
            description = "With --root-of-trust pkcs11: the label of the token that holds the root key.")
    String pkcs11TokenLabel;

    @Option(names = "--pkcs11-pin-env", paramLabel = "VAR",
            description = "With --root-of-trust pkcs11: the environment variable holding the token's user PIN. The"
                    + " PIN itself never appears on the command line.")
    String pkcs11PinEnv;

    @Option(names = "--pkcs11-key-label", paramLabel = "LABEL",
            description = "With --root-of-trust pkcs11: the label of the AES-256 root key in the token (default:"
                    + " " + Pkcs11RootOfTrust.DEFAULT_KEY_LABEL + "). A new data directory uses the key if the token"
                    + " has it and otherwise creates it, non-extractable; an existing one never creates it.")
    String pkcs11KeyLabel;

    /** The root options given at all, for the conflict with {@code --in-memory}. */
    List<String> given() {
        List<String> given = new ArrayList<>();
        addIfGiven(given, "--root-of-trust", kind);
        addIfGiven(given, "--key-file", keyFile);
        addIfGiven(given, "--master-passphrase-env", passphraseEnv);
        given.addAll(pkcs11OptionsGiven());
        return given;
    }

    /** Throws a usage error for options of another kind of root, or missing options of the kind in use. */
    void checkCombinations(CommandLine commandLine) {
        if (kind == null && keyFile != null && passphraseEnv != null) {
            throw new ParameterException(commandLine,
                    "--key-file and --master-passphrase-env are two different roots of trust; choose one");
        }
        RootOfTrustKind effective = effectiveKind();
        List<String> foreign = new ArrayList<>();
        if (effective != RootOfTrustKind.KEY_FILE) {
            addIfGiven(foreign, "--key-file", keyFile);
        }
        if (effective != RootOfTrustKind.PASSPHRASE) {
            addIfGiven(foreign, "--master-passphrase-env", passphraseEnv);
        }
        if (effective != RootOfTrustKind.PKCS11) {
            foreign.addAll(pkcs11OptionsGiven());
        }
        if (!foreign.isEmpty()) {
            throw new ParameterException(commandLine, String.join(", ", foreign)
                    + (foreign.size() == 1 ? " does" : " do") + " not apply to --root-of-trust " + word(effective)
                    + "; each root of trust takes only its own options");
        }
        List<String> missing = new ArrayList<>();
        if (effective == RootOfTrustKind.PASSPHRASE) {
            addIfMissing(missing, "--master-passphrase-env", passphraseEnv);
        }
        if (effective == RootOfTrustKind.PKCS11) {
            addIfMissing(missing, "--pkcs11-library", pkcs11Library);
            addIfMissing(missing, "--pkcs11-token-label", pkcs11TokenLabel);
            addIfMissing(missing, "--pkcs11-pin-env", pkcs11PinEnv);
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(commandLine, "--root-of-trust " + word(effective) + " needs "
                    + String.join(", ", missing));
        }
    }

    /**
     * Sets the root of trust of {@code config}, reading a passphrase or PIN from {@code environment}.
     *
     * @throws CliException if the named variable is unset or empty, or a label cannot be one
     */
    void applyTo(TrentConfig.Builder config, Function<String, String> environment) {
        switch (effectiveKind()) {
            case PASSPHRASE -> {
                char[] passphrase = EnvironmentSecret.read(environment, passphraseEnv, "--master-passphrase-env");
                config.passphrase(passphrase);
                Arrays.fill(passphrase, '\0');
            }
            case PKCS11 -> {
                Pkcs11Root root = pkcs11Root();
                char[] pin = EnvironmentSecret.read(environment, pkcs11PinEnv, "--pkcs11-pin-env");
                config.pkcs11(root, pin);
                Arrays.fill(pin, '\0');
            }
            default -> {
                if (keyFile != null) {
                    config.keyFile(keyFile);
                }
            }
        }
    }

    /** The root of trust as the start-up line names it, without any secret. */
    String describe(TrentConfig config) {
        switch (config.rootOfTrust()) {
            case PASSPHRASE:
                return "passphrase from $" + passphraseEnv;
            case PKCS11:
                Pkcs11Root root = config.pkcs11Root().orElseThrow();
                return "key '" + root.keyLabel() + "' in PKCS#11 token '" + root.tokenLabel() + "' (library "
                        + root.library().toAbsolutePath().normalize() + ")";
            default:
                return "key file " + config.keyFile().toAbsolutePath().normalize();
        }
    }

    private RootOfTrustKind effectiveKind() {
        if (kind != null) {
            return kind;
        }
        return passphraseEnv != null ? RootOfTrustKind.PASSPHRASE : RootOfTrustKind.KEY_FILE;
    }

    private Pkcs11Root pkcs11Root() {
        String keyLabel = pkcs11KeyLabel != null ? pkcs11KeyLabel : Pkcs11RootOfTrust.DEFAULT_KEY_LABEL;
        requireValid("--pkcs11-token-label", () -> Pkcs11Labels.requireTokenLabel(pkcs11TokenLabel));
        requireValid("--pkcs11-key-label", () -> Pkcs11Labels.requireKeyLabel(keyLabel));
        return new Pkcs11Root(pkcs11Library, pkcs11TokenLabel, keyLabel);
    }

    private static void requireValid(String option, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid " + option + ": " + e.getMessage(), e);
        }
    }

    private List<String> pkcs11OptionsGiven() {
        List<String> given = new ArrayList<>();
        addIfGiven(given, "--pkcs11-library", pkcs11Library);
        addIfGiven(given, "--pkcs11-token-label", pkcs11TokenLabel);
        addIfGiven(given, "--pkcs11-pin-env", pkcs11PinEnv);
        addIfGiven(given, "--pkcs11-key-label", pkcs11KeyLabel);
        return given;
    }

    private static String word(RootOfTrustKind kind) {
        return KINDS.entrySet().stream().filter(entry -> entry.getValue() == kind)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static void addIfGiven(List<String> options, String option, Object value) {
        if (value != null) {
            options.add(option);
        }
    }

    private static void addIfMissing(List<String> options, String option, Object value) {
        if (value == null) {
            options.add(option);
        }
    }

    /** Reads {@code key-file}, {@code passphrase} or {@code pkcs11}; anything else is a usage error. */
    static final class KindConverter implements ITypeConverter<RootOfTrustKind> {
        @Override
        public RootOfTrustKind convert(String value) {
            RootOfTrustKind kind = KINDS.get(value);
            if (kind == null) {
                throw new TypeConversionException("'" + value + "' is not a kind of root of trust; use "
                        + String.join(", ", KINDS.keySet()));
            }
            return kind;
        }
    }
}
