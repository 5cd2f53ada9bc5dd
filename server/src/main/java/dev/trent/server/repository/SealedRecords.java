package dev.trent.server.repository;

import dev.trent.storage.Barrier;
import dev.trent.storage.Storage;
import dev.trent.storage.WriteBatch;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records that live beside keys (custom key stores, their passwords), sealed by the same barrier: the way other
 * packages store through the barrier without depending on the storage module. Each {@link #write} is one atomic
 * commit.
 */
public final class SealedRecords {

    private final Barrier barrier;

    public SealedRecords(Barrier barrier) {
        this.barrier = barrier;
    }

    /** Records kept in memory only: for servers that never store any. */
    public static SealedRecords inMemory() {
        return new SealedRecords(Storage.inMemory().barrier());
    }

    /** Every record whose path starts with {@code prefix}, opened. */
    public Map<String, byte[]> all(String prefix) {
        return barrier.getAll(prefix);
    }

    /** The path of every record whose path starts with {@code prefix}; their contents are not kept. */
    public List<String> paths(String prefix) {
        return barrier.paths(prefix);
    }

    /**
     * Once no record is left (after a wipe), takes the empty store as sound, so damage found when it was opened
     * is no longer reported; does nothing while any record remains or when nothing was found wrong.
     */
    public void forgetDamageOnceEmpty() {
        if (!barrier.integrity().isClean() && barrier.paths("").isEmpty()) {
            barrier.acceptCurrentState();
        }
    }

    /**
     * A key derived from the keyring for {@code purpose} alone: the same after a restart, a rotation or a rekey,
     * different in another store. The caller owns the returned array and should clear it.
     */
    public byte[] derivedKey(String purpose) {
        return barrier.derivedKey(purpose);
    }

    public Optional<byte[]> get(String path) {
        return barrier.get(path);
    }

    /** Writes {@code puts} and deletes {@code deletes} in one commit. */
    public void write(Map<String, byte[]> puts, Collection<String> deletes) {
        WriteBatch batch = new WriteBatch();
        puts.forEach(batch::put);
        deletes.forEach(batch::delete);
        barrier.commit(batch);
    }
}
