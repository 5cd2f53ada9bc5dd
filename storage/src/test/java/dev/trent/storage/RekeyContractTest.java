package dev.trent.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link Storage#rekey} does on every {@link PhysicalStore}; run once per implementation. */
abstract class RekeyContractTest extends RekeyTestBase {

    @Test
    void rekey_keyFileToPassphrase_keepsEveryTermAndRecord_andTheKeyFileNoLongerOpens() {
        RekeyResult result = rekey(keyFileA, passphrase("one"));

        assertEquals(new RekeyResult("key-file", "passphrase", 2), result);
        assertOpensOnlyWith(passphrase("one"), keyFileA);
    }

    @Test
    void rekey_passphraseToKeyFile_andKeyFileToAnotherKeyFile_inTurn() {
        rekey(keyFileA, passphrase("one"));
        assertEquals(new RekeyResult("passphrase", "key-file", 2), rekey(passphrase("one"), keyFileA));
        assertOpensOnlyWith(keyFileA, passphrase("one"));

        assertEquals(new RekeyResult("key-file", "key-file", 2), rekey(keyFileA, keyFileB));
        assertOpensOnlyWith(keyFileB, keyFileA, passphrase("one"));
    }

    @Test
    void rekey_toAMissingKeyFile_createsItOwnerOnly() throws Exception {
        rekey(keyFileA, keyFileB);

        assertEquals(KeyFileRootOfTrust.KEY_FILE_BYTES, Files.size(keyFileB()));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(keyFileB()));
        assertOpensOnlyWith(keyFileB, keyFileA);
    }

    @Test
    void rekey_toANewPassphrase_storesANewSaltAndTheNewCost() {
        rekey(keyFileA, passphrase("one"));
        KdfParameters before = storedKdfParameters();
        PassphraseRootOfTrust.Cost newCost = new PassphraseRootOfTrust.Cost(128, 2, 1);

        rekey(passphrase("one"), PassphraseRootOfTrust.provider("two".toCharArray(), newCost));

        KdfParameters after = storedKdfParameters();
        assertEquals(newCost, after.cost());
        assertFalse(Arrays.equals(before.salt(), after.salt()), "a new passphrase gets a new salt");
        assertOpensOnlyWith(passphrase("two"), passphrase("one"), keyFileA);
    }

    @Test
    void rekey_withAWrongKeyFile_throwsWrongRoot_writesNothing_andCreatesNoNewKeyFile() throws Exception {
        RootOfTrustProvider otherKeyFile = KeyFileRootOfTrust.provider(dir.resolve("other.key"));
        otherKeyFile.initialize();
        Map<String, byte[]> before = contents();

        assertThrows(WrongRootOfTrustException.class, () -> rekey(otherKeyFile, keyFileB));

        assertSameContents(before, contents());
        assertFalse(Files.exists(keyFileB()), "the new root is made only once the old one has opened the keyring");
        assertOpensOnlyWith(keyFileA);
    }

    @Test
    void rekey_withTheWrongKindOfRoot_throwsWrongRoot_andWritesNothing() {
        Map<String, byte[]> before = contents();

        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class,
                () -> rekey(passphrase("one"), passphrase("two")));

        assertTrue(e.getMessage().contains("sealed with a key file"), e.getMessage());
        assertSameContents(before, contents());
    }

    @Test
    void rekey_toARootThatCannotBeMade_throwsWithoutWriting_andIsNotMistakenForAWrongOldRoot() throws Exception {
        Files.write(keyFileB(), new byte[5]);
        Map<String, byte[]> before = contents();

        StorageException e = assertThrows(StorageException.class, () -> rekey(keyFileA, keyFileB));

        assertFalse(e instanceof WrongRootOfTrustException, e.toString());
        assertTrue(e.getMessage().contains("the new root of trust cannot take over, so nothing was written"),
                e.getMessage());
        assertSameContents(before, contents());
        assertOpensOnlyWith(keyFileA);
    }

    @Test
    void rekey_toAnEphemeralKey_isRefused_becauseNothingCouldOpenTheStoreAgain() {
        Map<String, byte[]> before = contents();

        StorageException e = assertThrows(StorageException.class,
                () -> rekey(keyFileA, EphemeralRootOfTrust.provider()));

        assertTrue(e.getMessage().contains("ephemeral"), e.getMessage());
        assertSameContents(before, contents());
    }

    @Test
    void rekey_emptyStore_throws_andInitializesNothing() {
        try (PhysicalStore empty = store.openEmpty()) {
            assertThrows(StorageException.class, () -> Storage.rekey(empty, keyFileA, keyFileB));
            assertTrue(empty.readSealedKeyring().isEmpty());
        }
        assertFalse(Files.exists(keyFileB()));
    }

    @Test
    void rekey_whileAServerRotatesTheKeyring_writesNothing_andTheNewTermIsKept() {
        try (Storage running = Storage.open(store.open(), keyFileA)) {
            RootOfTrustProvider rotatesFirst = new RootOfTrustProvider() {
                @Override
                public RootOfTrust initialize() {
                    running.rotateKeyring();
                    return passphrase("one").initialize();
                }

                @Override
                public RootOfTrust open(String storedKind, byte[] storedParameters) {
                    return passphrase("one").open(storedKind, storedParameters);
                }
            };

            StorageException e = assertThrows(StorageException.class, () -> rekey(keyFileA, rotatesFirst));

            assertTrue(e.getMessage().contains("the keyring changed while it was being rekeyed"), e.getMessage());
        }
        try (Storage storage = Storage.open(store.open(), keyFileA)) {
            assertEquals(3, storage.activeTerm());
            assertArrayEquals(FIRST, storage.barrier().get("key/1/material/1").orElseThrow());
        }
    }

    private KdfParameters storedKdfParameters() {
        try (PhysicalStore physical = store.open()) {
            SealedKeyring sealed = physical.readSealedKeyring().orElseThrow();
            assertEquals("passphrase", sealed.rootKind());
            return KdfParameters.decode(sealed.rootParameters());
        }
    }

    private static void assertSameContents(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name + " changed"));
        assertNotEquals(0, expected.size());
    }
}
