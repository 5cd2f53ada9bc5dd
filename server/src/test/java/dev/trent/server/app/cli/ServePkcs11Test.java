package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.pkcs11.Pkcs11RootOfTrust;
import dev.trent.pkcs11.Pkcs11Token;
import dev.trent.pkcs11.FreshSoftHsmToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code trent serve --root-of-trust pkcs11} against a SoftHSM2 token of the test's own and the real server: it
 * starts and says which root it uses, and every way the token can be unusable is one {@code trent: } line, exit
 * code 1, and nothing written to the data dir.
 */
class ServePkcs11Test {

    private static final String KEY = Pkcs11RootOfTrust.DEFAULT_KEY_LABEL;

    @TempDir
    Path dir;

    @RegisterExtension
    final FreshSoftHsmToken softHsm = new FreshSoftHsmToken();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private Path dataDir() {
        return dir.resolve("data");
    }

    /** Runs {@code trent serve} with the real server, which stops as soon as it is ready. */
    private int serve(Map<String, String> environment, String... options) {
        stdout.reset();
        stderr.reset();
        String[] args = Stream.concat(Stream.of("serve", "--port", "0", "--data-dir", dataDir().toString()),
                Stream.of(options)).toArray(String[]::new);
        return new Cli(environment::get, ServerLauncher.trentServer(), new ServeOptionsTest.NoStopSignal()).run(args,
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private int servePkcs11(String library, String tokenLabel, String pin) {
        return serve(Map.of("TRENT_PIN", pin), "--root-of-trust", "pkcs11", "--pkcs11-library", library,
                "--pkcs11-token-label", tokenLabel, "--pkcs11-pin-env", "TRENT_PIN");
    }

    private int serveWithTheToken() {
        return servePkcs11(softHsm.library().toString(), softHsm.label(), softHsm.pinText());
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private void assertFailedWithOneLine(int code, String expected) {
        List<String> lines = err().lines().toList();
        assertEquals(1, code, err());
        assertEquals(List.of("trent: " + expected), lines);
        assertFalse(stdout.toString(StandardCharsets.UTF_8).contains("Ready."));
    }

    @Test
    void serve_newDataDir_createsTheKeyAndNamesTheRootOnTheStartUpLine() {
        assertEquals(0, serveWithTheToken(), err());

        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).contains("root of trust: key '" + KEY + "' in PKCS#11 token '" + softHsm.label()
                + "' (library " + softHsm.library() + ")"), lines.get(0));
        assertEquals(List.of("Ready.", "Stopped."), lines.subList(1, 3));
        assertFalse(stdout.toString(StandardCharsets.UTF_8).contains(softHsm.pinText()));
        try (Pkcs11Token token = Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin())) {
            assertTrue(token.hasKey(KEY));
        }
        assertEquals(0, servePkcs11(softHsm.freshLibrary().toString(), softHsm.label(), softHsm.pinText()), err());
    }

    @Test
    void serve_wrongPin_exits1AndWritesNothing() throws Exception {
        assertEquals(0, serveWithTheToken(), err());
        Map<Path, byte[]> before = snapshot(dataDir());

        int code = servePkcs11(softHsm.library().toString(), softHsm.label(), "not-the-pin");

        assertFailedWithOneLine(code, "wrong PIN for PKCS#11 token '" + softHsm.label() + "' (CKR_PIN_INCORRECT)");
        assertSameFiles(before, snapshot(dataDir()));
    }

    @Test
    void serve_wrongPinOnANewDataDir_createsNoDataDir() {
        int code = servePkcs11(softHsm.library().toString(), softHsm.label(), "not-the-pin");

        assertFailedWithOneLine(code, "wrong PIN for PKCS#11 token '" + softHsm.label() + "' (CKR_PIN_INCORRECT)");
        assertFalse(Files.exists(dataDir()));
    }

    @Test
    void serve_unknownTokenLabel_exits1AndCreatesNoDataDir() {
        int code = servePkcs11(softHsm.library().toString(), "no-such-token", softHsm.pinText());

        assertEquals(1, code, err());
        assertTrue(err().startsWith("trent: no token labelled 'no-such-token' in PKCS#11 library "), err());
        assertEquals(1, err().lines().count(), err());
        assertFalse(Files.exists(dataDir()));
    }

    @Test
    void serve_missingLibrary_exits1AndCreatesNoDataDir() {
        Path missing = dir.resolve("libmissing.so");

        int code = servePkcs11(missing.toString(), softHsm.label(), softHsm.pinText());

        assertFailedWithOneLine(code, "PKCS#11 library " + missing + " not found");
        assertFalse(Files.exists(dataDir()));
    }

    @Test
    void serve_keyDeletedFromTheToken_exits1_writesNothing_andCreatesNoNewKey() throws Exception {
        assertEquals(0, serveWithTheToken(), err());
        try (Pkcs11Token token = Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin())) {
            assertTrue(token.deleteKey(KEY));
        }
        Map<Path, byte[]> before = snapshot(dataDir());

        int code = serveWithTheToken();

        assertEquals(1, code, err());
        assertTrue(err().startsWith("trent: PKCS#11 token '" + softHsm.label() + "' has no key labelled '" + KEY
                + "', but this data dir's keyring is wrapped by that key"), err());
        assertSameFiles(before, snapshot(dataDir()));
        try (Pkcs11Token token = Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin())) {
            assertFalse(token.hasKey(KEY));
        }
    }

    @Test
    void serve_dataDirMadeWithAKeyFile_exits1NamingBothKinds() throws Exception {
        assertEquals(0, serve(Map.of()), err());
        Map<Path, byte[]> before = snapshot(dataDir());

        int code = serveWithTheToken();

        assertFailedWithOneLine(code, "this data dir was sealed with a key file, but Trent was started with a key in a"
                + " PKCS#11 token; start it with the same kind of root of trust");
        assertSameFiles(before, snapshot(dataDir()));
    }

    @Test
    void serve_pinVariableUnset_exits1() {
        int code = serve(Map.of(), "--root-of-trust", "pkcs11", "--pkcs11-library", softHsm.library().toString(),
                "--pkcs11-token-label", softHsm.label(), "--pkcs11-pin-env", "TRENT_NO_SUCH_PIN");

        assertFailedWithOneLine(code, "environment variable TRENT_NO_SUCH_PIN (named by --pkcs11-pin-env) is not set");
        assertFalse(Files.exists(dataDir()));
    }

    @Test
    void serve_pkcs11WithoutItsOptions_exits2() {
        int code = serve(Map.of(), "--root-of-trust", "pkcs11");

        assertEquals(2, code, err());
        assertTrue(err().startsWith("trent: --root-of-trust pkcs11 needs --pkcs11-library, --pkcs11-token-label,"
                + " --pkcs11-pin-env"), err());
    }

    private static Map<Path, byte[]> snapshot(Path dir) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<Path, byte[]> before, Map<Path, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file + " changed"));
    }
}
