package dev.trent.server.error;

/** AWS KMS {@code DisabledException}. */
public final class DisabledException extends KmsException {
    public DisabledException(String message) {
        super(message);
    }
}
