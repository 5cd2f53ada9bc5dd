package dev.trent.server.error;

/** AWS KMS {@code InvalidArnException}. */
public final class InvalidArnException extends KmsException {
    public InvalidArnException(String message) {
        super(message);
    }
}
