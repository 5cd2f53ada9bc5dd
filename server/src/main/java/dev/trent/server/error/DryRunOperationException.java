package dev.trent.server.error;

/** AWS KMS {@code DryRunOperationException}. */
public final class DryRunOperationException extends KmsException {
    public DryRunOperationException(String message) {
        super(message);
    }
}
