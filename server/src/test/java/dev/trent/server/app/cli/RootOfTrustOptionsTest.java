package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.Pkcs11Root;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentConfig.RootOfTrustKind;
import dev.trent.server.app.cli.ServerLauncher.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.ParameterException;

/** {@code --root-of-trust} and the options of each kind, parsed only: no server, no token. */
class RootOfTrustOptionsTest {

    private static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    private static final Map<String, String> ENVIRONMENT = Map.of("PIN", "4711-pin", "P", "a passphrase");

    private static TrentConfig parse(String... args) {
        return new Cli(ENVIRONMENT::get, config -> {
            throw new AssertionError("parsing must not start a server");
        }, new ServeOptionsTest.NoStopSignal()).parseServe(args);
    }

    private static TrentConfig parsePkcs11(String... extra) {
        String[] base = {"--root-of-trust", "pkcs11", "--pkcs11-library", LIBRARY, "--pkcs11-token-label", "trent",
            "--pkcs11-pin-env", "PIN"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return parse(args);
    }

    private static String usageError(String... args) {
        return assertThrows(ParameterException.class, () -> parse(args)).getMessage();
    }

    @Test
    void pkcs11_mapsLibraryLabelsAndPinFromTheEnvironment() {
        TrentConfig config = parsePkcs11("--data-dir", "d");

        assertEquals(RootOfTrustKind.PKCS11, config.rootOfTrust());
        assertEquals(new Pkcs11Root(Path.of(LIBRARY), "trent", "trent-root-of-trust"), config.pkcs11Root().orElseThrow());
        assertArrayEquals("4711-pin".toCharArray(), config.pkcs11Pin().orElseThrow());
        assertEquals(Path.of("d"), config.dataDir());
        assertTrue(config.passphrase().isEmpty());
    }

    @Test
    void pkcs11_keyLabelOption_namesTheRootKey() {
        assertEquals("my-root", parsePkcs11("--pkcs11-key-label", "my-root").pkcs11Root().orElseThrow().keyLabel());
    }

    @Test
    void rootOfTrustKeyFile_isTheDefaultKindNamedExplicitly() {
        TrentConfig config = parse("--root-of-trust", "key-file", "--key-file", "/k");

        assertEquals(RootOfTrustKind.KEY_FILE, config.rootOfTrust());
        assertEquals(Path.of("/k"), config.keyFile());
    }

    @Test
    void rootOfTrustPassphrase_readsTheNamedVariable() {
        TrentConfig config = parse("--root-of-trust", "passphrase", "--master-passphrase-env", "P");

        assertEquals(RootOfTrustKind.PASSPHRASE, config.rootOfTrust());
        assertArrayEquals("a passphrase".toCharArray(), config.passphrase().orElseThrow());
    }

    @Test
    void pkcs11_missingOptions_isUsageErrorNamingThem() {
        String message = usageError("--root-of-trust", "pkcs11", "--pkcs11-token-label", "trent");

        assertEquals("--root-of-trust pkcs11 needs --pkcs11-library, --pkcs11-pin-env", message);
    }

    @Test
    void passphraseKindWithoutVariable_isUsageError() {
        assertEquals("--root-of-trust passphrase needs --master-passphrase-env",
                usageError("--root-of-trust", "passphrase"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--pkcs11-library=/l", "--pkcs11-token-label=t", "--pkcs11-pin-env=PIN",
        "--pkcs11-key-label=k"})
    void pkcs11Option_withoutPkcs11Root_isUsageError(String option) {
        String message = usageError(option);

        assertTrue(message.startsWith(option.split("=")[0] + " does not apply to --root-of-trust key-file"), message);
    }

    @Test
    void otherKindsOptions_withPkcs11_isUsageError() {
        String message = usageError("--root-of-trust", "pkcs11", "--pkcs11-library", LIBRARY, "--pkcs11-token-label",
                "t", "--pkcs11-pin-env", "PIN", "--key-file", "k", "--master-passphrase-env", "P");

        assertTrue(message.startsWith("--key-file, --master-passphrase-env do not apply to --root-of-trust pkcs11"),
                message);
    }

    @Test
    void passphraseVariable_withKeyFileKind_isUsageError() {
        String message = usageError("--root-of-trust", "key-file", "--master-passphrase-env", "P");

        assertTrue(message.startsWith("--master-passphrase-env does not apply to --root-of-trust key-file"), message);
    }

    @Test
    void unknownKind_isUsageErrorListingTheKinds() {
        String message = usageError("--root-of-trust", "hsm");

        assertTrue(message.contains("'hsm' is not a kind of root of trust; use key-file, passphrase, pkcs11"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--root-of-trust=pkcs11", "--pkcs11-library=/l"})
    void inMemory_withRootOfTrustOption_isUsageError(String option) {
        String message = usageError("--in-memory", option);

        assertTrue(message.startsWith("--in-memory cannot be combined with " + option.split("=")[0]), message);
    }

    @Test
    void pinVariableUnset_isInvalidValueNamingIt() {
        CliException e = assertThrows(CliException.class, () -> parse("--root-of-trust", "pkcs11", "--pkcs11-library",
                LIBRARY, "--pkcs11-token-label", "t", "--pkcs11-pin-env", "TRENT_NO_SUCH_PIN"));

        assertEquals("environment variable TRENT_NO_SUCH_PIN (named by --pkcs11-pin-env) is not set", e.getMessage());
    }

    @Test
    void tokenLabelTooLong_isInvalidValue() {
        CliException e = assertThrows(CliException.class, () -> parse("--root-of-trust", "pkcs11", "--pkcs11-library",
                LIBRARY, "--pkcs11-token-label", "x".repeat(33), "--pkcs11-pin-env", "PIN"));

        assertTrue(e.getMessage().startsWith("invalid --pkcs11-token-label: "), e.getMessage());
    }

    @Test
    void serve_pkcs11_startUpLineNamesTokenAndKeyButNotThePin() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ServerLauncher launcher = config -> new RunningServer() {
            @Override
            public URI endpoint() {
                return URI.create("http://127.0.0.1:4566");
            }

            @Override
            public void close() {
            }
        };

        int code = new Cli(ENVIRONMENT::get, launcher, new ServeOptionsTest.NoStopSignal()).run(new String[] {"serve",
            "--root-of-trust", "pkcs11", "--pkcs11-library", LIBRARY, "--pkcs11-token-label", "trent",
            "--pkcs11-pin-env", "PIN"}, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        String out = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertTrue(out.contains("root of trust: key 'trent-root-of-trust' in PKCS#11 token 'trent' (library " + LIBRARY
                + ")"), out);
        assertFalse(out.contains("4711-pin"), out);
        assertFalse(out.contains("development key file"), out);
    }
}
