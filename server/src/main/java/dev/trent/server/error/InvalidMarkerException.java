package dev.trent.server.error;

/** AWS KMS {@code InvalidMarkerException}. */
public final class InvalidMarkerException extends KmsException {
    public InvalidMarkerException(String message) {
        super(message);
    }
}
