package dev.trent.storage;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Where sealed records and the sealed keyring are kept. A physical store never sees plaintext and does no
 * cryptography: the {@link Barrier} seals every value before it gets here.
 *
 * <p>Lifecycle: a fresh store is {@link #initialize initialized} once; an existing one is opened,
 * {@link #readSealedKeyring() read}, and only after its root of trust is verified {@link #migrate() migrated}.
 * Record operations are refused until then, so a wrong root of trust can never cause a write.
 *
 * <p>Implementations are thread-safe. Every method throws {@link StorageException} on failure, and on any method
 * called after {@link #close()}.
 */
public interface PhysicalStore extends AutoCloseable {

    /** The stored root kind, parameters and wrapped keyring; empty for a never-initialized store. Writes nothing. */
    Optional<SealedKeyring> readSealedKeyring();

    /**
     * Turns an empty store into an initialized one: schema and {@code sealedKeyring} in one atomic step.
     *
     * @throws StorageException if the store is already initialized
     */
    void initialize(SealedKeyring sealedKeyring);

    /**
     * Makes an initialized store ready for record writes: proves it can be written (a store that can only be read
     * fails here, with {@link ReadOnlyStoreException}, not on its first real write), then brings its schema up to
     * date. Call only after the root of trust has opened the keyring. Idempotent; changes no stored value when the
     * schema is current.
     */
    void migrate();

    /** Atomically replaces the sealed keyring (after a rotation, or a rekey under a new root). */
    void replaceSealedKeyring(SealedKeyring sealedKeyring);

    /**
     * Replaces root kind, root parameters and wrapped keyring in one atomic, durable step, but only if the stored
     * sealed keyring still {@link SealedKeyring#equals equals} {@code expected}; otherwise writes nothing. After a
     * crash either the whole replacement is visible or none of it. A rekey uses this so it can never overwrite a
     * keyring that gained a term after it was read.
     *
     * @return whether the replacement was written
     */
    boolean replaceSealedKeyringIfUnchanged(SealedKeyring expected, SealedKeyring replacement);

    /** The sealed bytes at {@code path} (a copy), or empty. */
    Optional<byte[]> get(String path);

    /** Every record whose path starts with {@code prefix} (literally: no wildcards), sorted by path. */
    SortedMap<String, byte[]> scan(String prefix);

    /** Applies {@code writes} in order, atomically and durably: after a crash either all are visible or none. */
    void apply(List<PhysicalWrite> writes);

    /** Releases the store; idempotent. */
    @Override
    void close();
}
