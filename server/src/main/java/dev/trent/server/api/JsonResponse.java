package dev.trent.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;

/**
 * A response body in the awsJson1.1 encoding: blobs as base64, timestamps as epoch seconds with a
 * millisecond fraction, absent members omitted.
 */
public final class JsonResponse {

    private final ObjectNode node;

    private JsonResponse(ObjectNode node) {
        this.node = node;
    }

    public static JsonResponse create() {
        return new JsonResponse(JsonRequest.JSON.createObjectNode());
    }

    public JsonResponse string(String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
        return this;
    }

    public JsonResponse string(String member, Enum<?> value) {
        return value == null ? this : string(member, value.name());
    }

    public JsonResponse blob(String member, byte[] value) {
        if (value != null) {
            node.put(member, Base64.getEncoder().encodeToString(value));
        }
        return this;
    }

    public JsonResponse time(String member, Instant value) {
        if (value != null) {
            node.put(member, BigDecimal.valueOf(value.toEpochMilli(), 3));
        }
        return this;
    }

    public JsonResponse bool(String member, boolean value) {
        node.put(member, value);
        return this;
    }

    public JsonResponse integer(String member, Integer value) {
        if (value != null) {
            node.put(member, value);
        }
        return this;
    }

    /** A list of enum names or strings; omitted when empty. */
    public JsonResponse names(String member, Collection<?> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(member);
            values.forEach(v -> array.add(v instanceof Enum<?> e ? e.name() : v.toString()));
        }
        return this;
    }

    /** A list of structures, always present (AWS sends an empty list). */
    public JsonResponse objects(String member, Collection<JsonResponse> values) {
        ArrayNode array = node.putArray(member);
        values.forEach(v -> array.add(v.node));
        return this;
    }

    public JsonResponse object(String member, JsonResponse value) {
        node.set(member, value.node);
        return this;
    }

    public ObjectNode node() {
        return node;
    }
}
