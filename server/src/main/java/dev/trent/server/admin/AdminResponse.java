package dev.trent.server.admin;

import com.fasterxml.jackson.databind.node.BinaryNode;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an admin endpoint answers: an HTTP status, a JSON body and any extra headers (such as {@code Allow}). */
public record AdminResponse(int status, JsonNode body, Map<String, String> headers) {

    public AdminResponse {
        body = body == null ? JsonNodeFactory.instance.objectNode() : body;
        headers = Map.copyOf(headers);
    }

    /** 200 with {@code body}. */
    public static AdminResponse ok(JsonNode body) {
        return new AdminResponse(200, body, Map.of());
    }

    /** 200 with no body at all, for stand-in endpoints whose original answers nothing (LocalStack's reset). */
    public static AdminResponse okWithoutBody() {
        return new AdminResponse(200, MissingNode.getInstance(), Map.of());
    }

    /** {@code {"error": error, "message": message}} with {@code status}. */
    public static AdminResponse error(int status, String error, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("error", error)
                .put("message", message);
        return new AdminResponse(status, body, Map.of());
    }

    /** 200 with {@code text} as the body, of media type {@code mediaType} (a PEM key, say) instead of JSON. */
    public static AdminResponse text(String mediaType, String text) {
        return new AdminResponse(200, BinaryNode.valueOf(text.getBytes(StandardCharsets.UTF_8)),
                Map.of("Content-Type", mediaType));
    }

    /** A new, empty JSON object for building a body. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public AdminResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new AdminResponse(status, body, more);
    }

    /** The body as UTF-8 JSON bytes; none for {@link #okWithoutBody()}. */
    public byte[] bodyBytes() {
        if (body.isMissingNode()) {
            return new byte[0];
        }
        if (body.isBinary()) {
            return ((BinaryNode) body).binaryValue();
        }
        try {
            return AdminRouter.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // A tree built from JsonNodes always serialises; this would be a bug, not bad input.
            throw new IllegalStateException("cannot write an admin response", e);
        }
    }
}
