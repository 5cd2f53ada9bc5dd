package dev.trent.server.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The one attribute a LookupEvents request may filter on, and how it matches a stored CloudTrail record.
 */
enum LookupAttribute {
    EVENT_ID("EventId", (record, value) -> record.path("eventID").asText().equals(value)),
    EVENT_NAME("EventName", (record, value) -> record.path("eventName").asText().equals(value)),
    READ_ONLY("ReadOnly", (record, value) -> String.valueOf(record.path("readOnly").asBoolean()).equals(value)),
    USERNAME("Username", (record, value) -> value.equals(EventSummary.userName(record))),
    RESOURCE_TYPE("ResourceType", (record, value) -> anyResource(record, "type", value)),
    RESOURCE_NAME("ResourceName", (record, value) -> anyResource(record, "ARN", value)),
    EVENT_SOURCE("EventSource", (record, value) -> record.path("eventSource").asText().equals(value)),
    ACCESS_KEY_ID("AccessKeyId", (record, value) ->
            record.path("userIdentity").path("accessKeyId").asText().equals(value));

    private interface Matcher {
        boolean matches(JsonNode record, String value);
    }

    private final String key;
    private final Matcher matcher;

    LookupAttribute(String key, Matcher matcher) {
        this.key = key;
        this.matcher = matcher;
    }

    String key() {
        return key;
    }

    /** The attribute named {@code key} exactly as the model spells it. */
    static LookupAttribute of(String key) {
        for (LookupAttribute attribute : values()) {
            if (attribute.key.equals(key)) {
                return attribute;
            }
        }
        throw new CloudTrailException(CloudTrailException.Type.INVALID_LOOKUP_ATTRIBUTES,
                "The attribute key '" + key + "' is not valid. Valid keys are EventId, EventName, ReadOnly, Username, "
                        + "ResourceType, ResourceName, EventSource and AccessKeyId.");
    }

    Predicate<JsonNode> matching(String value) {
        if (this == READ_ONLY && !value.toLowerCase(Locale.ROOT).equals(value)) {
            return record -> false;
        }
        return record -> matcher.matches(record, value);
    }

    private static boolean anyResource(JsonNode record, String member, String value) {
        for (JsonNode resource : record.path("resources")) {
            if (resource.path(member).asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
