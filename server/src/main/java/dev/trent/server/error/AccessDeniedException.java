package dev.trent.server.error;

/** AWS KMS {@code AccessDeniedException}. */
public final class AccessDeniedException extends KmsException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
