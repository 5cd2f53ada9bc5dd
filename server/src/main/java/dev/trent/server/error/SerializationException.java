package dev.trent.server.error;

/** AWS KMS {@code SerializationException}. */
public final class SerializationException extends KmsException {
    public SerializationException(String message) {
        super(message);
    }
}
