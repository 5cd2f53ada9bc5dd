package dev.trent.server.error;

/** AWS KMS {@code KMSInvalidMacException}; AWS sends it without a message. */
public final class KMSInvalidMacException extends KmsException {
    public KMSInvalidMacException() {
        super(null);
    }
}
