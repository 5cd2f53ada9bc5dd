package dev.trent.storage;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A {@link PhysicalStore} in this process's memory only; it writes nothing to disk and is lost on exit. */
public final class InMemoryPhysicalStore implements PhysicalStore {

    private SealedKeyring sealedKeyring;
    private final TreeMap<String, byte[]> records = new TreeMap<>();
    private boolean closed;

    @Override
    public synchronized Optional<SealedKeyring> readSealedKeyring() {
        requireOpen();
        return Optional.ofNullable(sealedKeyring);
    }

    @Override
    public synchronized void initialize(SealedKeyring sealedKeyring) {
        requireOpen();
        if (this.sealedKeyring != null) {
            throw new StorageException("the in-memory store is already initialized");
        }
        this.sealedKeyring = sealedKeyring;
    }

    @Override
    public synchronized void migrate() {
        requireReady();
    }

    @Override
    public synchronized void replaceSealedKeyring(SealedKeyring sealedKeyring) {
        requireReady();
        this.sealedKeyring = sealedKeyring;
    }

    @Override
    public synchronized boolean replaceSealedKeyringIfUnchanged(SealedKeyring expected, SealedKeyring replacement) {
        Objects.requireNonNull(replacement, "replacement");
        requireReady();
        if (!sealedKeyring.equals(expected)) {
            return false;
        }
        // One reference swap under the lock: readers see the old keyring or the new one, never a mix.
        sealedKeyring = replacement;
        return true;
    }

    @Override
    public synchronized Optional<byte[]> get(String path) {
        RecordPaths.requireValidPath(path);
        requireReady();
        return Optional.ofNullable(records.get(path)).map(byte[]::clone);
    }

    @Override
    public synchronized SortedMap<String, byte[]> scan(String prefix) {
        RecordPaths.requireValidPrefix(prefix);
        requireReady();
        TreeMap<String, byte[]> matches = new TreeMap<>();
        // Strings sharing a prefix are contiguous in any lexicographic order, starting at the prefix itself.
        for (Map.Entry<String, byte[]> entry : records.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            matches.put(entry.getKey(), entry.getValue().clone());
        }
        return matches;
    }

    @Override
    public synchronized void apply(List<PhysicalWrite> writes) {
        requireReady();
        // Each write was validated when it was built and the lock excludes readers, so nothing can fail or be seen
        // half-way through this loop: the batch is atomic.
        for (PhysicalWrite write : writes) {
            if (write.isDelete()) {
                records.remove(write.path());
            } else {
                records.put(write.path(), write.sealedValue());
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        records.clear();
        sealedKeyring = null;
    }

    @Override
    public String toString() {
        return "InMemoryPhysicalStore";
    }

    private void requireOpen() {
        if (closed) {
            throw new StorageException("the in-memory store is closed");
        }
    }

    private void requireReady() {
        requireOpen();
        if (sealedKeyring == null) {
            throw new StorageException("the in-memory store is not initialized");
        }
    }
}
