package dev.trent.server.error;

/** AWS KMS {@code NotFoundException}. */
public final class NotFoundException extends KmsException {
    public NotFoundException(String message) {
        super(message);
    }
}
