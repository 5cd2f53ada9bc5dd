package dev.trent.server.error;

/** AWS KMS {@code InvalidKeyUsageException}. */
public final class InvalidKeyUsageException extends KmsException {
    public InvalidKeyUsageException(String message) {
        super(message);
    }
}
