package dev.trent.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SqlitePhysicalStore#openForSoleUse}: refused while a server has the database open, and keeps servers out. */
class SqliteSoleUseTest {

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void createDatabase() {
        db = dir.resolve("data").resolve("trent.db");
        try (SqlitePhysicalStore store = SqlitePhysicalStore.open(db)) {
            store.initialize(PhysicalStoreContractTest.KEYRING);
        }
    }

    @Test
    void openForSoleUse_whileAnotherConnectionIsOpen_throwsStoreInUse_andWritesNothing() throws Exception {
        try (SqlitePhysicalStore server = SqlitePhysicalStore.open(db)) {
            server.readSealedKeyring();
            Map<Path, byte[]> before = TestFiles.snapshot(db.getParent());

            StoreInUseException e = assertThrows(StoreInUseException.class, () -> SqlitePhysicalStore.openForSoleUse(db));

            assertTrue(e.getMessage().contains("is in use by another process"), e.getMessage());
            TestFiles.assertSameFiles(before, TestFiles.snapshot(db.getParent()));
        }
    }

    @Test
    void openForSoleUse_keepsOtherConnectionsOut_untilItIsClosed() {
        try (SqlitePhysicalStore soleUser = SqlitePhysicalStore.openForSoleUse(db)) {
            assertEquals("test-kind", soleUser.readSealedKeyring().orElseThrow().rootKind());
            // What a server starting now would see, after its busy timeout.
            assertThrows(StorageException.class, () -> SqlitePhysicalStore.open(db).close());
        }
        try (SqlitePhysicalStore server = SqlitePhysicalStore.open(db)) {
            assertTrue(server.readSealedKeyring().isPresent());
        }
    }

    @Test
    void openForSoleUse_missingDatabase_throws_andCreatesNothing() {
        Path missing = dir.resolve("nothing-here").resolve("trent.db");

        StorageException e = assertThrows(StorageException.class, () -> SqlitePhysicalStore.openForSoleUse(missing));

        assertTrue(e.getMessage().contains("there is no Trent database at"), e.getMessage());
        assertFalse(Files.exists(missing.getParent()));
    }
}
