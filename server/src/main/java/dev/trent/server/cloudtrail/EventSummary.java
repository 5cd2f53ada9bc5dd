package dev.trent.server.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A stored CloudTrail record as LookupEvents lists it: the {@code Event} shape, the record itself as a string. */
final class EventSummary {

    private EventSummary() {
    }

    static ObjectNode of(JsonNode record) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("EventId", record.path("eventID").asText());
        event.put("EventName", record.path("eventName").asText());
        event.put("ReadOnly", String.valueOf(record.path("readOnly").asBoolean()));
        JsonNode accessKey = record.path("userIdentity").path("accessKeyId");
        if (accessKey.isTextual()) {
            event.put("AccessKeyId", accessKey.asText());
        }
        event.put("EventTime", time(record).getEpochSecond());
        event.put("EventSource", record.path("eventSource").asText());
        String userName = userName(record);
        if (userName != null) {
            event.put("Username", userName);
        }
        ArrayNode resources = event.putArray("Resources");
        for (JsonNode resource : record.path("resources")) {
            resources.addObject().put("ResourceType", resource.path("type").asText())
                    .put("ResourceName", resource.path("ARN").asText());
        }
        event.put("CloudTrailEvent", record.toString());
        return event;
    }

    static Instant time(JsonNode record) {
        return Instant.parse(record.path("eventTime").asText());
    }

    /** The user or role session name, or {@code root}; null for an event no principal made. */
    static String userName(JsonNode record) {
        JsonNode identity = record.path("userIdentity");
        return switch (identity.path("type").asText()) {
            case "Root" -> "root";
            case "IAMUser" -> identity.path("userName").asText();
            case "AssumedRole" -> {
                String arn = identity.path("arn").asText();
                yield arn.substring(arn.lastIndexOf('/') + 1);
            }
            default -> null;
        };
    }
}
