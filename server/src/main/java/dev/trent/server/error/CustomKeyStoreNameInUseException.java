package dev.trent.server.error;

/** AWS KMS {@code CustomKeyStoreNameInUseException}. */
public final class CustomKeyStoreNameInUseException extends KmsException {
    public CustomKeyStoreNameInUseException(String message) {
        super(message);
    }
}
