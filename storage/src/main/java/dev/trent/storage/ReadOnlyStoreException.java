package dev.trent.storage;

import java.nio.file.Path;
import org.sqlite.SQLiteException;

/**
 * The database can be read but not written (file or directory permissions, a read-only mount, a file SQLite
 * opens read-only). Thrown at start, before anything is written, instead of failing every later write.
 */
public final class ReadOnlyStoreException extends StorageException {

    ReadOnlyStoreException(Path databaseFile, SQLiteException cause) {
        super("database " + databaseFile + " is read-only (" + cause.getResultCode().name() + "); Trent must write to it:"
                + " make the file and its directory writable by the user running Trent, on a file system mounted"
                + " read-write, then start again", cause);
    }
}
