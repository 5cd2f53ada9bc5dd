package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trent serve} on a data dir whose database can be read but not written, with the real server: one
 * {@code trent: } line naming the file and what to do, exit code 1, no {@code Ready.}, and no byte changed.
 */
class ServeUnwritableDataDirTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private Path dataDir() {
        return dir.resolve("data");
    }

    private Path database() {
        return dataDir().resolve("trent.db");
    }

    @Test
    void databaseSqliteOnlyReads_exits1WithOneLine_andChangesNoByte() throws Exception {
        assertEquals(0, serve(), err());
        // SQLite's own read-only mark (header write version above 2), which binds root as well.
        try (FileChannel file = FileChannel.open(database(), StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(new byte[] {3}), 18);
        }
        DirectorySnapshot before = DirectorySnapshot.of(dataDir());

        assertRefusedAsReadOnly(serve());
        before.assertUnchangedIn(dataDir());
    }

    /**
     * Permission bits do not stop root, who can write any file; run as any other user, this is the everyday case.
     * Skipped when the tests run as root.
     */
    @Test
    void databaseFileMode444_exits1WithOneLine_andChangesNoByte() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes files whatever their mode");
        assertEquals(0, serve(), err());
        Files.setPosixFilePermissions(database(), PosixFilePermissions.fromString("r--r--r--"));
        DirectorySnapshot before = DirectorySnapshot.of(dataDir());

        assertRefusedAsReadOnly(serve());
        before.assertUnchangedIn(dataDir());
    }

    private void assertRefusedAsReadOnly(int code) {
        List<String> lines = err().lines().toList();
        assertEquals(1, code, err());
        assertEquals(1, lines.size(), err());
        assertTrue(lines.get(0).startsWith("trent: database " + database() + " is read-only (SQLITE_READONLY"), err());
        assertTrue(lines.get(0).endsWith("); Trent must write to it: make the file and its directory writable by the"
                + " user running Trent, on a file system mounted read-write, then start again"), err());
        assertFalse(stdout.toString(StandardCharsets.UTF_8).contains("Ready."), stdout.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code trent serve} with the real server, which stops as soon as it is ready. */
    private int serve() {
        stdout.reset();
        stderr.reset();
        return new Cli(name -> null, ServerLauncher.trentServer(), new ServeOptionsTest.NoStopSignal()).run(
                new String[] {"serve", "--port", "0", "--data-dir", dataDir().toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
