package dev.trent.storage;

/**
 * A failure of the storage layer: an I/O or database error, a malformed store, or a record that fails its
 * integrity check. Messages never contain secret or plaintext bytes; they may name record paths and files.
 */
public class StorageException extends RuntimeException {

    public StorageException(String msg) {
        super(msg);
    }

    public StorageException(String msg, Throwable cause) {
        super(msg, cause);
    }
}
