package dev.trent.pkcs11;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.pkcs11.Pkcs11Exception.Reason;
import dev.trent.storage.KeyFileRootOfTrust;
import dev.trent.storage.RootOfTrustProvider;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.Storage;
import dev.trent.storage.StorageException;
import dev.trent.storage.WriteBatch;
import dev.trent.storage.WrongRootOfTrustException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A SQLite store sealed by a key in a SoftHSM2 token: it opens with that token only, and failures write nothing. */
class Pkcs11StorageTest {

    private static final byte[] SECRET = "plaintext-canary-never-on-disk".getBytes(UTF_8);
    private static final String RECORD = "key/1/material/1";
    private static final String KEY = Pkcs11RootOfTrust.DEFAULT_KEY_LABEL;

    @TempDir
    Path dir;

    @RegisterExtension
    final FreshSoftHsmToken softHsm = new FreshSoftHsmToken();

    private Path dataDir() {
        return dir.resolve("data");
    }

    private Path db() {
        return dataDir().resolve("trent.db");
    }

    private Pkcs11RootOfTrustProvider provider(Path library, char[] pin) {
        return Pkcs11RootOfTrust.provider(library, softHsm.label(), pin, KEY);
    }

    private void writeOneRecordAndClose() {
        try (Pkcs11RootOfTrustProvider provider = provider(softHsm.library(), softHsm.pin());
             Storage storage = Storage.open(SqlitePhysicalStore.open(db()), provider)) {
            assertEquals("pkcs11", storage.rootOfTrustKind());
            storage.barrier().commit(new WriteBatch().put(RECORD, SECRET));
        }
    }

    /** Opening must fail with {@code expected} and leave the data dir exactly as it was. */
    private <T extends StorageException> T assertOpenFailsWritingNothing(Class<T> expected,
                                                                          RootOfTrustProvider provider) throws Exception {
        Map<Path, byte[]> before = FileSnapshots.of(dataDir());
        T e = assertThrows(expected, () -> Storage.open(SqlitePhysicalStore.open(db()), provider));
        FileSnapshots.assertUnchanged(before, dataDir());
        return e;
    }

    @Test
    void reopen_withTheSameToken_afterARestart_readsRecordsBack() {
        writeOneRecordAndClose();

        try (Pkcs11RootOfTrustProvider provider = provider(softHsm.freshLibrary(), softHsm.pin());
             Storage storage = Storage.open(SqlitePhysicalStore.open(db()), provider)) {
            assertFalse(provider.createdKey());
            assertArrayEquals(SECRET, storage.barrier().get(RECORD).orElseThrow());
        }
    }

    @Test
    void open_wrongPin_throwsWrongRootAndWritesNothing() throws Exception {
        writeOneRecordAndClose();

        try (Pkcs11RootOfTrustProvider provider = provider(softHsm.library(), "not-the-pin".toCharArray())) {
            WrongRootOfTrustException e = assertOpenFailsWritingNothing(WrongRootOfTrustException.class, provider);
            assertEquals(Reason.WRONG_PIN, assertInstanceOf(Pkcs11Exception.class, e.getCause()).reason());
        }
    }

    @Test
    void open_keyDeletedFromToken_throwsWrongRoot_writesNothing_andCreatesNoKey() throws Exception {
        writeOneRecordAndClose();
        try (Pkcs11Token token = Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin())) {
            assertTrue(token.deleteKey(KEY));
        }

        try (Pkcs11RootOfTrustProvider provider = provider(softHsm.library(), softHsm.pin())) {
            WrongRootOfTrustException e = assertOpenFailsWritingNothing(WrongRootOfTrustException.class, provider);
            assertEquals(Reason.KEY_NOT_FOUND, assertInstanceOf(Pkcs11Exception.class, e.getCause()).reason());
        }
        try (Pkcs11Token token = Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin())) {
            assertFalse(token.hasKey(KEY));
        }
    }

    @Test
    void open_withoutTheToken_theDataDirIsUnusable() throws Exception {
        writeOneRecordAndClose();
        String label = softHsm.label();
        softHsm.replace();

        try (Pkcs11RootOfTrustProvider provider = Pkcs11RootOfTrust.provider(softHsm.library(), label,
                softHsm.pin(), KEY)) {
            WrongRootOfTrustException e = assertOpenFailsWritingNothing(WrongRootOfTrustException.class, provider);
            assertEquals(Reason.TOKEN_NOT_FOUND, assertInstanceOf(Pkcs11Exception.class, e.getCause()).reason());
            assertTrue(e.getMessage().startsWith("no token labelled '" + label + "'"), e.getMessage());
        }
    }

    @Test
    void open_storeSealedWithKeyFile_throwsWrongRootNamingTheKind() throws Exception {
        Path keyFile = dir.resolve("master.key");
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db()), KeyFileRootOfTrust.provider(keyFile))) {
            storage.barrier().commit(new WriteBatch().put(RECORD, SECRET));
        }

        try (Pkcs11RootOfTrustProvider provider = provider(softHsm.library(), softHsm.pin())) {
            WrongRootOfTrustException e = assertOpenFailsWritingNothing(WrongRootOfTrustException.class, provider);
            assertTrue(e.getMessage().contains("sealed with a key file"), e.getMessage());
        }
    }

    @Test
    void open_storeSealedWithPkcs11_givenKeyFile_namesThePkcs11Root() throws Exception {
        writeOneRecordAndClose();

        WrongRootOfTrustException e = assertOpenFailsWritingNothing(WrongRootOfTrustException.class,
                KeyFileRootOfTrust.provider(dir.resolve("master.key")));

        assertTrue(e.getMessage().contains("sealed with a key in a PKCS#11 token"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("master.key")));
    }

    @Test
    void newDataDir_tokenUnusable_leavesNoDataDirBehind() {
        Path missingLibrary = dir.resolve("missing.so");
        for (RootOfTrustProvider provider : new RootOfTrustProvider[] {
            provider(softHsm.library(), "not-the-pin".toCharArray()),
            Pkcs11RootOfTrust.provider(softHsm.library(), "no-such-token", softHsm.pin(), KEY),
            provider(missingLibrary, softHsm.pin()),
        }) {
            StorageException e = assertThrows(StorageException.class,
                    () -> Storage.open(SqlitePhysicalStore.open(db()), provider));

            assertInstanceOf(Pkcs11Exception.class, e.getCause(), e.toString());
            assertFalse(Files.exists(dataDir()), provider + " left " + dataDir() + " behind");
        }
    }
}
