package dev.trent.server.error;

/** AWS KMS {@code TagException}. */
public final class TagException extends KmsException {
    public TagException(String message) {
        super(message);
    }
}
