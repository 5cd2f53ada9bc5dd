package dev.trent.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the edge knows of a call before it runs: enough to record it as an {@link AuditEvent} once its
 * {@link Outcome} is known.
 *
 * @param resources the resources the request itself names (a key ARN); the outcome may add more
 */
public record ApiCall(String eventSource, String eventName, String region, UserIdentity identity, String sourceIp,
                      String userAgent, String requestId, JsonNode requestParameters, boolean readOnly,
                      List<EventResource> resources) {

    public ApiCall {
        resources = List.copyOf(resources);
    }

    /** How a call ended: an error code and message for a refusal, else what the response adds. */
    public record Outcome(String errorCode, String errorMessage, JsonNode responseElements,
                          List<EventResource> resources) {

        public Outcome {
            resources = List.copyOf(resources);
        }

        public static Outcome succeeded(JsonNode responseElements, List<EventResource> resources) {
            return new Outcome(null, null, responseElements, resources);
        }

        public static Outcome refused(String errorCode, String errorMessage) {
            return new Outcome(errorCode, errorMessage, null, List.of());
        }
    }

    /** The event recording this call, completed at {@code time}, with a new event id. */
    public AuditEvent event(Instant time, Outcome outcome) {
        LinkedHashSet<EventResource> all = new LinkedHashSet<>(resources);
        all.addAll(outcome.resources());
        return new AuditEvent(time, eventSource, eventName, region, sourceIp, userAgent, identity.toJson(),
                requestParameters, outcome.responseElements(), outcome.errorCode(), outcome.errorMessage(),
                requestId, EventIds.next(), readOnly, new ArrayList<>(all), AuditEvent.API_CALL,
                identity.principal().account(), null);
    }
}
