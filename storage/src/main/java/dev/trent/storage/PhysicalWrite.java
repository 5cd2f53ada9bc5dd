package dev.trent.storage;

import java.util.Objects;

/** One change to a {@link PhysicalStore}: put already-sealed bytes at a path, or delete the path. */
public final class PhysicalWrite {

    private final String path;
    private final byte[] sealedValue;

    private PhysicalWrite(String path, byte[] sealedValue) {
        this.path = RecordPaths.requireValidPath(path);
        this.sealedValue = sealedValue;
    }

    /** Stores a copy of {@code sealedValue} at {@code path}, replacing any value there. */
    public static PhysicalWrite put(String path, byte[] sealedValue) {
        return new PhysicalWrite(path, Objects.requireNonNull(sealedValue, "sealedValue").clone());
    }

    /** Removes {@code path}; deleting an absent path is not an error. */
    public static PhysicalWrite delete(String path) {
        return new PhysicalWrite(path, null);
    }

    public String path() {
        return path;
    }

    public boolean isDelete() {
        return sealedValue == null;
    }

    /** A copy of the sealed bytes of a put. @throws IllegalStateException for a delete */
    public byte[] sealedValue() {
        if (sealedValue == null) {
            throw new IllegalStateException("a delete has no value");
        }
        return sealedValue.clone();
    }

    @Override
    public String toString() {
        return (isDelete() ? "delete " : "put ") + path;
    }
}
