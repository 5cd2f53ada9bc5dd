package dev.trent.server.query;

import java.util.Objects;

/** A refusal of an IAM or STS request, rendered once by {@link QueryService} as an ErrorResponse document. */
public final class QueryException extends RuntimeException {

    private final QueryError error;

    public QueryException(QueryError error, String message) {
        super(message, null, false, false);
        this.error = Objects.requireNonNull(error);
    }

    public QueryError error() {
        return error;
    }

    public static QueryException noSuchEntity(String message) {
        return new QueryException(QueryError.NO_SUCH_ENTITY, message);
    }

    public static QueryException alreadyExists(String message) {
        return new QueryException(QueryError.ENTITY_ALREADY_EXISTS, message);
    }

    public static QueryException validation(String message) {
        return new QueryException(QueryError.VALIDATION_ERROR, message);
    }

    public static QueryException invalidInput(String message) {
        return new QueryException(QueryError.INVALID_INPUT, message);
    }

    public static QueryException malformedPolicy(String message) {
        return new QueryException(QueryError.MALFORMED_POLICY_DOCUMENT, message);
    }

    public static QueryException deleteConflict(String message) {
        return new QueryException(QueryError.DELETE_CONFLICT, message);
    }

    public static QueryException limitExceeded(String message) {
        return new QueryException(QueryError.LIMIT_EXCEEDED, message);
    }
}
