package dev.trent.storage;

import java.nio.file.Path;

/**
 * A key file that users other than its owner may read or write. Refused before its bytes are read, as ssh refuses
 * such a private key: whoever can read it, with the data dir, reads every stored key, and whoever can write it can
 * plant a key they know for a new data dir.
 */
public final class UnprotectedKeyFileException extends StorageException {

    UnprotectedKeyFileException(Path keyFile, String mode) {
        super("key file " + keyFile + " is open to other users (" + mode + "); a key file must be readable and writable"
                + " by its owner only: run chmod 600 " + keyFile);
    }
}
