package dev.trent.server.error;

/** AWS KMS {@code InvalidCiphertextException}; AWS sends it without a message. */
public final class InvalidCiphertextException extends KmsException {
    public InvalidCiphertextException() {
        super(null);
    }
}
