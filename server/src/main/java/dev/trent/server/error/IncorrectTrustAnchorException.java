package dev.trent.server.error;

/** AWS KMS {@code IncorrectTrustAnchorException}. */
public final class IncorrectTrustAnchorException extends KmsException {
    public IncorrectTrustAnchorException(String message) {
        super(message);
    }
}
