package dev.trent.server.error;

/** AWS KMS {@code InvalidImportTokenException}. */
public final class InvalidImportTokenException extends KmsException {
    public InvalidImportTokenException(String message) {
        super(message);
    }
}
