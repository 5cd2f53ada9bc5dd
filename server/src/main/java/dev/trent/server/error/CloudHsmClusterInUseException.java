package dev.trent.server.error;

/** AWS KMS {@code CloudHsmClusterInUseException}. */
public final class CloudHsmClusterInUseException extends KmsException {
    public CloudHsmClusterInUseException(String message) {
        super(message);
    }
}
