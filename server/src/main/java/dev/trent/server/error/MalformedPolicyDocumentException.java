package dev.trent.server.error;

/** AWS KMS {@code MalformedPolicyDocumentException}. */
public final class MalformedPolicyDocumentException extends KmsException {
    public MalformedPolicyDocumentException(String message) {
        super(message);
    }
}
