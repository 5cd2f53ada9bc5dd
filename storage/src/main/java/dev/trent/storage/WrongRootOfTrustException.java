package dev.trent.storage;

/**
 * The root of trust given at start-up cannot open this store's keyring: a different key file or passphrase,
 * a different kind of root than the store was sealed with, or a missing key file. The message is written for
 * an operator and says which of these it is. When this is thrown while opening a store, nothing was written.
 */
public class WrongRootOfTrustException extends StorageException {

    public WrongRootOfTrustException(String msg) {
        super(msg);
    }

    public WrongRootOfTrustException(String msg, Throwable cause) {
        super(msg, cause);
    }
}
