package dev.trent.storage;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Another Trent process (or another server in this process) holds the data dir's lock. Thrown before anything
 * in the data dir is created or written; the message names the holder as far as its lock file tells.
 */
public final class DataDirInUseException extends StoreInUseException {

    DataDirInUseException(Path dataDir, Optional<DataDirHolder> holder, boolean inThisProcess) {
        super("data dir " + dataDir + " is in use by another Trent" + (inThisProcess ? " in this process" : "")
                + holder.map(h -> " (" + h.describe() + ")").orElse(" (its lock file does not say which yet)"), null);
    }
}
