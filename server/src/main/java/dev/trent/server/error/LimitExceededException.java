package dev.trent.server.error;

/** AWS KMS {@code LimitExceededException}. */
public final class LimitExceededException extends KmsException {
    public LimitExceededException(String message) {
        super(message);
    }
}
