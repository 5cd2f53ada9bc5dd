package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentConfig.RootOfTrustKind;
import dev.trent.server.auth.AuthMode;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.ParameterException;

/** {@code trent serve} options -> {@link TrentConfig}, through the parse-only path: no server is started. */
class ServeOptionsTest {

    private static Cli cli(Map<String, String> environment) {
        return new Cli(environment::get, config -> {
            throw new AssertionError("parsing must not start a server");
        }, new NoStopSignal());
    }

    private static TrentConfig parse(String... args) {
        return cli(Map.of()).parseServe(args);
    }

    @Test
    void parse_noOptions_givesEmbeddedDefaults() {
        TrentConfig config = parse();

        assertEquals("127.0.0.1", config.host());
        assertEquals(4566, config.port());
        assertEquals(Path.of("trent-data"), config.dataDir());
        assertFalse(config.inMemory());
        assertEquals("000000000000", config.accountId());
        assertEquals("us-east-1", config.defaultRegion());
        assertEquals(RootOfTrustKind.KEY_FILE, config.rootOfTrust());
        assertEquals(Path.of("trent-data", "master.key"), config.keyFile());
        assertTrue(config.passphrase().isEmpty());
    }

    @Test
    void parse_everyOption_mapsOntoConfig() {
        TrentConfig config = parse("--port", "14566", "--host", "0.0.0.0", "--allow-remote",
                "--data-dir", "/var/lib/trent",
                "--account-id", "123456789012", "--region", "eu-west-3", "--key-file", "/etc/trent/master.key");

        assertEquals(14566, config.port());
        assertEquals("0.0.0.0", config.host());
        assertEquals(Path.of("/var/lib/trent"), config.dataDir());
        assertEquals("123456789012", config.accountId());
        assertEquals("eu-west-3", config.defaultRegion());
        assertEquals(RootOfTrustKind.KEY_FILE, config.rootOfTrust());
        assertEquals(Path.of("/etc/trent/master.key"), config.keyFile());
    }

    @Test
    void parse_auth_defaultsToOff_withTheDefaultAccountsTestCredentials() {
        TrentConfig config = parse();

        assertEquals(AuthMode.OFF, config.authMode());
        assertEquals(List.of("000000000000:test"), roots(config));
        assertTrue(config.defaultRootCredentialsActive());
    }

    @Test
    void parse_authModes_inAnyCase() {
        assertEquals(AuthMode.VERIFY, parse("--auth", "verify").authMode());
        assertEquals(AuthMode.ENFORCE, parse("--auth", "ENFORCE").authMode());
        CliException e = assertThrows(CliException.class, () -> parse("--auth", "strict"));
        assertEquals("invalid --auth: expected off, verify or enforce, got 'strict'", e.getMessage());
    }

    @Test
    void parse_rootCredentials_readTheSecretFromTheEnvironment_andReplaceTheDefaultAccountsTest() {
        TrentConfig config = cli(Map.of("ROOT_A", "secret-a", "ROOT_B", "secret-b")).parseServe("--auth", "verify",
                "--root-credentials", "000000000000:AKIAROOTA:ROOT_A",
                "--root-credentials", "222233334444:AKIAROOTB:ROOT_B");

        assertEquals(List.of("000000000000:AKIAROOTA", "222233334444:AKIAROOTB"), roots(config));
        assertFalse(config.defaultRootCredentialsActive());
    }

    @Test
    void parse_rootCredentialsOfAnotherAccount_keepTheDefaultAccountsTest() {
        TrentConfig config = cli(Map.of("ROOT_B", "secret-b")).parseServe(
                "--root-credentials", "222233334444:AKIAROOTB:ROOT_B");

        assertEquals(List.of("222233334444:AKIAROOTB", "000000000000:test"), roots(config));
    }

    @Test
    void parse_rootCredentials_wrongShapeOrUnsetVariable_areWrongValues() {
        assertEquals("invalid --root-credentials '000000000000:AKIA': expected ACCOUNT:ACCESS_KEY:SECRET_ENV, e.g."
                + " 111122223333:AKIAROOTEXAMPLE:ROOT_SECRET",
                assertThrows(CliException.class, () -> parse("--root-credentials", "000000000000:AKIA")).getMessage());
        assertEquals("environment variable ROOT_UNSET (named by --root-credentials) is not set",
                assertThrows(CliException.class,
                        () -> parse("--root-credentials", "000000000000:AKIA:ROOT_UNSET")).getMessage());
        assertEquals("invalid --root-credentials: an account id is 12 digits, got '42'",
                assertThrows(CliException.class, () -> cli(Map.of("S", "s")).parseServe(
                        "--root-credentials", "42:AKIA:S")).getMessage());
    }

    @Test
    void parse_nonLoopbackHost_needsAuthOrAllowRemote() {
        assertThrows(CliException.class, () -> parse("--host", "0.0.0.0"));
        assertEquals("0.0.0.0", parse("--host", "0.0.0.0", "--allow-remote").host());
        assertEquals("0.0.0.0", parse("--host", "0.0.0.0", "--auth", "verify").host());
    }

    private static List<String> roots(TrentConfig config) {
        return config.rootCredentials().stream().map(root -> root.account() + ":" + root.accessKeyId()).toList();
    }

    @Test
    void parse_connectionOptions_mapOntoConfig() {
        TrentConfig config = parse("--max-connections", "500", "--idle-timeout", "300",
                "--request-read-timeout", "0");

        assertEquals(500, config.maxConnections().getAsInt());
        assertEquals(Duration.ofSeconds(300), config.idleTimeout());
        assertEquals(Duration.ZERO, config.requestReadTimeout());
    }

    @Test
    void parse_withoutConnectionOptions_leavesTheLimitToStartUp_andKeepsIdleLongerThanSdks() {
        TrentConfig config = parse();

        assertTrue(config.maxConnections().isEmpty());
        assertEquals(Duration.ofSeconds(120), config.idleTimeout());
        assertEquals(Duration.ofSeconds(30), config.requestReadTimeout());
    }

    @Test
    void parse_zeroMaxConnections_isAnError() {
        CliException e = assertThrows(CliException.class, () -> parse("--max-connections", "0"));
        assertEquals("invalid --max-connections: must be at least 1, got 0", e.getMessage());
    }

    @Test
    void parse_negativeTimeout_isAnError() {
        CliException e = assertThrows(CliException.class, () -> parse("--idle-timeout", "-1"));
        assertEquals("invalid --idle-timeout: must not be negative, got -1 seconds", e.getMessage());
    }

    @Test
    void parse_dataDirOnly_putsKeyFileInsideIt() {
        assertEquals(Path.of("/tmp/t", "master.key"), parse("--data-dir", "/tmp/t").keyFile());
    }

    @Test
    void parse_portZero_isAllowed() {
        assertEquals(0, parse("--port", "0").port());
    }

    @Test
    void parse_inMemory_setsInMemoryAndKeepsOtherOptions() {
        TrentConfig config = parse("--in-memory", "--port", "0", "--account-id", "111122223333");

        assertTrue(config.inMemory());
        assertEquals(0, config.port());
        assertEquals("111122223333", config.accountId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--data-dir=d", "--key-file=k", "--master-passphrase-env=P"})
    void parse_inMemoryWithDiskOption_isUsageError(String diskOption) {
        Cli cli = cli(Map.of("P", "secret"));

        ParameterException e = assertThrows(ParameterException.class, () -> cli.parseServe("--in-memory", diskOption));

        assertTrue(e.getMessage().contains("--in-memory cannot be combined with " + diskOption.split("=")[0]),
                e.getMessage());
    }

    @Test
    void parse_keyFileAndPassphrase_isUsageError() {
        Cli cli = cli(Map.of("P", "secret"));

        ParameterException e = assertThrows(ParameterException.class,
                () -> cli.parseServe("--key-file", "k", "--master-passphrase-env", "P"));

        assertTrue(e.getMessage().contains("choose one"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567890123", "abcdefghijkl", "12345678901a"})
    void parse_badAccountId_isInvalidValue(String accountId) {
        CliException e = assertThrows(CliException.class, () -> parse("--account-id", accountId));

        assertTrue(e.getMessage().startsWith("invalid --account-id: "), e.getMessage());
        assertTrue(e.getMessage().contains(accountId), e.getMessage());
    }

    @Test
    void parse_badRegion_isInvalidValue() {
        CliException e = assertThrows(CliException.class, () -> parse("--region", "mars"));

        assertTrue(e.getMessage().startsWith("invalid --region: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "65536"})
    void parse_portOutOfRange_isInvalidValue(String port) {
        CliException e = assertThrows(CliException.class, () -> parse("--port", port));

        assertTrue(e.getMessage().startsWith("invalid --port: "), e.getMessage());
    }

    @Test
    void parse_portNotANumber_isUsageError() {
        assertThrows(ParameterException.class, () -> parse("--port", "http"));
    }

    @Test
    void parse_hostnames_namesAndAddresses_butNotUrlsOrBrokenAddresses() {
        TrentConfig config = parse("--hostname", "trent", "--hostname", "kms.internal.", "--hostname", "my_service",
                "--hostname", "192.168.1.20", "--hostname", "fe80::1");

        assertEquals(List.of("trent", "kms.internal.", "my_service", "192.168.1.20", "fe80::1"), config.hostnames());
        for (String bad : List.of("http://trent", "trent:4566", ":", "1::2::3", "-trent", "a b")) {
            CliException e = assertThrows(CliException.class, () -> parse("--hostname", bad), bad);
            assertEquals("invalid --hostname: not a host name or IP address: '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void parse_emptyHost_isInvalidValue() {
        assertThrows(CliException.class, () -> parse("--host", ""));
    }

    @Test
    void parse_unknownOption_isUsageError() {
        assertThrows(ParameterException.class, () -> parse("--prot", "1"));
    }

    @Test
    void parse_passphraseEnv_readsPassphraseFromThatVariable() {
        TrentConfig config = cli(Map.of("TRENT_PASSPHRASE", "correct horse"))
                .parseServe("--master-passphrase-env", "TRENT_PASSPHRASE", "--data-dir", "d");

        assertEquals(RootOfTrustKind.PASSPHRASE, config.rootOfTrust());
        assertArrayEquals("correct horse".toCharArray(), config.passphrase().orElseThrow());
        assertEquals(Path.of("d"), config.dataDir());
    }

    @Test
    void parse_passphraseEnvUnset_isInvalidValue() {
        CliException e = assertThrows(CliException.class,
                () -> parse("--master-passphrase-env", "TRENT_NO_SUCH_VARIABLE"));

        assertTrue(e.getMessage().contains("TRENT_NO_SUCH_VARIABLE"), e.getMessage());
        assertTrue(e.getMessage().contains("is not set"), e.getMessage());
    }

    @Test
    void parse_passphraseEnvEmpty_isInvalidValue() {
        CliException e = assertThrows(CliException.class,
                () -> cli(Map.of("EMPTY", "")).parseServe("--master-passphrase-env", "EMPTY"));

        assertTrue(e.getMessage().contains("EMPTY"), e.getMessage());
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    /** A stop signal for commands that never get as far as serving. */
    static final class NoStopSignal implements StopSignal {
        @Override
        public void arm(Runnable onJvmShutdown) {
        }

        @Override
        public void await() {
        }
    }
}
