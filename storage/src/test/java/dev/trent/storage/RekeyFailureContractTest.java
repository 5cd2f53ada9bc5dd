package dev.trent.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A rekey that fails between its steps leaves a store that opens with exactly one of the two roots, and reads
 * every record with it. Failures are injected around the one write; a real process death at the same points is
 * {@link SqliteRekeyProcessDeathTest}.
 */
abstract class RekeyFailureContractTest extends RekeyTestBase {

    private final RootOfTrustProvider newRoot = passphrase("new");

    @Test
    void failureJustBeforeTheWrite_leavesTheOldRootOnly() {
        StorageException e = assertThrows(StorageException.class, () -> rekeyThrough(failing(true, false)));

        assertTrue(e.getMessage().contains("nothing was written, so the data dir is still sealed with a key file"),
                e.getMessage());
        assertOpensOnlyWith(keyFileA, newRoot);
    }

    @Test
    void failureJustAfterTheWrite_leavesTheNewRootOnly() {
        StorageException e = assertThrows(StorageException.class, () -> rekeyThrough(failing(false, true)));

        assertTrue(e.getMessage().contains("it was written nonetheless, so the data dir is now sealed with a"
                + " passphrase"), e.getMessage());
        assertOpensOnlyWith(newRoot, keyFileA);
    }

    @Test
    void failureJustAfterTheWrite_whenTheStoreCannotBeReadEither_stillLeavesExactlyOneRoot() {
        PhysicalStore unreadableAfterWrite = new ForwardingPhysicalStore(store.open()) {
            private boolean written;

            @Override
            public boolean replaceSealedKeyringIfUnchanged(SealedKeyring expected, SealedKeyring replacement) {
                super.replaceSealedKeyringIfUnchanged(expected, replacement);
                written = true;
                throw new StorageException("injected: disk I/O error");
            }

            @Override
            public Optional<SealedKeyring> readSealedKeyring() {
                if (written) {
                    throw new StorageException("injected: disk I/O error");
                }
                return super.readSealedKeyring();
            }
        };

        StorageException e = assertThrows(StorageException.class, () -> rekeyThrough(unreadableAfterWrite));

        assertTrue(e.getMessage().contains("either the old or the new root of trust, never a mix"), e.getMessage());
        assertEquals(1, rootsThatOpen(keyFileA, newRoot).size());
        assertOpensOnlyWith(newRoot, keyFileA);
    }

    @Test
    void newRootFailingWhenReadBack_putsTheOldKeyringBack() {
        StorageException e = assertThrows(StorageException.class,
                () -> rekey(keyFileA, failsFromOpenNumber(2, newRoot)));

        assertTrue(e.getMessage().contains("the old keyring was put back: it is still sealed with a key file"),
                e.getMessage());
        assertOpensOnlyWith(keyFileA, newRoot);
    }

    @Test
    void newRootFailingWhenReadBack_andPuttingBackFailing_leavesTheNewRootOnly() {
        PhysicalStore writesOnce = new ForwardingPhysicalStore(store.open()) {
            private int writes;

            @Override
            public boolean replaceSealedKeyringIfUnchanged(SealedKeyring expected, SealedKeyring replacement) {
                if (++writes > 1) {
                    throw new StorageException("injected: disk full");
                }
                return super.replaceSealedKeyringIfUnchanged(expected, replacement);
            }
        };

        StorageException e = assertThrows(StorageException.class,
                () -> rekeyThrough(writesOnce, failsFromOpenNumber(2, newRoot)));

        assertTrue(e.getMessage().contains("putting the old keyring back failed"), e.getMessage());
        assertOpensOnlyWith(newRoot, keyFileA);
    }

    private void rekeyThrough(PhysicalStore physical) {
        rekeyThrough(physical, newRoot);
    }

    private void rekeyThrough(PhysicalStore physical, RootOfTrustProvider to) {
        try (physical) {
            Storage.rekey(physical, keyFileA, to);
        }
    }

    private PhysicalStore failing(boolean beforeWrite, boolean afterWrite) {
        return new ForwardingPhysicalStore(store.open()) {
            @Override
            public boolean replaceSealedKeyringIfUnchanged(SealedKeyring expected, SealedKeyring replacement) {
                if (beforeWrite) {
                    throw new StorageException("injected: disk I/O error");
                }
                boolean written = super.replaceSealedKeyringIfUnchanged(expected, replacement);
                if (afterWrite) {
                    throw new StorageException("injected: disk I/O error");
                }
                return written;
            }
        };
    }

    /** {@code provider}, except that its {@code open} throws from the {@code n}th call on. */
    private static RootOfTrustProvider failsFromOpenNumber(int n, RootOfTrustProvider provider) {
        AtomicInteger opens = new AtomicInteger();
        return new RootOfTrustProvider() {
            @Override
            public RootOfTrust initialize() {
                return provider.initialize();
            }

            @Override
            public RootOfTrust open(String storedKind, byte[] storedParameters) {
                if (opens.incrementAndGet() >= n) {
                    throw new StorageException("injected: the token went away");
                }
                return provider.open(storedKind, storedParameters);
            }
        };
    }
}
