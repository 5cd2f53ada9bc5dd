package dev.trent.storage;

/**
 * A stored value did not open: its authentication tag failed, it was sealed under a term the keyring does not
 * hold, it is malformed, or it was sealed for a different path (a moved or copied row). The barrier never
 * returns bytes from such a value. The message names the path, never the value.
 */
public class BarrierIntegrityException extends StorageException {

    private final String path;

    public BarrierIntegrityException(String path, String reason) {
        super("record '" + path + "' failed its integrity check: " + reason);
        this.path = path;
    }

    /** The path of the record that failed to open. */
    public String path() {
        return path;
    }
}
