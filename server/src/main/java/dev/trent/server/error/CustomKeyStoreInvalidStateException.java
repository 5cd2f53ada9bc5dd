package dev.trent.server.error;

/** AWS KMS {@code CustomKeyStoreInvalidStateException}. */
public final class CustomKeyStoreInvalidStateException extends KmsException {
    public CustomKeyStoreInvalidStateException(String message) {
        super(message);
    }
}
