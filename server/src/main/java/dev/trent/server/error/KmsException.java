package dev.trent.server.error;

import java.util.Optional;

/**
 * An error AWS KMS defines, named by its wire {@code __type}. One subclass per type; the HTTP mapping lives in
 * one place ({@code dev.trent.server.api.ErrorMapper}). A null message means AWS sends none for this case
 * (e.g. InvalidCiphertextException), and then the response carries no {@code message} member.
 */
public abstract sealed class KmsException extends RuntimeException permits NotFoundException, InvalidGrantIdException, DisabledException, KMSInvalidStateException, AlreadyExistsException, InvalidAliasNameException, InvalidArnException, InvalidCiphertextException, IncorrectKeyException, InvalidKeyUsageException, InvalidMarkerException, KMSInvalidSignatureException, KMSInvalidMacException, LimitExceededException, TagException, UnsupportedOperationException, DryRunOperationException, ValidationException, AccessDeniedException, SerializationException, UnknownOperationException, InvalidGrantTokenException, MalformedPolicyDocumentException, KMSInternalException, InvalidImportTokenException, ExpiredImportTokenException, IncorrectKeyMaterialException, CustomKeyStoreNotFoundException, CustomKeyStoreNameInUseException, CustomKeyStoreHasCMKsException, CustomKeyStoreInvalidStateException, CloudHsmClusterNotFoundException, CloudHsmClusterInUseException, IncorrectTrustAnchorException, XksProxyUriUnreachableException, InvalidSignatureException, ThrottlingException {

    protected KmsException(String message) {
        super(message, null, false, false);
    }

    protected KmsException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The wire name, e.g. {@code NotFoundException}. */
    public final String errorType() {
        return getClass().getSimpleName();
    }

    /** AWS's verbatim message, absent where AWS sends none. */
    public final Optional<String> awsMessage() {
        return Optional.ofNullable(getMessage());
    }

    /** True for faults of the service rather than of the request; these map to HTTP 500. */
    public boolean serverFault() {
        return false;
    }
}
