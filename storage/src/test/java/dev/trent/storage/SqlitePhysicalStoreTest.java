package dev.trent.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite-specific behaviour beyond the {@link PhysicalStoreContractTest}. */
class SqlitePhysicalStoreTest {

    @TempDir
    Path dir;

    @Test
    void open_missingFile_createsNothingUntilInitialize() {
        Path db = dir.resolve("new").resolve("trent.db");
        try (SqlitePhysicalStore store = SqlitePhysicalStore.open(db)) {
            assertTrue(store.readSealedKeyring().isEmpty());
            assertFalse(Files.exists(db.getParent()));
            store.initialize(PhysicalStoreContractTest.KEYRING);
            assertTrue(Files.exists(db));
        }
        assertFalse(Files.exists(db.getParent().resolve("trent.db-wal")), "a clean close checkpoints the WAL");
    }

    @Test
    void initialize_createsOwnerOnlyDirectoriesAndDatabaseFile() throws Exception {
        Path db = dir.resolve("a").resolve("b").resolve("trent.db");
        try (SqlitePhysicalStore store = SqlitePhysicalStore.open(db)) {
            store.initialize(PhysicalStoreContractTest.KEYRING);
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(db));
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(db.getParent()));
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(dir.resolve("a")));
        }
    }

    @Test
    void connection_usesWalFullSyncForeignKeysAndBusyTimeout() {
        try (SqlitePhysicalStore store = SqlitePhysicalStore.open(dir.resolve("trent.db"))) {
            store.initialize(PhysicalStoreContractTest.KEYRING);
            assertEquals("wal", store.pragma("journal_mode"));
            assertEquals("2", store.pragma("synchronous"), "2 is FULL");
            assertEquals("1", store.pragma("foreign_keys"));
            assertEquals(Integer.toString(SqliteConnection.BUSY_TIMEOUT_MILLIS), store.pragma("busy_timeout"));
        }
    }

    @Test
    void open_fileThatIsNotADatabase_throwsClearError() throws Exception {
        Path notADatabase = dir.resolve("trent.db");
        Files.writeString(notADatabase, "this is not an SQLite database, just some text that is long enough".repeat(20));
        StorageException e = assertThrows(StorageException.class, () -> SqlitePhysicalStore.open(notADatabase));
        assertTrue(e.getMessage().contains("is not a Trent database"), e.getMessage());
    }

    @Test
    void open_emptyExistingFile_isTreatedAsAnEmptyStore() throws Exception {
        Path db = dir.resolve("trent.db");
        Files.createFile(db);
        try (SqlitePhysicalStore store = SqlitePhysicalStore.open(db)) {
            assertTrue(store.readSealedKeyring().isEmpty());
            store.initialize(PhysicalStoreContractTest.KEYRING);
            assertTrue(store.readSealedKeyring().isPresent());
        }
    }

    @Test
    void reopen_keepsKeyringAndRecords() {
        Path db = dir.resolve("trent.db");
        try (SqlitePhysicalStore store = SqlitePhysicalStore.open(db)) {
            store.initialize(PhysicalStoreContractTest.KEYRING);
            store.apply(List.of(PhysicalWrite.put("a", new byte[] {1})));
        }
        try (SqlitePhysicalStore store = SqlitePhysicalStore.open(db)) {
            assertEquals("test-kind", store.readSealedKeyring().orElseThrow().rootKind());
            store.migrate();
            assertEquals(1, store.get("a").orElseThrow()[0]);
        }
    }

    @Test
    void open_pathWithUriAndQueryCharacters_usesThatExactFile() {
        Path db = dir.resolve("we?ird=1&x #%20 d\u00f6nn\u00e9es").resolve("trent.db");
        try (SqlitePhysicalStore store = SqlitePhysicalStore.open(db)) {
            store.initialize(PhysicalStoreContractTest.KEYRING);
        }
        assertTrue(Files.isRegularFile(db));
        try (SqlitePhysicalStore store = SqlitePhysicalStore.open(db)) {
            assertTrue(store.readSealedKeyring().isPresent());
        }
    }
}
