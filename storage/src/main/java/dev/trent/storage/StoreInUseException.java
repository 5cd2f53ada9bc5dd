package dev.trent.storage;

/**
 * The store is open elsewhere (typically a running Trent server), and the operation needs it to itself. Thrown
 * before anything is read or written.
 */
public class StoreInUseException extends StorageException {

    public StoreInUseException(String msg, Throwable cause) {
        super(msg, cause);
    }
}
