package dev.trent.server.error;

/** AWS KMS {@code InvalidAliasNameException}. */
public final class InvalidAliasNameException extends KmsException {
    public InvalidAliasNameException(String message) {
        super(message);
    }
}
