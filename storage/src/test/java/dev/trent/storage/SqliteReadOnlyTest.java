package dev.trent.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database SQLite can read but not write is refused when it is opened, before any write, instead of failing
 * every write later. The database is made read-only in SQLite's own way, which binds root too (permission bits
 * do not): its header's write version is raised past what SQLite writes, and SQLite then only reads it.
 */
class SqliteReadOnlyTest {

    private static final byte[] SECRET = "material".getBytes(UTF_8);
    /** Offset of the "file format write version" byte in an SQLite header; above 2 means read-only. */
    private static final int WRITE_VERSION_OFFSET = 18;

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("data").resolve("trent.db");
    }

    private RootOfTrustProvider keyFile() {
        return KeyFileRootOfTrust.provider(dir.resolve("master.key"));
    }

    @Test
    void open_databaseSqliteOnlyReads_throwsReadOnly_namingTheFile_andChangesNoByte() throws Exception {
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db()), keyFile())) {
            storage.barrier().commit(new WriteBatch().put("key/1/material/1", SECRET));
        }
        makeReadOnlyForSqlite(db());
        Map<Path, byte[]> before = TestFiles.snapshot(dir);

        ReadOnlyStoreException e = assertThrows(ReadOnlyStoreException.class,
                () -> Storage.open(SqlitePhysicalStore.open(db()), keyFile()));

        assertEquals("database " + db() + " is read-only (SQLITE_READONLY); Trent must write to it: make the file and"
                + " its directory writable by the user running Trent, on a file system mounted read-write, then start"
                + " again", e.getMessage());
        TestFiles.assertSameFiles(before, TestFiles.snapshot(dir));
    }

    @Test
    void open_afterTheDatabaseIsWritableAgain_readsWhatWasThere() throws Exception {
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db()), keyFile())) {
            storage.barrier().commit(new WriteBatch().put("key/1/material/1", SECRET));
        }
        makeReadOnlyForSqlite(db());
        assertThrows(ReadOnlyStoreException.class, () -> Storage.open(SqlitePhysicalStore.open(db()), keyFile()));

        setWriteVersion(db(), (byte) 2);
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db()), keyFile())) {
            assertArrayEquals(SECRET, storage.barrier().get("key/1/material/1").orElseThrow());
            storage.barrier().commit(new WriteBatch().put("key/2/material/1", SECRET));
        }
    }

    static void makeReadOnlyForSqlite(Path db) throws IOException {
        setWriteVersion(db, (byte) 3);
    }

    private static void setWriteVersion(Path db, byte version) throws IOException {
        try (FileChannel file = FileChannel.open(db, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(new byte[] {version}), WRITE_VERSION_OFFSET);
            file.force(true);
        }
    }
}
