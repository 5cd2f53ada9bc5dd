package dev.trent.server.app.cli;

import dev.trent.pkcs11.Pkcs11RootOfTrust;
import dev.trent.storage.KeyFileRootOfTrust;
import dev.trent.storage.PassphraseRootOfTrust;
import dev.trent.storage.RootOfTrustProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One side of {@code trent rekey}: a root of trust and where its secret comes from. Secrets are named, never
 * given: a key file by its path, a passphrase or PIN by the environment variable that holds it.
 */
sealed interface RootSpec {

    /** The root as the summary line shows it, without any secret. */
    String describe();

    /**
     * The provider of this root, reading secrets from {@code environment}.
     *
     * @throws CliException if a named environment variable is unset or empty, or a PKCS#11 label cannot be one
     */
    RootOfTrustProvider provider(Function<String, String> environment);

    /** A key file; missing, it is created (owner-only) when it is the new root. */
    record KeyFile(Path file) implements RootSpec {

        @Override
        public String describe() {
            return "key-file (" + file.toAbsolutePath().normalize() + ")";
        }

        @Override
        public RootOfTrustProvider provider(Function<String, String> environment) {
            return KeyFileRootOfTrust.provider(file);
        }
    }

    /**
     * A passphrase read from environment variable {@code variable}; a new one gets a new random salt.
     * {@code option} is the side, {@code --from} or {@code --to}.
     */
    record Passphrase(String option, String variable) implements RootSpec {

        @Override
        public String describe() {
            return "passphrase ($" + variable + ")";
        }

        @Override
        public RootOfTrustProvider provider(Function<String, String> environment) {
            char[] passphrase = EnvironmentSecret.read(environment, variable, option + "-passphrase-env");
            try {
                return PassphraseRootOfTrust.provider(passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /**
     * A key in a PKCS#11 token, logged in to with a PIN read from environment variable {@code pinVariable}.
     * {@code option} is the side, {@code --from} or {@code --to}.
     */
    record Pkcs11(String option, Path library, String tokenLabel, String keyLabel, String pinVariable)
            implements RootSpec {

        @Override
        public String describe() {
            return "pkcs11 (key '" + keyLabel + "' in token '" + tokenLabel + "')";
        }

        @Override
        public RootOfTrustProvider provider(Function<String, String> environment) {
            // A token's provider makes one root, and a process may log in to a token once; a rekey needs a few.
            return new OneRootAtATime(() -> {
                char[] pin = EnvironmentSecret.read(environment, pinVariable, option + "-pkcs11-pin-env");
                try {
                    return Pkcs11RootOfTrust.provider(library, tokenLabel, pin, keyLabel);
                } catch (IllegalArgumentException e) {
                    throw new CliException("invalid " + option + " pkcs11 label: " + e.getMessage(), e);
                } finally {
                    Arrays.fill(pin, '\0');
                }
            });
        }

        /** Whether both name the same token, which one process can log in to only once at a time. */
        boolean sameToken(Pkcs11 other) {
            return tokenLabel.equals(other.tokenLabel)
                    && library.toAbsolutePath().normalize().equals(other.library.toAbsolutePath().normalize());
        }
    }

    /**
     * Checks the options of one side and makes its spec; key files default to {@code defaultKeyFile}.
     *
     * @throws IllegalArgumentException for a combination that makes no sense (a usage error), with a message that
     *     repeats no secret
     */
    static RootSpec of(SideOptions side, Path defaultKeyFile) {
        String kind = side.root();
        String value = null;
        int equals = kind.indexOf('=');
        if (equals >= 0) {
            value = kind.substring(equals + 1);
            kind = kind.substring(0, equals);
        }
        switch (kind) {
            case "key-file" -> {
                side.requireOnlyOptionsOf(kind);
                if (value != null && value.isEmpty()) {
                    throw new IllegalArgumentException(side.option() + " key-file= needs a file name");
                }
                return new KeyFile(value == null ? defaultKeyFile : Path.of(value));
            }
            case "passphrase" -> {
                side.requireNoValue(kind, value, "the passphrase is read from the environment variable named by "
                        + side.passphraseEnvOption());
                side.requireOnlyOptionsOf(kind);
                List<String> missing = new ArrayList<>();
                addIfMissing(missing, side.passphraseEnvOption(), side.passphraseEnv());
                side.requireNoneMissing(kind, missing);
                return new Passphrase(side.option(), side.passphraseEnv());
            }
            case "pkcs11" -> {
                side.requireNoValue(kind, value, "the token is named by " + side.pkcs11Option("token-label"));
                side.requireOnlyOptionsOf(kind);
                List<String> missing = new ArrayList<>();
                addIfMissing(missing, side.pkcs11Option("library"), side.pkcs11Library());
                addIfMissing(missing, side.pkcs11Option("token-label"), side.pkcs11TokenLabel());
                addIfMissing(missing, side.pkcs11Option("pin-env"), side.pkcs11PinEnv());
                side.requireNoneMissing(kind, missing);
                String keyLabel = side.pkcs11KeyLabel() != null
                        ? side.pkcs11KeyLabel() : Pkcs11RootOfTrust.DEFAULT_KEY_LABEL;
                return new Pkcs11(side.option(), side.pkcs11Library(), side.pkcs11TokenLabel(), keyLabel,
                        side.pkcs11PinEnv());
            }
            default -> throw new IllegalArgumentException(side.option() + " takes key-file, key-file=FILE, passphrase"
                    + " or pkcs11");
        }
    }

    /** What the command line gave for one side; {@code side} is {@code "from"} or {@code "to"}. */
    record SideOptions(String side, String root, String passphraseEnv, Path pkcs11Library, String pkcs11TokenLabel,
                       String pkcs11KeyLabel, String pkcs11PinEnv) {

        String option() {
            return "--" + side;
        }

        String passphraseEnvOption() {
            return "--" + side + "-passphrase-env";
        }

        String pkcs11Option(String name) {
            return "--" + side + "-pkcs11-" + name;
        }

        private void requireNoValue(String kind, String value, String why) {
            // The value is not repeated: someone may have typed a passphrase or PIN there.
            if (value != null) {
                throw new IllegalArgumentException(option() + " " + kind + " takes no value: " + why);
            }
        }

        private void requireOnlyOptionsOf(String kind) {
            List<String> foreign = new ArrayList<>();
            if (!kind.equals("passphrase")) {
                addIfGiven(foreign, passphraseEnvOption(), passphraseEnv);
            }
            if (!kind.equals("pkcs11")) {
                addIfGiven(foreign, pkcs11Option("library"), pkcs11Library);
                addIfGiven(foreign, pkcs11Option("token-label"), pkcs11TokenLabel);
                addIfGiven(foreign, pkcs11Option("key-label"), pkcs11KeyLabel);
                addIfGiven(foreign, pkcs11Option("pin-env"), pkcs11PinEnv);
            }
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", foreign) + (foreign.size() == 1 ? " does" : " do")
                        + " not apply to " + option() + " " + kind);
            }
        }

        private void requireNoneMissing(String kind, List<String> missing) {
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(option() + " " + kind + " needs " + String.join(", ", missing));
            }
        }
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
}
