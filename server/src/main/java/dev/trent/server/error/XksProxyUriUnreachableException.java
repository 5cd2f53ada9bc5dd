package dev.trent.server.error;

/** AWS KMS {@code XksProxyUriUnreachableException}. */
public final class XksProxyUriUnreachableException extends KmsException {
    public XksProxyUriUnreachableException(String message) {
        super(message);
    }
}
