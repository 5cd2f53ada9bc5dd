package dev.trent.server.error;

/** AWS KMS {@code CustomKeyStoreNotFoundException}. */
public final class CustomKeyStoreNotFoundException extends KmsException {
    public CustomKeyStoreNotFoundException(String message) {
        super(message);
    }
}
