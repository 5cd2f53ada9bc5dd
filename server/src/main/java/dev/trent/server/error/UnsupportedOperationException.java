package dev.trent.server.error;

/** AWS KMS {@code UnsupportedOperationException}. */
public final class UnsupportedOperationException extends KmsException {
    public UnsupportedOperationException(String message) {
        super(message);
    }
}
