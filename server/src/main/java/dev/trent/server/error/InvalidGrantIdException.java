package dev.trent.server.error;

/** AWS KMS {@code InvalidGrantIdException}: a GrantId that is not the form KMS issues. */
public final class InvalidGrantIdException extends KmsException {
    public InvalidGrantIdException(String message) {
        super(message);
    }
}
