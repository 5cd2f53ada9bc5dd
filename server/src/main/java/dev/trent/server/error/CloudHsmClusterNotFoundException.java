package dev.trent.server.error;

/** AWS KMS {@code CloudHsmClusterNotFoundException}. */
public final class CloudHsmClusterNotFoundException extends KmsException {
    public CloudHsmClusterNotFoundException(String message) {
        super(message);
    }
}
