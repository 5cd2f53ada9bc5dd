package dev.trent.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to commit through the {@link Barrier} together. A later change to the same path replaces an earlier one
 * in the same batch. Values are copied when added. Not thread-safe.
 */
public final class WriteBatch {

    // A null value marks a delete.
    private final Map<String, byte[]> changes = new LinkedHashMap<>();

    /**
     * Writes {@code value} at {@code path}.
     *
     * @throws IllegalArgumentException if {@code path} breaks the barrier's path rules
     */
    public WriteBatch put(String path, byte[] value) {
        RecordPaths.requireValidPath(path);
        Objects.requireNonNull(value, "value");
        changes.remove(path);
        changes.put(path, value.clone());
        return this;
    }

    /** Removes the record at {@code path}, if any. */
    public WriteBatch delete(String path) {
        RecordPaths.requireValidPath(path);
        changes.remove(path);
        changes.put(path, null);
        return this;
    }

    /** The paths this batch writes or deletes, in the order they were last changed. */
    public java.util.Set<String> paths() {
        return Collections.unmodifiableSet(changes.keySet());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes in the order they were last made; a null value is a delete. */
    Map<String, byte[]> changes() {
        return Collections.unmodifiableMap(changes);
    }

    @Override
    public String toString() {
        return "WriteBatch[" + changes.size() + " changes]";
    }
}
