package dev.trent.server.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Events of what Trent does by itself, under its own event source. */
public final class TrentEvents {

    /** The event source of Trent's own actions, beside {@code kms.amazonaws.com}. */
    public static final String EVENT_SOURCE = "trent.local";

    private TrentEvents() {
    }

    /**
     * A call to the admin API ({@code POST /_trent/clock}, ...): named by its method and path, with the path and
     * the JSON body (secrets left out) as request parameters.
     */
    public static ApiCall adminCall(String method, String path, byte[] body, String region, UserIdentity identity,
                                    String sourceIp, String userAgent, String requestId) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("path", path);
        try {
            ObjectNode recorded = body.length == 0 ? null : Redaction.of(ChainEntry.JSON.readTree(body));
            if (recorded != null) {
                parameters.set("body", recorded);
            }
        } catch (java.io.IOException e) {
            // A body that is no JSON is refused by the endpoint; the event records the path alone.
        }
        return new ApiCall(EVENT_SOURCE, method + " " + path, region, identity, sourceIp, userAgent, requestId,
                parameters, false, List.of());
    }

    /** How an admin answer of {@code status} with JSON {@code body} ended. */
    public static ApiCall.Outcome adminOutcome(int status, byte[] body) {
        if (status < 400) {
            return ApiCall.Outcome.succeeded(null, List.of());
        }
        try {
            com.fasterxml.jackson.databind.JsonNode error = ChainEntry.JSON.readTree(body);
            return ApiCall.Outcome.refused(error.path("error").asText(String.valueOf(status)),
                    error.path("message").asText(null));
        } catch (java.io.IOException | RuntimeException e) {
            return ApiCall.Outcome.refused(String.valueOf(status), null);
        }
    }

    /** A reset of all state, which is also the first event of the chain it starts. */
    public static AuditEvent reset(Instant time, String account, String region) {
        ObjectNode identity = JsonNodeFactory.instance.objectNode().put("type", "AWSService")
                .put("invokedBy", EVENT_SOURCE);
        return new AuditEvent(time, EVENT_SOURCE, "ResetState", region, EVENT_SOURCE, EVENT_SOURCE, identity, null,
                null, null, null, null, EventIds.next(), false, List.of(), AuditEvent.SERVICE_EVENT,
                account, null);
    }
}
