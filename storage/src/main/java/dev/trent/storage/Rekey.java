package dev.trent.storage;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The steps of {@link Storage#rekey}. Their order is what makes a rekey crash-safe: nothing is written until the
 * old root has opened the keyring and the new root has opened the re-wrapped keyring from the parameters that will
 * be stored; then a single compare-and-swap write moves the store from one root to the other. Before that write
 * only the old root opens the store, after it only the new one.
 */
final class Rekey {

    private Rekey() {}

    static RekeyResult run(PhysicalStore physical, RootOfTrustProvider from, RootOfTrustProvider to) {
        Objects.requireNonNull(physical, "physical");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        SealedKeyring stored = physical.readSealedKeyring()
                .orElseThrow(() -> new StorageException(physical + " is empty: there is no keyring to rekey"));
        Keyring keyring = Storage.unwrapKeyring(Storage.openRoot(from, stored), stored);
        // The old root is proven, so the store may now be written to (and must be current to take the swap).
        physical.migrate();
        SealedKeyring rekeyed = sealUnderNewRoot(to, keyring);
        swap(physical, stored, rekeyed);
        verifyOrRestore(physical, to, keyring, stored, rekeyed);
        return new RekeyResult(stored.rootKind(), rekeyed.rootKind(), keyring.terms().size());
    }

    /** The one write of a rekey. */
    private static void swap(PhysicalStore physical, SealedKeyring stored, SealedKeyring rekeyed) {
        boolean swapped;
        try {
            swapped = physical.replaceSealedKeyringIfUnchanged(stored, rekeyed);
        } catch (RuntimeException e) {
            // The write may have happened before the failure was noticed; tell the operator what is stored now.
            throw new StorageException("writing the rekeyed keyring failed (" + messageOf(e) + "); "
                    + whatIsStoredNow(physical, stored, rekeyed), e);
        }
        if (!swapped) {
            throw new StorageException("the keyring changed while it was being rekeyed (is a server using this data"
                    + " dir?); nothing was written, so it is still sealed with " + RootKinds.describe(stored.rootKind()));
        }
    }

    private static String whatIsStoredNow(PhysicalStore physical, SealedKeyring old, SealedKeyring rekeyed) {
        try {
            SealedKeyring now = physical.readSealedKeyring().orElse(null);
            if (rekeyed.equals(now)) {
                return "it was written nonetheless, so the data dir is now sealed with "
                        + RootKinds.describe(rekeyed.rootKind());
            }
            if (old.equals(now)) {
                return "nothing was written, so the data dir is still sealed with " + RootKinds.describe(old.rootKind());
            }
        } catch (RuntimeException ignored) {
            // Reading fails the same way as writing did; the atomic write still rules out a mix.
        }
        return "the data dir is sealed with either the old or the new root of trust, never a mix of the two";
    }

    private static SealedKeyring sealUnderNewRoot(RootOfTrustProvider to, Keyring keyring) {
        try {
            RootOfTrust root = to.initialize();
            if (RootKinds.EPHEMERAL.equals(root.kind())) {
                throw new StorageException("an ephemeral in-memory key is lost when its process ends, so nothing sealed"
                        + " with it could be opened again");
            }
            SealedKeyring rekeyed = Storage.seal(root, keyring);
            // As a later start would: a root rebuilt by the provider from the stored kind and parameters alone.
            requireOpensToSameKeys(to, rekeyed, keyring);
            return rekeyed;
        } catch (RuntimeException e) {
            // Not a WrongRootOfTrustException: callers read that as "the old root does not fit".
            throw new StorageException("the new root of trust cannot take over, so nothing was written: "
                    + messageOf(e), e);
        }
    }

    /**
     * Reads the store back and opens it with {@code to}. If that fails, puts the old sealed keyring back, so the
     * store is left with a root that opens it.
     */
    private static void verifyOrRestore(PhysicalStore physical, RootOfTrustProvider to, Keyring keyring,
                                        SealedKeyring old, SealedKeyring rekeyed) {
        try {
            SealedKeyring readBack = physical.readSealedKeyring()
                    .orElseThrow(() -> new StorageException("the keyring is missing after it was written"));
            requireOpensToSameKeys(to, readBack, keyring);
        } catch (RuntimeException failure) {
            boolean restored;
            try {
                restored = physical.replaceSealedKeyringIfUnchanged(rekeyed, old);
            } catch (RuntimeException restoreFailure) {
                failure.addSuppressed(restoreFailure);
                restored = false;
            }
            String outcome = restored
                    ? "so the old keyring was put back: it is still sealed with " + RootKinds.describe(old.rootKind())
                    : "and putting the old keyring back failed: it is sealed with one of the two roots of trust, most"
                            + " likely the new one";
            throw new StorageException("the rekeyed keyring did not open with the new root of trust when read back, "
                    + outcome + " (" + messageOf(failure) + ")", failure);
        }
    }

    private static void requireOpensToSameKeys(RootOfTrustProvider provider, SealedKeyring sealed, Keyring expected) {
        Keyring opened = Storage.unwrapKeyring(Storage.openRoot(provider, sealed), sealed);
        byte[] openedBytes = opened.serialize();
        byte[] expectedBytes = expected.serialize();
        try {
            if (!MessageDigest.isEqual(openedBytes, expectedBytes)) {
                throw new StorageException("the re-wrapped keyring opened to different keys");
            }
        } finally {
            Arrays.fill(openedBytes, (byte) 0);
            Arrays.fill(expectedBytes, (byte) 0);
        }
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
