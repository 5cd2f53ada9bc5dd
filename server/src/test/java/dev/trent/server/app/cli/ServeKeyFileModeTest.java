package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trent serve} with a key file other users may read, with the real server: refused as ssh refuses such a
 * private key, with one {@code trent: } line giving the chmod to run, and nothing written; after the chmod it
 * starts.
 */
class ServeKeyFileModeTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private Path keyFile() {
        return dir.resolve("keys").resolve("trent.key");
    }

    @Test
    void keyFileMode644_exits1WithTheChmodToRun_writesNothing_andStartsOnceFixed() throws Exception {
        Path dataDir = dir.resolve("data");
        assertEquals(0, serve(dataDir), err());
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        DirectorySnapshot before = DirectorySnapshot.of(dir);

        assertEquals(1, serve(dataDir), err());

        assertEquals(List.of("trent: key file " + keyFile() + " is open to other users (rw-r--r--); a key file must be"
                + " readable and writable by its owner only: run chmod 600 " + keyFile()),
                err().lines().toList());
        assertFalse(stdout.toString(StandardCharsets.UTF_8).contains("Ready."));
        before.assertUnchangedIn(dir);

        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, serve(dataDir), err());
    }

    @Test
    void keyFileMode644ForANewDataDir_createsNoDataDir() throws Exception {
        assertEquals(0, serve(dir.resolve("first")), err());
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(1, serve(dir.resolve("second")), err());

        assertEquals(1, err().lines().count(), err());
        assertFalse(Files.exists(dir.resolve("second")));
    }

    /** Runs {@code trent serve} with the real server, which stops as soon as it is ready. */
    private int serve(Path dataDir) {
        stdout.reset();
        stderr.reset();
        return new Cli(name -> null, ServerLauncher.trentServer(), new ServeOptionsTest.NoStopSignal()).run(
                new String[] {"serve", "--port", "0", "--data-dir", dataDir.toString(), "--key-file",
                    keyFile().toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
