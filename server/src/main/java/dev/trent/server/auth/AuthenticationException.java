package dev.trent.server.auth;

import java.util.Objects;

/**
 * A request whose identity cannot be established. The {@link Failure} says which of AWS's answers applies;
 * each protocol renders it its own way (KMS's JSON {@code __type}, later IAM's and STS's XML codes), with this
 * exception's message, which is AWS's wording.
 */
public final class AuthenticationException extends RuntimeException {

    /** The kinds of refusal AWS's authentication layer distinguishes, with the awsJson error type of each. */
    public enum Failure {
        /** No Authorization header at all. */
        MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException"),
        /** An Authorization header that lacks a part, or a signed request without a date. */
        INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
        /** Unknown access key, or a session token that is not valid for it. */
        UNRECOGNIZED_CLIENT("UnrecognizedClientException"),
        /** Wrong signature, wrong scope, or a date more than the allowed skew away. */
        INVALID_SIGNATURE("InvalidSignatureException"),
        /** A session token whose time is over. */
        EXPIRED_TOKEN("ExpiredTokenException");

        private final String jsonType;

        Failure(String jsonType) {
            this.jsonType = jsonType;
        }

        /** The {@code __type} a JSON-protocol service such as KMS answers with. */
        public String jsonType() {
            return jsonType;
        }
    }

    private final Failure failure;

    public AuthenticationException(Failure failure, String message) {
        super(message, null, false, false);
        this.failure = Objects.requireNonNull(failure);
    }

    public Failure failure() {
        return failure;
    }

    static AuthenticationException missingToken() {
        return new AuthenticationException(Failure.MISSING_AUTHENTICATION_TOKEN,
                "Request is missing Authentication Token");
    }

    static AuthenticationException unrecognizedClient() {
        return new AuthenticationException(Failure.UNRECOGNIZED_CLIENT,
                "The security token included in the request is invalid.");
    }

    static AuthenticationException expiredToken() {
        return new AuthenticationException(Failure.EXPIRED_TOKEN,
                "The security token included in the request is expired");
    }

    static AuthenticationException signatureMismatch() {
        return new AuthenticationException(Failure.INVALID_SIGNATURE,
                "The request signature we calculated does not match the signature you provided. Check your AWS"
                        + " Secret Access Key and signing method. Consult the service documentation for details.");
    }

    static AuthenticationException invalidSignature(String message) {
        return new AuthenticationException(Failure.INVALID_SIGNATURE, message);
    }

    static AuthenticationException incomplete(String message) {
        return new AuthenticationException(Failure.INCOMPLETE_SIGNATURE, message);
    }
}
