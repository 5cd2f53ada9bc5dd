package dev.trent.storage;

/**
 * The store is damaged beyond what can be confined to some keys: acknowledged commits are missing, the
 * integrity manifest is gone or damaged, or a database is missing where a store was made. Nothing was written;
 * serving it would hand out an older or partial state as if it were current.
 */
public final class StoreDamagedException extends StorageException {

    public StoreDamagedException(String msg) {
        super(msg);
    }
}
