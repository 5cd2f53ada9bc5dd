package dev.trent.server.error;

/** AWS KMS {@code CustomKeyStoreHasCMKsException}. */
public final class CustomKeyStoreHasCMKsException extends KmsException {
    public CustomKeyStoreHasCMKsException(String message) {
        super(message);
    }
}
