package dev.trent.server.query;

/**
 * The error codes IAM and STS answer with in the query protocol, each with the HTTP status and fault the service
 * models give it ({@code iam-service-2.json}, {@code sts-service-2.json}) or, for the authentication codes, the
 * status AWS answers with.
 */
public enum QueryError {
    NO_SUCH_ENTITY("NoSuchEntity", 404),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
    DELETE_CONFLICT("DeleteConflict", 409),
    LIMIT_EXCEEDED("LimitExceeded", 409),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    INVALID_INPUT("InvalidInput", 400),
    VALIDATION_ERROR("ValidationError", 400),
    MISSING_PARAMETER("MissingParameter", 400),
    INVALID_ACTION("InvalidAction", 400),
    ACCESS_DENIED("AccessDenied", 403),
    PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
    EXPIRED_TOKEN("ExpiredToken", 403),
    THROTTLING("Throttling", 400),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, false),
    SERVICE_FAILURE("ServiceFailure", 500, false);

    private final String code;
    private final int status;
    private final boolean senderFault;

    QueryError(String code, int status) {
        this(code, status, true);
    }

    QueryError(String code, int status, boolean senderFault) {
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** {@code Sender} or {@code Receiver}, the Type element of the error. */
    public String type() {
        return senderFault ? "Sender" : "Receiver";
    }
}
