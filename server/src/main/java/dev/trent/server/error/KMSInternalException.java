package dev.trent.server.error;

/** AWS KMS {@code KMSInternalException}: a fault of the service, never of the request. */
public final class KMSInternalException extends KmsException {
    public KMSInternalException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean serverFault() {
        return true;
    }
}
