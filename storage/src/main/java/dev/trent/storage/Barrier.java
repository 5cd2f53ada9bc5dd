package dev.trent.storage;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The only code that encrypts or decrypts anything at rest. Every value is sealed with AES-256-GCM under the
 * keyring's active term, with the record's path as additional authenticated data: a value opens only at the path
 * it was written to, unaltered, under a term the keyring still holds; otherwise reading it throws
 * {@link BarrierIntegrityException} and no bytes of it are returned.
 *
 * <p>Paths are 1..1024 chars of well-formed UTF-16 without NUL; an invalid path or prefix is an
 * {@link IllegalArgumentException}. Paths themselves are stored in the clear: put nothing secret in a path.
 * Implementations are thread-safe; returned arrays and maps are the caller's to keep or change.
 */
public interface Barrier {

    /** The plaintext at {@code path}, or empty if there is no record there. */
    Optional<byte[]> get(String path);

    /**
     * Every record whose path starts with {@code prefix} (a literal prefix; the empty prefix means all records),
     * decrypted, sorted by path. If any of them fails to open the whole call throws.
     */
    SortedMap<String, byte[]> getAll(String prefix);

    /**
     * Every record under {@code prefix} that opens and that the integrity manifest vouches for; each other one
     * is told to {@code damaged}, with why, and left out. For loading a store whose damage is confined.
     */
    SortedMap<String, byte[]> getAllIntact(String prefix, DamageSink damaged);

    /** What opening the store found about its integrity, until {@link #acceptCurrentState()}. */
    IntegrityReport integrity();

    /** The path of every record under {@code prefix}, damaged or not, without opening any. */
    List<String> paths(String prefix);

    /**
     * Takes the records as they are now as the truth: the integrity manifest is computed afresh from them and
     * nothing is suspect any more. For after every damaged record has been deleted (a wipe), or when an operator
     * has decided to keep what is left.
     */
    void acceptCurrentState();

    /** Told of each record that cannot be served. */
    @FunctionalInterface
    interface DamageSink {
        void damaged(String path, String reason);
    }

    /** Seals and writes every change in {@code batch} atomically: afterwards all of them are visible, or none. */
    void commit(WriteBatch batch);

    /**
     * A 32-byte key bound to {@code purpose} (1 to 256 characters), for data the server must authenticate but not
     * store, such as the tokens it hands out. Derived with HKDF-SHA256 from the keyring's first term and the
     * purpose: the same for the life of the store (rotation and rekeying keep every term), different for each
     * purpose and for each store, and unrelated to the keys that seal records. The caller owns the returned array
     * and should zero it when done.
     */
    byte[] derivedKey(String purpose);
}
