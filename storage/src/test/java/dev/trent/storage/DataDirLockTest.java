package dev.trent.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T15:00:00.123Z"), ZoneOffset.UTC);
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Path dataDir() {
        return dir.resolve("data");
    }

    @Test
    void acquire_missingDataDir_createsItOwnerOnlyWithTheLockFileAlone() throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(dataDir(), "starting", CLOCK)) {
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(dataDir()));
            try (var entries = Files.list(dataDir())) {
                assertEquals(java.util.List.of(dataDir().resolve("trent.lock")), entries.toList());
            }
            assertEquals(dataDir(), lock.dataDir());
        }
    }

    @Test
    void acquire_secondTimeInThisProcess_namesTheHolder_andTheFirstStillHoldsIt() {
        try (DataDirLock first = DataDirLock.acquire(dataDir(), "starting", CLOCK)) {
            first.nowDoing("serving http://127.0.0.1:4566");

            DataDirInUseException e = assertThrows(DataDirInUseException.class,
                    () -> DataDirLock.acquire(dir.resolve("other").resolve("..").resolve("data"), "rekeying", CLOCK));

            assertTrue(e.getMessage().startsWith("data dir " + dataDir() + " is in use by another Trent in this process"
                    + " (pid " + PID + " on host "), e.getMessage());
            assertTrue(e.getMessage().endsWith(", serving http://127.0.0.1:4566 since 2026-12-03T15:00:00Z)"),
                    e.getMessage());
            assertThrows(DataDirInUseException.class, () -> DataDirLock.acquire(dataDir(), "starting", CLOCK));
        }
        DataDirLock.acquire(dataDir(), "starting", CLOCK).close();
    }

    @Test
    void close_dataDirItCreatedAndLeftEmpty_removesIt() {
        Path nested = dir.resolve("a").resolve("b");
        DataDirLock.acquire(nested, "starting", CLOCK).close();

        assertFalse(Files.exists(dir.resolve("a")));
    }

    @Test
    void close_dataDirWithOtherFiles_keepsAnEmptyLockFile() throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(dataDir(), "starting", CLOCK)) {
            Files.writeString(dataDir().resolve("trent.db"), "data");
        }
        assertEquals("", Files.readString(dataDir().resolve("trent.lock")));
        assertEquals("data", Files.readString(dataDir().resolve("trent.db")));
    }

    @Test
    void anotherProcessHoldsIt_refusedNamingThatProcess_untilItIsKilled() throws Exception {
        Files.createDirectories(dataDir());
        Process child = startHolder();
        try {
            DataDirInUseException e = assertThrows(DataDirInUseException.class,
                    () -> DataDirLock.acquire(dataDir(), "rekeying", CLOCK));

            assertTrue(e.getMessage().startsWith("data dir " + dataDir() + " is in use by another Trent (pid "
                    + child.pid() + " on host "), e.getMessage());
            assertTrue(e.getMessage().contains(", serving http://127.0.0.1:1234 since "), e.getMessage());
        } finally {
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }

        // The killed holder wrote its description but never released; the operating system did.
        try (DataDirLock lock = DataDirLock.acquire(dataDir(), "rekeying", CLOCK)) {
            assertTrue(lock.toString().contains(dataDir().toString()));
        }
        assertEquals("", Files.readString(dataDir().resolve("trent.lock")));
    }

    private Process startHolder() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DataDirLockChildProcess.class.getName(), dataDir().toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (!"locked".equals(first)) {
            child.destroyForcibly();
            throw new IOException("the lock holder did not start: " + first);
        }
        return child;
    }
}
