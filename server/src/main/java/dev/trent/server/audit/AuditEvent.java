package dev.trent.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One call as CloudTrail records it (record format 1.09). Request parameters and response elements arrive here
 * already stripped of secrets ({@link Redaction}).
 *
 * @param userIdentity      the {@code userIdentity} element
 * @param requestParameters null when the call had none worth recording
 * @param responseElements  null, as for every read-only call
 * @param errorCode         null for a call that succeeded
 * @param eventType         {@link #API_CALL} or {@link #SERVICE_EVENT}
 * @param serviceEventDetails what a service event adds (the key, the rotation type); null for an API call
 */
public record AuditEvent(Instant eventTime, String eventSource, String eventName, String awsRegion,
                         String sourceIpAddress, String userAgent, JsonNode userIdentity,
                         JsonNode requestParameters, JsonNode responseElements, String errorCode, String errorMessage,
                         String requestId, String eventId, boolean readOnly, List<EventResource> resources,
                         String eventType, String recipientAccountId, JsonNode serviceEventDetails) {

    public static final String EVENT_VERSION = "1.09";
    public static final String API_CALL = "AwsApiCall";
    public static final String SERVICE_EVENT = "AwsServiceEvent";

    public AuditEvent {
        Objects.requireNonNull(eventTime);
        Objects.requireNonNull(eventSource);
        Objects.requireNonNull(eventName);
        Objects.requireNonNull(eventId);
        resources = List.copyOf(resources);
    }

    /** The record in CloudTrail's field order; {@code eventTime} to the second, as CloudTrail writes it. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("eventVersion", EVENT_VERSION);
        node.set("userIdentity", userIdentity);
        node.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(eventTime.truncatedTo(ChronoUnit.SECONDS)));
        node.put("eventSource", eventSource);
        node.put("eventName", eventName);
        node.put("awsRegion", awsRegion);
        node.put("sourceIPAddress", sourceIpAddress);
        node.put("userAgent", userAgent);
        if (errorCode != null) {
            node.put("errorCode", errorCode);
            if (errorMessage != null) {
                node.put("errorMessage", errorMessage);
            }
        }
        node.set("requestParameters", requestParameters == null ? NullNode.instance : requestParameters);
        node.set("responseElements", responseElements == null ? NullNode.instance : responseElements);
        if (requestId != null) {
            node.put("requestID", requestId);
        }
        node.put("eventID", eventId);
        node.put("readOnly", readOnly);
        if (!resources.isEmpty()) {
            ArrayNode list = node.putArray("resources");
            resources.forEach(resource -> list.add(resource.toJson()));
        }
        node.put("eventType", eventType);
        node.put("managementEvent", true);
        node.put("recipientAccountId", recipientAccountId);
        if (serviceEventDetails != null) {
            node.set("serviceEventDetails", serviceEventDetails);
        }
        node.put("eventCategory", "Management");
        return node;
    }
}
