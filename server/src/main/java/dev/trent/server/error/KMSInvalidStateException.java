package dev.trent.server.error;

/** AWS KMS {@code KMSInvalidStateException}. */
public final class KMSInvalidStateException extends KmsException {
    public KMSInvalidStateException(String message) {
        super(message);
    }
}
