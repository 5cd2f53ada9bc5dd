package dev.trent.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.error.KmsException;

/**
 * The one place an error becomes a response. AWS KMS answers every client error with HTTP 400, whatever the
 * model's httpError trait says; only faults of the service are 500.
 */
public final class ErrorMapper {

    /** Status and body of an error response. */
    public record ErrorResponse(int status, ObjectNode body) {
    }

    private ErrorMapper() {
    }

    public static ErrorResponse map(KmsException e) {
        ObjectNode body = JsonRequest.JSON.createObjectNode();
        body.put("__type", e.errorType());
        e.awsMessage().ifPresent(m -> body.put("message", m));
        return new ErrorResponse(e.serverFault() ? 500 : 400, body);
    }
}
