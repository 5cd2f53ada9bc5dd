package dev.trent.server.error;

/** AWS KMS {@code ValidationException}. */
public final class ValidationException extends KmsException {
    public ValidationException(String message) {
        super(message);
    }
}
