package dev.trent.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * One admin request as a handler sees it: the method, the decoded path, the values of the path's
 * {@code {name}} segments, the query parameters (the first value of each) and the body, already parsed as JSON
 * ({@link com.fasterxml.jackson.databind.node.MissingNode} when there was none).
 */
public record AdminRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
                           JsonNode body) {

    public AdminRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
    }

    /** The value of the {@code {name}} segment of the route's pattern. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no {" + name + "} segment");
        }
        return value;
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** The body, which must be a JSON object; a 400 otherwise. */
    public ObjectNode jsonObject() {
        if (body.isMissingNode()) {
            throw AdminException.badRequest("This request needs a JSON object as its body.");
        }
        if (!body.isObject()) {
            throw AdminException.badRequest("The request body must be a JSON object.");
        }
        return (ObjectNode) body;
    }
}
