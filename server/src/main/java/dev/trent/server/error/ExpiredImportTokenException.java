package dev.trent.server.error;

/** AWS KMS {@code ExpiredImportTokenException}. */
public final class ExpiredImportTokenException extends KmsException {
    public ExpiredImportTokenException(String message) {
        super(message);
    }
}
