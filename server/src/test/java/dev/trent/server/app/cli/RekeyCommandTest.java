package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.app.TrentConfig;
import dev.trent.pkcs11.SoftHsmToken;
import dev.trent.server.app.TrentServer;
import dev.trent.storage.WrongRootOfTrustException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trent rekey} on a data dir whose key was made through a really started server: the ciphertext made
 * before still decrypts after each rekey, the old root no longer opens the data dir, and a refused rekey changes
 * no byte.
 */
class RekeyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;

    private Path dataDir;
    private final Map<String, String> environment = new HashMap<>(Map.of("TRENT_NEW", PASSPHRASE));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void dataDirectory() {
        dataDir = dir.resolve("trent-data");
    }

    @Test
    void keyFileToPassphraseToAnotherKeyFile_theCiphertextDecryptsAfterEachRekey() throws Exception {
        String ciphertext = createKeyAndEncrypt(keyFileConfig(dataDir.resolve("master.key")));

        assertEquals(0, rekey("--from", "key-file", "--to", "passphrase", "--to-passphrase-env", "TRENT_NEW"), err());
        assertEquals("Rekeyed " + display(dataDir) + " from key-file (" + display(dataDir.resolve("master.key"))
                + ") to passphrase ($TRENT_NEW); the keyring has 1 term.", out().strip());
        assertDecrypts(passphraseConfig(), ciphertext);
        assertRefused(keyFileConfig(dataDir.resolve("master.key")));

        Path newKeyFile = dir.resolve("keys").resolve("new.key");
        assertEquals(0, rekey("--from", "passphrase", "--from-passphrase-env", "TRENT_NEW",
                "--to", "key-file=" + newKeyFile), err());
        assertEquals("Rekeyed " + display(dataDir) + " from passphrase ($TRENT_NEW) to key-file ("
                + display(newKeyFile) + "), a new key file; the keyring has 1 term.", out().strip());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(newKeyFile));
        assertDecrypts(keyFileConfig(newKeyFile), ciphertext);
        assertRefused(passphraseConfig());
        assertRefused(keyFileConfig(dataDir.resolve("master.key")));
    }

    @Test
    void wrongFrom_exits1WithOneLine_andChangesNoByte() throws Exception {
        createKeyAndEncrypt(keyFileConfig(dataDir.resolve("master.key")));
        Map<String, byte[]> before = snapshot(dataDir);
        Path otherKeyFile = dir.resolve("other.key");
        Files.write(otherKeyFile, new byte[32]);
        // Owner-only, or it would be refused for its mode before it could be tried as the wrong key.
        Files.setPosixFilePermissions(otherKeyFile, PosixFilePermissions.fromString("rw-------"));

        assertEquals(1, rekey("--from", "passphrase", "--from-passphrase-env", "TRENT_NEW", "--to", "key-file"));
        assertOneErrorLine("the --from root of trust does not open " + display(dataDir) + ", so nothing was changed:"
                + " this data dir was sealed with a key file");
        assertEquals(1, rekey("--from", "key-file=" + otherKeyFile, "--to", "key-file=" + dir.resolve("new.key")));
        assertOneErrorLine("other.key does not open this data dir's keyring");

        assertSameBytes(before, snapshot(dataDir));
        assertFalse(Files.exists(dir.resolve("new.key")), "no new root is made before the old one opened the keyring");
    }

    @Test
    void fromKeyFileOthersMayRead_exits1WithTheChmodToRun_andChangesNoByte() throws Exception {
        Path keyFile = dataDir.resolve("master.key");
        createKeyAndEncrypt(keyFileConfig(keyFile));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, byte[]> before = snapshot(dataDir);

        assertEquals(1, rekey("--from", "key-file", "--to", "passphrase", "--to-passphrase-env", "TRENT_NEW"));

        assertOneErrorLine("key file " + display(keyFile) + " is open to other users (rw-r--r--); a key file must be"
                + " readable and writable by its owner only: run chmod 600 " + display(keyFile));
        assertSameBytes(before, snapshot(dataDir));
    }

    @Test
    void whileAServerUsesTheDataDir_refuses_andWorksOnceItStopped() throws Exception {
        TrentConfig config = keyFileConfig(dataDir.resolve("master.key"));
        try (TrentServer server = TrentServer.start(config)) {
            assertEquals(1, rekey("--from", "key-file", "--to", "key-file=" + dir.resolve("new.key")));
            assertOneErrorLine("data dir " + display(dataDir) + " is in use by another Trent in this process (pid "
                    + ProcessHandle.current().pid() + " on host ");
            assertOneErrorLine(", serving " + server.endpoint() + " since ");
            assertOneErrorLine("; stop it, then run rekey again");
            assertNotNull(server.endpoint());
        }
        assertEquals(0, rekey("--from", "key-file", "--to", "key-file=" + dir.resolve("new.key")), err());
    }

    @Test
    void missingDataDir_exits1_andCreatesNothing() {
        assertEquals(1, rekey("--from", "key-file", "--to", "passphrase", "--to-passphrase-env", "TRENT_NEW"));
        assertOneErrorLine("there is no Trent data directory at " + display(dataDir));
        assertFalse(Files.exists(dataDir));
    }

    @Test
    void unsetPassphraseVariable_exits1() throws Exception {
        createKeyAndEncrypt(keyFileConfig(dataDir.resolve("master.key")));
        assertEquals(1, rekey("--from", "key-file", "--to", "passphrase", "--to-passphrase-env", "TRENT_UNSET"));
        assertOneErrorLine("environment variable TRENT_UNSET (named by --to-passphrase-env) is not set");
    }

    @Test
    void keyFileToPkcs11ToPassphrase_withSoftHsm2_theCiphertextStillDecrypts() throws Exception {
        try (SoftHsmToken token = SoftHsmToken.create()) {
            environment.put("TRENT_PIN", token.pinText());
            String ciphertext = createKeyAndEncrypt(keyFileConfig(dataDir.resolve("master.key")));
            String[] tokenOptions = {"--to-pkcs11-library", token.library().toString(), "--to-pkcs11-token-label",
                    token.label(), "--to-pkcs11-pin-env", "TRENT_PIN"};

            assertEquals(0, rekey(concat(new String[] {"--from", "key-file", "--to", "pkcs11"}, tokenOptions)), err());
            assertTrue(out().contains(" to pkcs11 (key 'trent-root-of-trust' in token '" + token.label() + "');"),
                    out());
            assertRefused(keyFileConfig(dataDir.resolve("master.key")));

            String[] fromToken = Stream.of(tokenOptions).map(o -> o.replace("--to-", "--from-")).toArray(String[]::new);
            assertEquals(0, rekey(concat(concat(new String[] {"--from", "pkcs11"}, fromToken),
                    new String[] {"--to", "passphrase", "--to-passphrase-env", "TRENT_NEW"})), err());
            assertDecrypts(passphraseConfig(), ciphertext);
        }
    }

    @Test
    void pkcs11OnBothSides_inTheSameToken_isAUsageError() {
        assertEquals(2, rekey("--from", "pkcs11", "--from-pkcs11-library", "/lib/p11.so", "--from-pkcs11-token-label",
                "t", "--from-pkcs11-pin-env", "TRENT_PIN", "--to", "pkcs11", "--to-pkcs11-library", "/lib/p11.so",
                "--to-pkcs11-token-label", "t", "--to-pkcs11-key-label", "other", "--to-pkcs11-pin-env", "TRENT_PIN"));
        assertOneErrorLine("--from and --to are in the same PKCS#11 token 't'");
    }

    @Test
    void usageErrors_exit2_andNeverRepeatAValueThatMayBeASecret() {
        List<List<String>> wrong = List.of(
                List.of("--from", "key-file"),
                List.of("--from", "key-file", "--to", "passphrase"),
                List.of("--from", "passphrase=hunter2", "--from-passphrase-env", "X", "--to", "key-file=b.key"),
                List.of("--from", "key-file", "--from-passphrase-env", "X", "--to", "key-file=b.key"),
                List.of("--from", "key-file", "--to", "pkcs11", "--to-pkcs11-library", "/lib.so"),
                List.of("--from", "pkcs11=hunter2", "--to", "key-file=b.key"),
                List.of("--from", "hunter2", "--to", "key-file=b.key"),
                List.of("--from", "key-file", "--to", "key-file=" + dataDir.resolve("master.key")));
        for (List<String> args : wrong) {
            assertEquals(2, rekey(args.toArray(String[]::new)), args + ": " + err());
            assertOneErrorLine("see 'trent rekey --help'");
            assertFalse(err().contains("hunter2"), err());
        }
        assertTrue(rekey("--from", "key-file", "--to", "key-file") == 2
                && err().contains("--from and --to are the same key file"), err());
    }

    @Test
    void help_documentsEveryOption_andTrentHelpListsRekey() {
        assertEquals(0, rekey("--help"));
        for (String option : List.of("--data-dir", "--from", "--from-passphrase-env", "--from-pkcs11-library",
                "--from-pkcs11-token-label", "--from-pkcs11-key-label", "--from-pkcs11-pin-env", "--to",
                "--to-passphrase-env", "--to-pkcs11-library", "--to-pkcs11-token-label", "--to-pkcs11-key-label",
                "--to-pkcs11-pin-env")) {
            assertTrue(out().contains(option), option + " missing from:\n" + out());
        }
        assertEquals(0, run("--help"));
        assertTrue(out().contains("rekey"), out());
    }

    private TrentConfig keyFileConfig(Path keyFile) {
        return TrentConfig.builder().port(0).dataDir(dataDir).keyFile(keyFile).build();
    }

    private TrentConfig passphraseConfig() {
        return TrentConfig.builder().port(0).dataDir(dataDir).passphrase(PASSPHRASE.toCharArray()).build();
    }

    /** Starts a server, creates a key, encrypts with it; returns the base64 ciphertext. */
    private String createKeyAndEncrypt(TrentConfig config) throws Exception {
        try (TrentServer server = TrentServer.start(config)) {
            String keyId = kms(server, "CreateKey", "{}").at("/KeyMetadata/KeyId").asText();
            return kms(server, "Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"aGVsbG8=\"}")
                    .get("CiphertextBlob").asText();
        }
    }

    private void assertDecrypts(TrentConfig config, String ciphertext) throws Exception {
        try (TrentServer server = TrentServer.start(config)) {
            JsonNode decrypted = kms(server, "Decrypt", "{\"CiphertextBlob\":\"" + ciphertext + "\"}");
            assertEquals("aGVsbG8=", decrypted.get("Plaintext").asText());
        }
    }

    private static void assertRefused(TrentConfig config) {
        Exception e = assertThrows(Exception.class, () -> TrentServer.start(config).close());
        assertNotNull(StartupFailure.find(e, WrongRootOfTrustException.class), e.toString());
    }

    private JsonNode kms(TrentServer server, String operation, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "TrentService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private int rekey(String... args) {
        String[] withDataDir = Stream.concat(Stream.of("rekey", "--data-dir", dataDir.toString()), Stream.of(args))
                .toArray(String[]::new);
        return run(withDataDir);
    }

    private int run(String... args) {
        stdout.reset();
        stderr.reset();
        return new Cli(environment::get, config -> {
            throw new AssertionError("rekey must not start a server");
        }, new ServeOptionsTest.NoStopSignal()).run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private void assertOneErrorLine(String expectedFragment) {
        List<String> lines = err().lines().toList();
        assertEquals(1, lines.size(), err());
        assertTrue(lines.get(0).startsWith("trent: "), err());
        assertTrue(lines.get(0).contains(expectedFragment), err());
        assertEquals("", out());
    }

    private static String display(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private static Map<String, byte[]> snapshot(Path directory) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(directory.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file + " changed"));
        assertTrue(expected.containsKey("trent.db"), expected.keySet().toString());
    }
}
