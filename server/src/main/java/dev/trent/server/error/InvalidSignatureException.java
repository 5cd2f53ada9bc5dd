package dev.trent.server.error;

/**
 * {@code InvalidSignatureException}: AWS's answer when a request's SigV4 signature or credential scope is wrong.
 * Not in the KMS model; every AWS JSON service sends it from its authentication layer, with HTTP 400 on KMS.
 */
public final class InvalidSignatureException extends KmsException {
    public InvalidSignatureException(String message) {
        super(message);
    }

    /** The credential scope names something that is not a Region. */
    public static InvalidSignatureException invalidRegion(String region) {
        return new InvalidSignatureException("Credential should be scoped to a valid region, not '" + region + "'.");
    }
}
