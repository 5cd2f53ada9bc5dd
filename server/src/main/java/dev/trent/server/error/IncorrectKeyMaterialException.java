package dev.trent.server.error;

/** AWS KMS {@code IncorrectKeyMaterialException}. */
public final class IncorrectKeyMaterialException extends KmsException {
    public IncorrectKeyMaterialException(String message) {
        super(message);
    }
}
