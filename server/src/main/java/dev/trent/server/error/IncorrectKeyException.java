package dev.trent.server.error;

/** AWS KMS {@code IncorrectKeyException}. */
public final class IncorrectKeyException extends KmsException {
    public IncorrectKeyException(String message) {
        super(message);
    }
}
