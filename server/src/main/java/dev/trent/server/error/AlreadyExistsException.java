package dev.trent.server.error;

/** AWS KMS {@code AlreadyExistsException}. */
public final class AlreadyExistsException extends KmsException {
    public AlreadyExistsException(String message) {
        super(message);
    }
}
