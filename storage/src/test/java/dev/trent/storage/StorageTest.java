package dev.trent.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {

    private static final byte[] SECRET = "plaintext-canary-7f3a9c1e-never-on-disk".getBytes(UTF_8);

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("data").resolve("trent.db");
    }

    private Path keyFile() {
        return dir.resolve("trent.key");
    }

    private Storage openWithKeyFile(Path keyFile) {
        return Storage.open(SqlitePhysicalStore.open(db()), KeyFileRootOfTrust.provider(keyFile));
    }

    private void writeOneRecordAndClose(RootOfTrustProvider provider) {
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db()), provider)) {
            storage.barrier().commit(new WriteBatch().put("key/1/material/1", SECRET));
        }
    }

    @Test
    void inMemory_roundTripsRecords_underAnEphemeralRoot() {
        try (Storage storage = Storage.inMemory()) {
            assertEquals("ephemeral", storage.rootOfTrustKind());
            storage.barrier().commit(new WriteBatch().put("a", SECRET));
            assertArrayEquals(SECRET, storage.barrier().get("a").orElseThrow());
        }
    }

    @Test
    void open_emptyStore_storesRootKindParametersAndWrappedKeyring() {
        try (Storage storage = openWithKeyFile(keyFile())) {
            assertEquals("key-file", storage.rootOfTrustKind());
            assertEquals(1, storage.activeTerm());
        }
        try (SqlitePhysicalStore physical = SqlitePhysicalStore.open(db())) {
            SealedKeyring sealed = physical.readSealedKeyring().orElseThrow();
            assertEquals("key-file", sealed.rootKind());
            assertArrayEquals(new byte[0], sealed.rootParameters());
            assertTrue(sealed.wrappedKeyring().length > 1 + 4 + 4 + 36);
        }
    }

    @Test
    void reopen_sqliteFile_readsRecordsBack() {
        writeOneRecordAndClose(KeyFileRootOfTrust.provider(keyFile()));
        try (Storage storage = openWithKeyFile(keyFile())) {
            assertArrayEquals(SECRET, storage.barrier().get("key/1/material/1").orElseThrow());
            assertEquals(1, storage.barrier().getAll("key/").size());
        }
    }

    @Test
    void reopen_withPassphrase_readsRecordsBack() {
        writeOneRecordAndClose(PassphraseRootOfTrustTest.cheap("correct horse"));
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db()),
                PassphraseRootOfTrustTest.cheap("correct horse"))) {
            assertEquals("passphrase", storage.rootOfTrustKind());
            assertArrayEquals(SECRET, storage.barrier().get("key/1/material/1").orElseThrow());
        }
    }

    @Test
    void open_wrongKeyFile_throwsWrongRoot_andLeavesDatabaseBytesUnchanged() throws Exception {
        writeOneRecordAndClose(KeyFileRootOfTrust.provider(keyFile()));
        Map<Path, byte[]> before = TestFiles.snapshot(db().getParent());
        Path otherKey = dir.resolve("other.key");
        KeyFileRootOfTrust.provider(otherKey).initialize();
        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class, () -> openWithKeyFile(otherKey));
        assertTrue(e.getMessage().contains("other.key"), e.getMessage());
        TestFiles.assertSameFiles(before, TestFiles.snapshot(db().getParent()));
    }

    @Test
    void open_wrongPassphrase_throwsWrongRoot_andLeavesDatabaseBytesUnchanged() throws Exception {
        writeOneRecordAndClose(PassphraseRootOfTrustTest.cheap("correct horse"));
        Map<Path, byte[]> before = TestFiles.snapshot(db().getParent());
        assertThrows(WrongRootOfTrustException.class, () -> Storage.open(SqlitePhysicalStore.open(db()),
                PassphraseRootOfTrustTest.cheap("battery staple")));
        TestFiles.assertSameFiles(before, TestFiles.snapshot(db().getParent()));
    }

    @Test
    void open_missingKeyFileForExistingStore_throwsWithoutCreatingOne() throws Exception {
        writeOneRecordAndClose(KeyFileRootOfTrust.provider(keyFile()));
        Files.delete(keyFile());
        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class, () -> openWithKeyFile(keyFile()));
        assertTrue(e.getMessage().contains("not found; this data dir was sealed with a key file"), e.getMessage());
        assertFalse(Files.exists(keyFile()));
    }

    @Test
    void open_storeSealedWithKeyFile_givenPassphrase_throwsWrongRootNamingTheKind() {
        writeOneRecordAndClose(KeyFileRootOfTrust.provider(keyFile()));
        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class,
                () -> Storage.open(SqlitePhysicalStore.open(db()), PassphraseRootOfTrustTest.cheap("p")));
        assertTrue(e.getMessage().contains("sealed with a key file"), e.getMessage());
    }

    @Test
    void open_storeSealedWithEphemeralRoot_cannotBeReopened() {
        writeOneRecordAndClose(EphemeralRootOfTrust.provider());
        assertThrows(WrongRootOfTrustException.class,
                () -> Storage.open(SqlitePhysicalStore.open(db()), EphemeralRootOfTrust.provider()));
    }

    @Test
    void open_rootInitializationFails_leavesNoDatabaseOrDirectoryBehind() throws Exception {
        Files.write(keyFile(), new byte[5]);
        assertThrows(WrongRootOfTrustException.class, () -> openWithKeyFile(keyFile()));
        assertFalse(Files.exists(db().getParent()));
    }

    @Test
    void open_failure_closesThePhysicalStore() {
        writeOneRecordAndClose(KeyFileRootOfTrust.provider(keyFile()));
        SqlitePhysicalStore physical = SqlitePhysicalStore.open(db());
        assertThrows(WrongRootOfTrustException.class,
                () -> Storage.open(physical, KeyFileRootOfTrust.provider(dir.resolve("other.key"))));
        assertThrows(StorageException.class, physical::readSealedKeyring);
    }

    @Test
    void rawDatabaseAndWalFiles_neverContainPlaintext() throws Exception {
        Path wal = db().resolveSibling("trent.db-wal");
        try (Storage storage = openWithKeyFile(keyFile())) {
            for (int i = 0; i < 20; i++) {
                storage.barrier().commit(new WriteBatch().put("key/" + i + "/material/1", SECRET));
            }
            assertTrue(Files.size(wal) > 0, "the records should be in the WAL while the store is open");
            assertFalse(Bytes.fileContains(wal, SECRET));
            assertFalse(Bytes.fileContains(db(), SECRET));
        }
        assertTrue(Files.size(db()) > 0);
        assertFalse(Bytes.fileContains(db(), SECRET));
        assertFalse(Bytes.fileContains(wal, SECRET));
    }

    @Test
    void rotate_persistsAcrossReopen_andOldRecordsStillOpen() {
        try (Storage storage = openWithKeyFile(keyFile())) {
            storage.barrier().commit(new WriteBatch().put("old", new byte[] {1}));
            assertEquals(2, storage.rotateKeyring());
            storage.barrier().commit(new WriteBatch().put("new", new byte[] {2}));
        }
        try (Storage storage = openWithKeyFile(keyFile())) {
            assertEquals(2, storage.activeTerm());
            assertArrayEquals(new byte[] {1}, storage.barrier().get("old").orElseThrow());
            assertArrayEquals(new byte[] {2}, storage.barrier().get("new").orElseThrow());
        }
    }

    @Test
    void close_isIdempotent() {
        Storage storage = Storage.inMemory();
        storage.close();
        storage.close();
        assertThrows(StorageException.class, () -> storage.barrier().get("a"));
    }
}
