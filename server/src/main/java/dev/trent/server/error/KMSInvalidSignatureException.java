package dev.trent.server.error;

/** AWS KMS {@code KMSInvalidSignatureException}; AWS sends it without a message. */
public final class KMSInvalidSignatureException extends KmsException {
    public KMSInvalidSignatureException() {
        super(null);
    }
}
