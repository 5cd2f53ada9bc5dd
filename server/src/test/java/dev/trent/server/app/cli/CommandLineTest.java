package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.cli.ServerLauncher.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The whole command line — help, errors, start-up and shutdown output — against a fake server. */
class CommandLineTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    /** What happened, in order: "start", "await", "close". */
    private final List<String> events = new ArrayList<>();
    private TrentConfig started;

    private final ServerLauncher fakeLauncher = config -> {
        events.add("start");
        started = config;
        return new RunningServer() {
            @Override
            public URI endpoint() {
                return URI.create("http://" + config.host() + ":" + (config.port() == 0 ? 40123 : config.port()));
            }

            @Override
            public void close() {
                events.add("close");
            }
        };
    };

    private final StopSignal stopAtOnce = new StopSignal() {
        @Override
        public void arm(Runnable onJvmShutdown) {
            events.add("arm");
        }

        @Override
        public void await() {
            events.add("await");
        }
    };

    private int run(String... args) {
        return run(Map.of(), fakeLauncher, stopAtOnce, args);
    }

    /** Runs {@code trent args...}; the captured output is this run's alone. */
    private int run(Map<String, String> env, ServerLauncher launcher, StopSignal stop, String... args) {
        stdout.reset();
        stderr.reset();
        Function<String, String> environment = env::get;
        return new Cli(environment, launcher, stop).run(args,
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private List<String> outLines() {
        return out().lines().toList();
    }

    /** Errors are one line, prefixed, without a stack trace. */
    private void assertOneErrorLine(String expectedFragment) {
        List<String> lines = err().lines().toList();
        assertEquals(1, lines.size(), err());
        assertTrue(lines.get(0).startsWith("trent: "), err());
        assertTrue(lines.get(0).contains(expectedFragment), err());
        assertFalse(err().contains("\tat "), err());
    }

    @Test
    void help_listsServeAndHelpOptions() {
        assertEquals(0, run("--help"));

        assertTrue(out().contains("serve"), out());
        assertTrue(out().contains("--help"), out());
        assertTrue(out().contains("--version"), out());
        assertEquals("", err());
    }

    @Test
    void noArguments_printsHelp() {
        assertEquals(0, run());

        assertTrue(out().contains("Usage: trent"), out());
        assertTrue(out().contains("serve"), out());
        assertTrue(events.isEmpty());
    }

    @Test
    void version_printsTrentAndAVersion() {
        assertEquals(0, run("--version"));

        assertTrue(out().strip().matches("trent \\S+"), out());
    }

    @Test
    void serveHelp_documentsEveryOption() {
        assertEquals(0, run("serve", "--help"));

        for (String option : List.of("--port", "--host", "--data-dir", "--in-memory", "--account-id", "--region",
                "--key-file", "--master-passphrase-env", "--help", "--version")) {
            assertTrue(out().contains(option), option + " missing from:\n" + out());
        }
        assertTrue(out().contains("4566") && out().contains("127.0.0.1") && out().contains("./trent-data")
                && out().contains("000000000000") && out().contains("us-east-1"), "defaults missing:\n" + out());
        assertTrue(events.isEmpty(), "help must not start a server");
    }

    @Test
    void serveHelp_coversEveryDeclaredOption() {
        CommandLine serve = new CommandLine(new ServeCommand(name -> null, fakeLauncher, stopAtOnce));
        assertEquals(0, run("help", "serve"));

        for (OptionSpec option : serve.getCommandSpec().options()) {
            assertTrue(out().contains(option.longestName()), option.longestName() + " missing from:\n" + out());
            assertTrue(option.description().length > 0, option.longestName() + " has no description");
        }
    }

    @Test
    void serve_inMemory_printsEndpointReadyAndStoppedInOrder() {
        assertEquals(0, run("serve", "--in-memory", "--port", "0"));

        assertTrue(started.inMemory());
        List<String> lines = outLines();
        assertEquals(3, lines.size(), out());
        assertTrue(lines.get(0).contains("http://127.0.0.1:40123"), lines.get(0));
        assertTrue(lines.get(0).contains("data: in memory"), lines.get(0));
        assertTrue(lines.get(0).contains("root of trust: "), lines.get(0));
        assertEquals("Ready.", lines.get(1));
        assertEquals("Stopped.", lines.get(2));
        assertEquals(List.of("arm", "start", "await", "close"), events);
        assertEquals("", err());
    }

    @Test
    void serve_onEveryAddress_warnsThatTheApiIsReachableFromTheNetwork() {
        assertEquals(0, run("serve", "--in-memory", "--host", "0.0.0.0", "--allow-remote", "--hostname", "trent",
                "--hostname", "kms.internal"));

        assertEquals(List.of("Warning: listening on 0.0.0.0, so Trent's API, which checks no credentials, is"
                + " reachable from the network: anyone who can connect can use, wipe or destroy its keys. Requests are"
                + " accepted when their Host header is localhost, an IP address, 0.0.0.0 or a --hostname (trent,"
                + " kms.internal)."), err().lines().toList());
        assertEquals(List.of("trent", "kms.internal"), started.hostnames());
        assertEquals("Ready.", outLines().get(1));
    }

    @Test
    void serve_onEveryAddressWithAuthOff_refusesInOneLine_exit1() {
        assertEquals(1, run("serve", "--in-memory", "--host", "0.0.0.0"));

        assertOneErrorLine("refusing to listen on 0.0.0.0 with --auth off, where anyone who can connect could use,"
                + " wipe or destroy the keys; require signed requests with --auth verify, or give --allow-remote to"
                + " accept that");
        assertNull(started);
    }

    @Test
    void serve_onEveryAddressWithAuthVerify_startsAndWarnsOfTheWellKnownCredentials() {
        assertEquals(0, run("serve", "--in-memory", "--host", "0.0.0.0", "--auth", "verify"));

        assertEquals(List.of("Warning: listening on 0.0.0.0 with the well-known root credentials 'test'/'test' of"
                + " account 000000000000, which anyone can sign with; give that account its own with"
                + " --root-credentials."), err().lines().toList());
    }

    @Test
    void serve_onEveryAddressWithOwnRootCredentials_warnsOfNothing() {
        assertEquals(0, run(Map.of("ROOT_SECRET", "a-long-secret"), fakeLauncher, stopAtOnce, "serve", "--in-memory",
                "--host", "0.0.0.0", "--auth", "enforce", "--root-credentials", "000000000000:AKIAROOT:ROOT_SECRET"));

        assertEquals("", err());
    }

    @Test
    void serve_onLoopback_warnsOfNothing() {
        assertEquals(0, run("serve", "--in-memory", "--host", "::1"));
        assertEquals(0, run("serve", "--in-memory", "--host", "localhost"));

        assertEquals("", err());
    }

    @Test
    void serve_badHostname_isOneErrorLine() {
        assertEquals(1, run("serve", "--in-memory", "--hostname", "http://trent"));

        assertOneErrorLine("invalid --hostname: not a host name or IP address: 'http://trent'");
        assertTrue(events.isEmpty());
    }

    @Test
    void serve_tlsOptions_goTogetherOrNotAtAll() {
        assertEquals(2, run("serve", "--in-memory", "--tls-cert", "cert.pem"));
        assertTrue(err().contains("--tls-cert and --tls-key go together"), err());
        stderr.reset();
        assertEquals(2, run("serve", "--in-memory", "--tls-self-signed", "--tls-key", "key.pem"));
        assertTrue(err().contains("--tls-self-signed cannot be combined with --tls-cert or --tls-key"), err());
        assertTrue(events.isEmpty());
    }

    @Test
    void serve_keyFileMissing_announcesNewDevelopmentKeyFile(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");

        assertEquals(0, run("serve", "--data-dir", dataDir.toString()));

        String keyFile = dataDir.resolve("master.key").toAbsolutePath().toString();
        List<String> lines = outLines();
        assertEquals(4, lines.size(), out());
        assertTrue(lines.get(0).contains("new development key file at " + keyFile), lines.get(0));
        assertTrue(lines.get(0).contains("passphrase"), lines.get(0));
        assertTrue(lines.get(1).contains("data: " + dataDir.toAbsolutePath()), lines.get(1));
        assertTrue(lines.get(1).contains("root of trust: key file " + keyFile), lines.get(1));
        assertEquals("Ready.", lines.get(2));
    }

    @Test
    void serve_keyFileExists_saysNothingAboutIt(@TempDir Path dir) throws IOException {
        Path keyFile = Files.writeString(dir.resolve("master.key"), "existing");

        assertEquals(0, run("serve", "--data-dir", dir.toString()));

        assertFalse(out().contains("development key file"), out());
        assertTrue(out().contains("root of trust: key file " + keyFile.toAbsolutePath()), out());
    }

    @Test
    void serve_passphrase_namesTheVariableNotThePassphrase(@TempDir Path dir) {
        int code = run(Map.of("TRENT_PASSPHRASE", "s3cret-words"), fakeLauncher, stopAtOnce,
                "serve", "--data-dir", dir.toString(), "--master-passphrase-env", "TRENT_PASSPHRASE");

        assertEquals(0, code);
        assertTrue(out().contains("root of trust: passphrase from $TRENT_PASSPHRASE"), out());
        assertFalse(out().contains("s3cret-words"), out());
        assertFalse(out().contains("development key file"), out());
    }

    @Test
    void serve_portInUse_printsOneLineAndExits1() {
        ServerLauncher portTaken = config -> {
            throw new IllegalStateException("binding failed", new BindException("Address already in use"));
        };

        assertEquals(1, run(Map.of(), portTaken, stopAtOnce, "serve", "--in-memory"));

        assertOneErrorLine("cannot listen on 127.0.0.1:4566: Address already in use");
        assertFalse(out().contains("Ready."), out());
    }

    @Test
    void serve_startFails_printsCauseOnOneLineAndExits1() {
        ServerLauncher broken = config -> {
            throw new IllegalStateException("keyring does not open\nwith this key");
        };

        assertEquals(1, run(Map.of(), broken, stopAtOnce, "serve", "--in-memory"));

        assertOneErrorLine("cannot start: keyring does not open with this key");
    }

    @Test
    void serve_badAccountId_printsOneLineAndExits1() {
        assertEquals(1, run("serve", "--account-id", "42"));

        assertOneErrorLine("invalid --account-id");
        assertNull(started);
    }

    @Test
    void serve_passphraseVariableUnset_printsOneLineAndExits1() {
        assertEquals(1, run("serve", "--master-passphrase-env", "TRENT_UNSET"));

        assertOneErrorLine("TRENT_UNSET");
        assertNull(started);
    }

    @Test
    void serve_inMemoryWithDataDir_isUsageErrorExit2() {
        assertEquals(2, run("serve", "--in-memory", "--data-dir", "x"));

        assertOneErrorLine("--in-memory cannot be combined with --data-dir");
        assertTrue(err().contains("trent serve --help"), err());
        assertNull(started);
    }

    @Test
    void unknownOption_isUsageErrorWithSuggestion() {
        assertEquals(2, run("serve", "--portt", "1"));

        assertOneErrorLine("--portt");
        assertTrue(err().contains("did you mean --port?"), err());
    }

    @Test
    void unknownCommand_isUsageError_andListsTheCommands() {
        assertEquals(2, run("srve"));

        assertOneErrorLine("trent: unknown command 'srve' (did you mean serve?); the commands are serve, clock, key,"
                + " rekey, fsck, audit, help; see 'trent --help'");
        assertEquals(2, run("bogus"));
        assertOneErrorLine("unknown command 'bogus'");
        assertOneErrorLine("the commands are serve, clock, key, rekey, fsck, audit, help");
    }

    @Test
    void unknownSubcommand_listsThatCommandsSubcommands() {
        assertEquals(2, run("key", "lifecyle", "alias/x"));

        assertOneErrorLine("unknown command 'lifecyle'");
        assertOneErrorLine("the commands are lifecycle, cryptoperiods, suspend, resume, compromise; see 'trent key"
                + " --help'");
    }

    @Test
    void valuesPicocliCannotConvert_areWrongValues_exit1_likeTheOnesTrentRejects() {
        assertEquals(1, run("serve", "--port", "abc"));
        assertOneErrorLine("Invalid value for option '--port': 'abc' is not an int");
        assertEquals(1, run("serve", "--root-of-trust", "bogus"));
        assertOneErrorLine("'bogus' is not a kind of root of trust; use key-file, passphrase, pkcs11");
        assertEquals(1, run("serve", "--idle-timeout", "-5"));
        assertOneErrorLine("invalid --idle-timeout: must not be negative");
        assertNull(started);
    }

    @Test
    void jvmShutdownWhileServing_closesOnceAndPrintsStoppedOnce() {
        StopSignal jvmExitsWhileWaiting = new StopSignal() {
            private Runnable hook;

            @Override
            public void arm(Runnable onJvmShutdown) {
                hook = onJvmShutdown;
            }

            @Override
            public void await() {
                assertNotNull(hook);
                hook.run();
            }
        };

        assertEquals(0, run(Map.of(), fakeLauncher, jvmExitsWhileWaiting, "serve", "--in-memory"));

        assertEquals(List.of("start", "close"), events);
        assertEquals(1, out().lines().filter("Stopped."::equals).count(), out());
    }
}
