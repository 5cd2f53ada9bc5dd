package dev.trent.server.error;

/** AWS KMS {@code UnknownOperationException}. */
public final class UnknownOperationException extends KmsException {
    public UnknownOperationException(String message) {
        super(message);
    }
}
