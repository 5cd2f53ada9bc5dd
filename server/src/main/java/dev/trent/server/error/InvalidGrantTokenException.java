package dev.trent.server.error;

/** AWS KMS {@code InvalidGrantTokenException}. */
public final class InvalidGrantTokenException extends KmsException {
    public InvalidGrantTokenException(String message) {
        super(message);
    }
}
